package org.attributiongraph.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.attributiongraph.graph.Ids;

/**
 * Country names as feeds write them ("PRC", "Korea (Republic of)", "Iran, Islamic Republic of",
 * "The Philippines") and ISO codes in any case, resolved to one ISO 3166-1 alpha-2 code. The table
 * is the JDK's list of ISO codes with their English (CLDR) names plus the synonyms below, matched on
 * {@link Ids#normalise}, so case, accents and punctuation do not matter.
 */
final class Countries {

    /** Names the JDK does not give, each an official or common name of exactly one country. */
    private static final Map<String, Set<String>> SYNONYMS = Map.ofEntries(
            Map.entry("CN", Set.of("PRC", "P.R.C.", "People's Republic of China", "Mainland China")),
            Map.entry("US", Set.of("USA", "U.S.", "U.S.A.", "United States of America")),
            Map.entry("GB", Set.of("UK", "U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland")),
            Map.entry("RU", Set.of("Russian Federation")),
            Map.entry("KR", Set.of("Korea, Republic of", "Republic of Korea")),
            Map.entry("KP", Set.of("Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", "DPRK")),
            Map.entry("IR", Set.of("Iran, Islamic Republic of", "Islamic Republic of Iran")),
            Map.entry("TW", Set.of("Taiwan, Province of China", "Republic of China")),
            Map.entry("VN", Set.of("Viet Nam")),
            Map.entry("SY", Set.of("Syrian Arab Republic")),
            Map.entry("LA", Set.of("Lao People's Democratic Republic")),
            Map.entry("MD", Set.of("Moldova, Republic of")),
            Map.entry("TZ", Set.of("Tanzania, United Republic of")),
            Map.entry("VE", Set.of("Venezuela, Bolivarian Republic of")),
            Map.entry("BO", Set.of("Bolivia, Plurinational State of")),
            Map.entry("BN", Set.of("Brunei Darussalam")),
            Map.entry("FM", Set.of("Micronesia, Federated States of")),
            Map.entry("PS", Set.of("Palestine", "State of Palestine", "Palestine, State of", "Palestinian Territory")),
            Map.entry("CZ", Set.of("Czech Republic")),
            Map.entry("TR", Set.of("Turkey")),
            Map.entry("CI", Set.of("Ivory Coast", "Cote d'Ivoire")),
            Map.entry("MM", Set.of("Myanmar", "Burma")),
            Map.entry("HK", Set.of("Hong Kong")),
            Map.entry("MO", Set.of("Macao", "Macau")),
            Map.entry("CD", Set.of("Democratic Republic of the Congo", "Congo, The Democratic Republic of the", "DR Congo")),
            Map.entry("CG", Set.of("Republic of the Congo", "Congo")),
            Map.entry("MK", Set.of("Macedonia", "The former Yugoslav Republic of Macedonia")),
            Map.entry("SZ", Set.of("Swaziland")),
            Map.entry("CV", Set.of("Cabo Verde")),
            Map.entry("TL", Set.of("East Timor")),
            Map.entry("VA", Set.of("Holy See", "Vatican")),
            Map.entry("AE", Set.of("UAE")),
            Map.entry("BQ", Set.of("Bonaire, Saint Eustatius and Saba")),
            Map.entry("CC", Set.of("Cocos Islands")),
            Map.entry("GS", Set.of("South Georgia and the South Sandwich Islands")),
            Map.entry("HM", Set.of("Heard Island and McDonald Islands")),
            Map.entry("PN", Set.of("Pitcairn")),
            Map.entry("UM", Set.of("United States Minor Outlying Islands")),
            Map.entry("VC", Set.of("Saint Vincent and the Grenadines")));

    /**
     * The name Country nodes get where it differs from the JDK's. Every reader and the curated cases
     * must agree, because a merge overwrites a node's name with the last file's.
     */
    private static final Map<String, String> PREFERRED_NAMES = Map.of("CN", "People's Republic of China");

    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            NAMES.put(code, PREFERRED_NAMES.getOrDefault(code, name));
            add(code, code);
            add(name, code);
            // "St. Kitts & Nevis" is also written "Saint Kitts and Nevis".
            add(name.replace("&", "and").replace("St. ", "Saint "), code);
            add(PREFERRED_NAMES.getOrDefault(code, name), code);
        }
        SYNONYMS.forEach((code, names) -> names.forEach(name -> add(name, code)));
    }

    private Countries() {
    }

    private static void add(String name, String code) {
        String previous = CODES.put(Ids.normalise(name), code);
        if (previous != null && !previous.equals(code)) {
            throw new IllegalStateException("\"" + name + "\" names both " + previous + " and " + code);
        }
    }

    /** The ISO 3166-1 alpha-2 code of a country name or code, if it names exactly one country. */
    static Optional<String> code(String nameOrCode) {
        String key = Ids.normalise(nameOrCode);
        String code = CODES.get(key);
        if (code == null && key.startsWith("the ")) {
            code = CODES.get(key.substring(4));
        }
        return Optional.ofNullable(code);
    }

    /** Whether the text is an assigned ISO 3166-1 alpha-2 code, written in capitals. */
    static boolean isCode(String text) {
        return NAMES.containsKey(text);
    }

    /** The English short name Country nodes carry; {@code code} must be an assigned code. */
    static String name(String code) {
        String name = NAMES.get(code);
        if (name == null) {
            throw new IllegalArgumentException(code + " is not an ISO 3166-1 alpha-2 code");
        }
        return name;
    }
}
