package org.attributiongraph.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.Ids;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reader of MISP galaxy cluster files (github.com/MISP/misp-galaxy, {@code clusters/<type>.json}).
 * The top-level {@code type} decides the mapping:
 * <ul>
 * <li>{@code threat-actor}: each value a ThreatGroup keyed by its normalised name (so "APT10" merges
 * with the curated APT10), {@code meta.synonyms} its aliases, {@code misp:<uuid>} and, for each
 * {@code related} entry of type {@code similar} whose dest-uuid is an ATT&CK intrusion set,
 * {@code stix:intrusion-set--<dest-uuid>} its external ids. Other relation types ("overlaps", "uses")
 * claim no identity and are not kept. {@code meta.country} and {@code meta.cfr-suspected-state-sponsor}
 * become SPONSORED_BY the Country, with {@code meta.attribution-confidence} (default 50);
 * {@code meta.cfr-suspected-victims} TARGETS a Country, or an Organization when the name is no country
 * (regions, which the model has no node for, are skipped with a warning); {@code meta.cfr-target-category}
 * and {@code meta.targeted-sector} TARGETS a Sector through {@link Sectors}. TARGETS have confidence 50:
 * the galaxy states no confidence for them. Every relationship cites one Source, the galaxy file; its
 * {@code meta.refs} are not cited because none of them is tied to a particular claim.</li>
 * <li>{@code sector}: the values that map to a STIX industry-sector word become that Sector, the MISP
 * names its aliases; the others are skipped with a warning.</li>
 * <li>{@code country}: each value a Country keyed by {@code meta.ISO}, its MISP names as aliases.</li>
 * </ul>
 * The whole file is checked and every problem reported with its line and JSON pointer before
 * anything is mapped to the graph.
 */
@Component
final class MispReader implements FormatReader {

    private static final List<String> CLUSTER_TYPES = List.of("threat-actor", "sector", "country");
    private static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}");
    private static final int DEFAULT_CONFIDENCE = 50;
    /** Victims named by region: the model has no node for them. */
    private static final Set<String> REGIONS = Set.of("world", "global", "africa", "americas", "asia", "europe", "oceania",
            "middle east", "the middle east", "eastern europe", "western europe", "northern europe", "southern europe",
            "central asia", "east asia", "south asia", "southeast asia", "southeast asian", "asia pacific", "north africa",
            "northeast africa", "southern africa", "west africa", "east africa", "north america", "south america",
            "latin america", "central america", "caribbean", "gaza", "kurdistan");

    private final Set<String> attackIntrusionSets = attackIntrusionSets();

    @Override
    public String format() {
        return "misp";
    }

    @Override
    public ImportBatch read(String file, byte[] content) {
        LocatedJson doc = LocatedJson.parseObject(file, content,
                "a MISP galaxy cluster is a JSON object with \"type\" and \"values\"");
        var check = new Check(file, doc);
        JsonNode root = doc.root();
        String type = check.text(root, "", "type", true);
        if (type != null && !CLUSTER_TYPES.contains(type)) {
            check.problem("/type", "cluster type \"" + type + "\" is not supported; this server reads: " + String.join(", ", CLUSTER_TYPES));
        }
        // Without a known type no value can be mapped.
        check.throwIfAny();
        List<Value> values = values(check, root);
        ImportBatch batch = switch (type) {
            case "threat-actor" -> threatActors(check, root, values);
            case "sector" -> sectors(check, values);
            default -> countries(check, values);
        };
        check.throwIfAny();
        return batch;
    }

    /** One element of {@code values} with the fields every cluster type needs. */
    private record Value(String at, JsonNode node, String name, String uuid) {
        JsonNode meta() {
            return node.path("meta");
        }
    }

    private static List<Value> values(Check check, JsonNode root) {
        JsonNode values = root.get("values");
        if (values == null || !values.isArray()) {
            check.problem("/values", "values is required (a JSON array)");
            return List.of();
        }
        List<Value> result = new ArrayList<>();
        Map<String, String> uuids = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String at = "/values/" + i;
            JsonNode node = values.get(i);
            if (!node.isObject()) {
                check.problem(at, "must be a JSON object");
                continue;
            }
            String name = check.text(node, at, "value", true);
            String uuid = check.text(node, at, "uuid", true);
            if (uuid != null && !UUID.matcher(uuid).matches()) {
                check.problem(at + "/uuid", "\"" + uuid + "\" is not a UUID");
                uuid = null;
            }
            if (node.has("meta") && !node.get("meta").isObject()) {
                check.problem(at + "/meta", "meta must be a JSON object");
            }
            if (uuid != null) {
                String first = uuids.putIfAbsent(uuid.toLowerCase(Locale.ROOT), at);
                if (first != null) {
                    check.problem(at + "/uuid", "uuid " + uuid + " is already the uuid of " + check.place(first));
                }
            }
            if (name != null && uuid != null) {
                result.add(new Value(at, node, name, uuid.toLowerCase(Locale.ROOT)));
            }
        }
        return result;
    }

    // ---- threat-actor ----

    private ImportBatch threatActors(Check check, JsonNode root, List<Value> values) {
        String title = "MISP galaxy: " + root.path("name").asString("Threat Actor");
        String version = root.path("version").isNumber() ? "cluster version " + root.get("version").asString() : null;
        NodeRecord galaxy = Nodes.dataset("https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json",
                title, "MISP Project", version);
        List<String> sources = List.of(galaxy.id());
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        nodes.put(galaxy.id(), galaxy);
        Map<String, RelationshipRecord> relationships = new LinkedHashMap<>();
        Map<String, String> groups = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> regions = new TreeMap<>();
        Map<String, Integer> unmappedSectors = new TreeMap<>();

        for (Value value : values) {
            String at = value.at();
            JsonNode meta = value.meta();
            String group = Ids.of(NodeType.ThreatGroup, Ids.normalise(value.name()));
            String first = groups.putIfAbsent(group, at);
            if (first != null) {
                check.problem(at + "/value", "\"" + value.name() + "\" is the same group as " + check.place(first)
                        + " (names are compared ignoring case, accents and punctuation)");
                continue;
            }
            List<String> aliases = new ArrayList<>(new LinkedHashSet<>(check.strings(meta, at + "/meta", "synonyms")));
            aliases.remove(value.name());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", value.name());
            String description = check.text(value.node(), at, "description", false);
            if (description != null) {
                props.put("description", description);
            }
            nodes.put(group, new NodeRecord(group, NodeType.ThreatGroup, Set.of(), props, aliases, externalIds(check, value)));

            int confidence = confidence(check, meta, at + "/meta/attribution-confidence");
            for (String field : List.of("country", "cfr-suspected-state-sponsor")) {
                for (String sponsor : check.strings(meta, at + "/meta", field)) {
                    var code = Countries.code(sponsor);
                    if (code.isPresent()) {
                        NodeRecord country = Nodes.country(code.get());
                        nodes.putIfAbsent(country.id(), country);
                        add(relationships, group, RelType.SPONSORED_BY, country.id(), confidence, sources);
                    } else if (!Ids.normalise(sponsor).equals("unknown")) {
                        warnings.add("line " + check.line(at + "/meta/" + field) + ": the state sponsor \"" + sponsor + "\" of "
                                + value.name() + " is not a country this server knows; no SPONSORED_BY");
                    }
                }
            }
            for (String victim : check.strings(meta, at + "/meta", "cfr-suspected-victims")) {
                var code = Countries.code(victim);
                NodeRecord target;
                if (code.isPresent()) {
                    target = Nodes.country(code.get());
                } else if (REGIONS.contains(Ids.normalise(victim))) {
                    regions.merge(victim, 1, Integer::sum);
                    continue;
                } else {
                    target = new NodeRecord(Nodes.organizationId(victim), NodeType.Organization, Set.of(), Map.of("name", victim),
                            List.of(), List.of());
                }
                nodes.putIfAbsent(target.id(), target);
                add(relationships, group, RelType.TARGETS, target.id(), DEFAULT_CONFIDENCE, sources);
            }
            var categories = new ArrayList<>(check.strings(meta, at + "/meta", "cfr-target-category"));
            categories.addAll(check.strings(meta, at + "/meta", "targeted-sector"));
            for (String category : categories) {
                var word = Sectors.stixWord(category);
                if (word.isPresent()) {
                    NodeRecord sector = Nodes.sector(word.get());
                    nodes.putIfAbsent(sector.id(), sector);
                    add(relationships, group, RelType.TARGETS, sector.id(), DEFAULT_CONFIDENCE, sources);
                } else {
                    unmappedSectors.merge(category.strip(), 1, Integer::sum);
                }
            }
        }
        if (!regions.isEmpty()) {
            warnings.add("victims named by region were skipped (the graph has no regions): " + counted(regions));
        }
        if (!unmappedSectors.isEmpty()) {
            warnings.add("target categories with no STIX industry-sector word were skipped: " + counted(unmappedSectors));
        }
        return new ImportBatch(List.copyOf(nodes.values()), List.copyOf(relationships.values()), warnings);
    }

    private List<String> externalIds(Check check, Value value) {
        List<String> ids = new ArrayList<>();
        ids.add("misp:" + value.uuid());
        JsonNode related = value.node().get("related");
        if (related == null) {
            return ids;
        }
        if (!related.isArray()) {
            check.problem(value.at() + "/related", "related must be an array of {\"dest-uuid\", \"type\"}");
            return ids;
        }
        for (int i = 0; i < related.size(); i++) {
            String at = value.at() + "/related/" + i;
            String dest = check.text(related.get(i), at, "dest-uuid", true);
            String type = check.text(related.get(i), at, "type", true);
            if (dest != null && "similar".equals(type) && attackIntrusionSets.contains(dest.toLowerCase(Locale.ROOT))) {
                String id = "stix:intrusion-set--" + dest.toLowerCase(Locale.ROOT);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** {@code meta.attribution-confidence}: a number or numeric string from 0 to 100. */
    private static int confidence(Check check, JsonNode meta, String at) {
        JsonNode value = meta.get("attribution-confidence");
        if (value == null || value.isNull()) {
            return DEFAULT_CONFIDENCE;
        }
        Long number = null;
        if (value.isIntegralNumber()) {
            number = value.asLong();
        } else if (value.isString() && PERCENT.matcher(value.asString().strip()).matches()) {
            number = Long.parseLong(value.asString().strip());
        }
        if (number == null || number < 0 || number > 100) {
            check.problem(at, "attribution-confidence must be a whole number from 0 to 100, found " + value);
            return DEFAULT_CONFIDENCE;
        }
        return number.intValue();
    }

    private static void add(Map<String, RelationshipRecord> relationships, String from, RelType type, String to, int confidence,
                            List<String> sources) {
        relationships.putIfAbsent(from + " " + type + " " + to,
                new RelationshipRecord(from, type, to, confidence, sources, null, null, null, null, null, null));
    }

    private static String counted(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    // ---- sector ----

    private static ImportBatch sectors(Check check, List<Value> values) {
        Map<String, Set<String>> aliases = new TreeMap<>();
        Map<String, List<String>> externalIds = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Value value : values) {
            List<String> names = new ArrayList<>(List.of(value.name()));
            names.addAll(check.strings(value.meta(), value.at() + "/meta", "synonyms"));
            var word = names.stream().map(Sectors::stixWord).flatMap(Optional::stream).findFirst();
            if (word.isEmpty()) {
                skipped.add(value.name());
                continue;
            }
            var known = aliases.computeIfAbsent(word.get(), w -> new LinkedHashSet<>());
            names.stream().filter(n -> !n.equalsIgnoreCase(word.get())).forEach(known::add);
            externalIds.computeIfAbsent(word.get(), w -> new ArrayList<>()).add("misp:" + value.uuid());
        }
        List<NodeRecord> nodes = new ArrayList<>();
        aliases.forEach((word, names) -> nodes.add(new NodeRecord(Nodes.sectorId(word), NodeType.Sector, Set.of(),
                Map.of("name", word), List.copyOf(names), externalIds.get(word))));
        List<String> warnings = skipped.isEmpty() ? List.of() : List.of(skipped.size() + " of " + values.size()
                + " sectors have no STIX industry-sector word and were skipped: " + String.join(", ", skipped));
        return new ImportBatch(nodes, List.of(), warnings);
    }

    // ---- country ----

    private static ImportBatch countries(Check check, List<Value> values) {
        List<NodeRecord> nodes = new ArrayList<>();
        Map<String, String> codes = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Value value : values) {
            String at = value.at() + "/meta";
            String code = check.text(value.meta(), at, "ISO", true);
            if (code == null) {
                continue;
            }
            if (!ISO2.matcher(code).matches()) {
                check.problem(at + "/ISO", "\"" + code + "\" is not an ISO 3166-1 alpha-2 code (two capital letters)");
                continue;
            }
            if (!Countries.isCode(code)) {
                skipped.add(value.name() + " (" + code + ")");
                continue;
            }
            String first = codes.putIfAbsent(code, value.at());
            if (first != null) {
                check.problem(at + "/ISO", code + " is already the code of " + check.place(first));
                continue;
            }
            String name = Countries.name(code);
            List<String> names = new ArrayList<>();
            names.add(check.text(value.node(), value.at(), "description", false));
            names.add(value.name());
            names.addAll(check.strings(value.meta(), at, "synonyms"));
            List<String> aliases = new ArrayList<>();
            for (String alias : names) {
                if (alias != null && !alias.equalsIgnoreCase(name) && aliases.stream().noneMatch(alias::equalsIgnoreCase)) {
                    aliases.add(alias);
                }
            }
            nodes.add(new NodeRecord(Ids.of(NodeType.Country, code), NodeType.Country, Set.of(),
                    Map.of("name", name, "country", code), aliases, List.of("misp:" + value.uuid())));
        }
        List<String> warnings = skipped.isEmpty() ? List.of()
                : List.of("not ISO 3166-1 countries, skipped: " + String.join(", ", skipped));
        return new ImportBatch(nodes, List.of(), warnings);
    }

    /** UUIDs of the ATT&CK intrusion sets, from the list shipped beside the reader. */
    private static Set<String> attackIntrusionSets() {
        try (InputStream in = MispReader.class.getResourceAsStream("/attack/intrusion-sets.tsv")) {
            if (in == null) {
                throw new IllegalStateException("attack/intrusion-sets.tsv is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.substring(0, line.indexOf('\t')))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects problems; every accessor reports what is wrong and returns null or empty instead of throwing. */
    private static final class Check extends FileProblems {

        Check(String file, LocatedJson doc) {
            super(file, doc);
        }

        /** How a message names another value: its pointer and line. */
        String place(String pointer) {
            return pointer + " (line " + line(pointer) + ")";
        }

        /** A string or an array of strings, as MISP writes either; blanks are dropped. */
        List<String> strings(JsonNode node, String at, String field) {
            JsonNode value = node.get(field);
            List<String> result = new ArrayList<>();
            if (value == null || value.isNull()) {
                return result;
            }
            if (value.isString()) {
                if (!value.asString().isBlank()) {
                    result.add(value.asString().strip());
                }
                return result;
            }
            if (!value.isArray()) {
                problem(at + "/" + field, field + " must be a string or an array of strings");
                return result;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (!element.isString()) {
                    problem(at + "/" + field + "/" + i, "must be a string");
                } else if (!element.asString().isBlank()) {
                    result.add(element.asString().strip());
                }
            }
            return result;
        }
    }
}
