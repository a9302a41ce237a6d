package org.attributiongraph.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.attributiongraph.graph.GraphModel;
import org.attributiongraph.graph.Ids;

/**
 * Sector and target-category names as MISP writes them (its sector cluster, {@code cfr-target-category},
 * {@code targeted-sector}), mapped to the STIX industry-sector words that Sector nodes are named by.
 * A STIX word maps to itself. Names that are no industry (Activists, Citizens, Journalist,
 * Separatists ...) or would need a guess (Engineering, Legal, Research) deliberately have no entry:
 * a wrong sector is worse than none.
 */
final class Sectors {

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            // The state: MISP's "Government, Administration" and the CFR's categories of it.
            Map.entry("Government, Administration", "government"),
            Map.entry("Administration", "government"),
            Map.entry("Government agencies and services", "government"),
            Map.entry("Government Institutions", "government"),
            Map.entry("Diplomacy", "government-national"),
            Map.entry("Intelligence", "government-national"),
            Map.entry("Police - Law enforcement", "government-emergency-services"),
            Map.entry("Military", "defense"),
            Map.entry("Defence", "defense"),
            Map.entry("Defense industrial base", "defense"),
            Map.entry("Defense Contractor", "defense"),
            // The CFR's "Private sector" is business at large: STIX "commercial".
            Map.entry("Private sector", "commercial"),
            Map.entry("Business", "commercial"),
            Map.entry("Finance", "financial-services"),
            Map.entry("Financial", "financial-services"),
            Map.entry("Bank", "financial-services"),
            Map.entry("Payment", "financial-services"),
            Map.entry("Investment", "financial-services"),
            Map.entry("Cryptocurrency", "financial-services"),
            Map.entry("Health", "healthcare"),
            Map.entry("Medical", "healthcare"),
            Map.entry("Biomedical", "healthcare"),
            Map.entry("Pharmacy", "pharmaceuticals"),
            Map.entry("Pharmaceutical", "pharmaceuticals"),
            Map.entry("Life science", "pharmaceuticals"),
            Map.entry("Telecoms", "telecommunications"),
            Map.entry("Telecomms", "telecommunications"),
            Map.entry("IT - ISP", "telecommunications"),
            Map.entry("IT", "technology"),
            Map.entry("Information technology", "technology"),
            Map.entry("High tech", "technology"),
            Map.entry("Semi-conductors", "technology"),
            Map.entry("Semiconductor", "technology"),
            Map.entry("Semiconductor Industry", "technology"),
            Map.entry("Electronic", "technology"),
            Map.entry("Electronics Manufacturers", "technology"),
            Map.entry("IT - Security", "technology"),
            Map.entry("Managed Services Provider", "technology"),
            Map.entry("DNS service provider", "technology"),
            Map.entry("Media", "communications"),
            Map.entry("News", "communications"),
            Map.entry("News - Media", "communications"),
            Map.entry("Television broadcast", "communications"),
            Map.entry("Transport", "transportation"),
            Map.entry("Transportation systems", "transportation"),
            Map.entry("Aviation", "transportation"),
            Map.entry("Civil Aviation", "transportation"),
            Map.entry("Rail", "transportation"),
            Map.entry("Railway", "transportation"),
            Map.entry("Logistics", "transportation"),
            Map.entry("Logistic", "transportation"),
            Map.entry("Shipping", "transportation"),
            Map.entry("Maritime", "transportation"),
            Map.entry("Space", "aerospace"),
            Map.entry("Satellite navigation", "aerospace"),
            Map.entry("Academia - University", "education"),
            Map.entry("Higher education", "education"),
            Map.entry("Universities", "education"),
            Map.entry("Oil", "energy"),
            Map.entry("Gas", "energy"),
            Map.entry("Petroleum", "energy"),
            Map.entry("Petrochemical", "energy"),
            Map.entry("Energy Company", "energy"),
            Map.entry("Electric", "utilities"),
            Map.entry("Smart meter", "utilities"),
            Map.entry("Hospitality", "hospitality-leisure"),
            Map.entry("Hotels", "hospitality-leisure"),
            Map.entry("Tourism", "hospitality-leisure"),
            Map.entry("Travel", "hospitality-leisure"),
            Map.entry("Restaurant", "hospitality-leisure"),
            Map.entry("Casino", "hospitality-leisure"),
            Map.entry("Gambling companies", "hospitality-leisure"),
            Map.entry("Gambling Websites", "hospitality-leisure"),
            Map.entry("Game", "entertainment"),
            Map.entry("Gaming", "entertainment"),
            Map.entry("Media and Entertainment", "entertainment"),
            Map.entry("Streaming service", "entertainment"),
            Map.entry("NGO", "non-profit"),
            Map.entry("NGOs", "non-profit"),
            Map.entry("Non-profit organisation", "non-profit"),
            Map.entry("Civil society", "non-profit"),
            Map.entry("Think Tanks", "non-profit"),
            Map.entry("Religious organization", "non-profit"),
            Map.entry("Religious Organizations", "non-profit"),
            Map.entry("Critical manufacturing", "manufacturing"),
            Map.entry("Industrial", "manufacturing"),
            Map.entry("Steel", "manufacturing"),
            Map.entry("Metal", "manufacturing"),
            Map.entry("Food", "agriculture"),
            Map.entry("Food and agriculture", "agriculture"),
            Map.entry("eCommerce", "retail"),
            Map.entry("Online marketplace", "retail"),
            Map.entry("Civil engineering", "construction"));

    private static final Map<String, String> WORDS = new HashMap<>();

    static {
        GraphModel.SECTORS.forEach(word -> WORDS.put(Ids.normalise(word), word));
        SYNONYMS.forEach((name, word) -> {
            if (!GraphModel.SECTORS.contains(word)) {
                throw new IllegalStateException(word + " is not a STIX industry-sector word");
            }
            WORDS.put(Ids.normalise(name), word);
        });
    }

    private Sectors() {
    }

    /** The STIX industry-sector word for a sector name, matched ignoring case and punctuation. */
    static Optional<String> stixWord(String name) {
        return Optional.ofNullable(WORDS.get(Ids.normalise(name)));
    }
}
