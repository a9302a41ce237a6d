package org.attributiongraph.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.attributiongraph.graph.GraphModel;
import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelFamily;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reader of the native case format ({@code attribution-case/1}, described in import/README.md).
 * It checks the whole file and reports every problem with its line and JSON pointer before
 * anything is mapped.
 */
@Component
final class CaseReader implements FormatReader {

    static final String FORMAT_VERSION = "attribution-case/1";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final Set<String> TOP_FIELDS = Set.of("format", "case", "title", "summary", "sources", "entities", "relationships");
    private static final Set<String> SOURCE_FIELDS = Set.of("key", "kind", "title", "url", "publisher", "published", "note", "tlp",
            "court", "docket", "charges", "authority", "program");
    private static final Set<String> ENTITY_FIELDS = Set.of("key", "type", "name", "aliases", "description", "country", "labels",
            "external_ids", "first_seen", "last_seen", "tlp");
    private static final Set<String> RELATIONSHIP_FIELDS = Set.of("from", "type", "to", "confidence", "sources", "valid_from",
            "valid_to", "description", "tlp");
    private static final Set<NodeType> SEEN_TYPES = EnumSet.of(NodeType.Campaign, NodeType.Incident, NodeType.ThreatGroup);


    @Override
    public String format() {
        return "case";
    }

    @Override
    public ImportBatch read(String file, byte[] content) {
        var doc = LocatedJson.parseObject(file, content, "a case file must be a JSON object");
        var check = new Check(file, doc);
        JsonNode root = doc.root();

        check.unknownFields(root, "", TOP_FIELDS);
        String format = check.text(root, "", "format", true);
        if (format != null && !format.equals(FORMAT_VERSION)) {
            check.problem("/format", "format must be \"" + FORMAT_VERSION + "\", found \"" + format + "\"");
        }
        String slug = check.text(root, "", "case", true);
        if (slug != null && !KEY.matcher(slug).matches()) {
            check.problem("/case", "case must be a slug of lower-case letters, digits and hyphens");
        }
        check.text(root, "", "title", true);
        check.text(root, "", "summary", false);

        Map<String, SourceEntry> sources = new LinkedHashMap<>();
        Map<String, NodeRecord> entities = new LinkedHashMap<>();
        Map<String, String> idOwner = new HashMap<>();
        List<NodeRecord> nodes = new ArrayList<>();
        Set<String> declared = declaredKeys(root);

        for (var item : check.array(root, "sources")) {
            String at = "/sources/" + item.index();
            var source = readSource(check, item.node(), at);
            if (source == null) {
                continue;
            }
            if (sources.containsKey(source.key)) {
                check.problem(at + "/key", "duplicate key \"" + source.key + "\"");
                continue;
            }
            claimId(check, idOwner, source.node.id(), at, "a source with the same URL");
            sources.put(source.key, source);
            nodes.add(source.node);
        }
        for (var item : check.array(root, "entities")) {
            String at = "/entities/" + item.index();
            var entity = readEntity(check, item.node(), at);
            if (entity == null) {
                continue;
            }
            String key = item.node().path("key").asString();
            if (sources.containsKey(key) || entities.containsKey(key)) {
                check.problem(at + "/key", "duplicate key \"" + key + "\"");
                continue;
            }
            claimId(check, idOwner, entity.id(), at, "the same entity (same type and name)");
            entities.put(key, entity);
            nodes.add(entity);
        }

        List<RelationshipRecord> relationships = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var item : check.array(root, "relationships")) {
            String at = "/relationships/" + item.index();
            var rel = readRelationship(check, item.node(), at, sources, entities, declared);
            if (rel != null && !seen.add(rel.from() + " " + rel.type() + " " + rel.to())) {
                check.problem(at, "the relationship " + item.node().path("from").asString() + " " + rel.type() + " "
                        + item.node().path("to").asString() + " appears twice; list all its sources in one entry");
            } else if (rel != null) {
                relationships.add(rel);
            }
        }
        check.throwIfAny();
        return new ImportBatch(nodes, relationships, List.of());
    }

    private record SourceEntry(String key, String kind, LocalDate published, NodeRecord node) {
    }

    private SourceEntry readSource(Check check, JsonNode node, String at) {
        if (!check.isObject(node, at)) {
            return null;
        }
        check.unknownFields(node, at, SOURCE_FIELDS);
        String key = check.key(node, at);
        String kind = check.text(node, at, "kind", true);
        if (kind != null && !GraphModel.SOURCE_KINDS.contains(kind)) {
            check.problem(at + "/kind", "unknown source kind \"" + kind + "\"; allowed: " + String.join(", ", GraphModel.SOURCE_KINDS));
        }
        String title = check.text(node, at, "title", true);
        String url = check.url(node, at, "url");
        String publisher = check.text(node, at, "publisher", true);
        LocalDate published = check.date(node, at, "published", true);
        String tlp = check.tlp(node, at);
        boolean indictment = "indictment".equals(kind);
        boolean sanction = "sanction".equals(kind);
        for (String field : List.of("court", "docket", "charges")) {
            if (node.has(field) && !indictment) {
                check.problem(at + "/" + field, field + " is only allowed on an indictment");
            }
        }
        for (String field : List.of("authority", "program")) {
            if (node.has(field) && !sanction) {
                check.problem(at + "/" + field, field + " is only allowed on a sanction");
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", title);
        props.put("title", title);
        props.put("kind", kind);
        props.put("url", url);
        props.put("publisher", publisher);
        props.put("published", published);
        props.put("note", check.text(node, at, "note", false));
        props.put("court", check.text(node, at, "court", false));
        props.put("docket", check.text(node, at, "docket", false));
        props.put("charges", check.strings(node, at, "charges"));
        props.put("authority", check.text(node, at, "authority", false));
        props.put("program", check.text(node, at, "program", false));
        props.put("tlp", tlp);
        if (key == null || kind == null || title == null || url == null || publisher == null || published == null) {
            return null;
        }
        Set<ExtraLabel> extra = indictment ? EnumSet.of(ExtraLabel.Indictment)
                : sanction ? EnumSet.of(ExtraLabel.Sanction) : EnumSet.noneOf(ExtraLabel.class);
        var record = new NodeRecord(Ids.of(NodeType.Source, url), NodeType.Source, extra, withoutNulls(props), List.of(), List.of());
        return new SourceEntry(key, kind, published, record);
    }

    private NodeRecord readEntity(Check check, JsonNode node, String at) {
        if (!check.isObject(node, at)) {
            return null;
        }
        check.unknownFields(node, at, ENTITY_FIELDS);
        String key = check.key(node, at);
        String typeText = check.text(node, at, "type", true);
        NodeType type = null;
        if (typeText != null) {
            type = NodeType.parse(typeText).filter(t -> t != NodeType.Source && t.name().equals(typeText)).orElse(null);
            if (type == null) {
                check.problem(at + "/type", "unknown entity type \"" + typeText + "\"; allowed: Country, Agency, Organization, "
                        + "Person, ThreatGroup, Campaign, Incident, Software, Sector (evidence goes in \"sources\")");
            }
        }
        String name = check.text(node, at, "name", true);
        List<String> aliases = check.strings(node, at, "aliases");
        String country = check.text(node, at, "country", false);
        if (type == NodeType.Country) {
            if (country == null) {
                check.problem(at + "/country", "a Country needs its ISO 3166-1 alpha-2 code in \"country\"");
            } else if (!ISO2.matcher(country).matches()) {
                check.problem(at + "/country", "\"" + country + "\" is not an ISO 3166-1 alpha-2 code (two capital letters)");
            }
        } else if (type != null && country != null) {
            check.problem(at + "/country", "country is only allowed on a Country; link other entities with LOCATED_IN");
        }
        if (type == NodeType.Sector && name != null && !GraphModel.SECTORS.contains(name)) {
            check.problem(at + "/name", "\"" + name + "\" is not a STIX industry-sector word (for example healthcare, defense, technology)");
        }
        Set<ExtraLabel> labels = EnumSet.noneOf(ExtraLabel.class);
        List<String> labelTexts = check.strings(node, at, "labels");
        for (int i = 0; labelTexts != null && i < labelTexts.size(); i++) {
            var label = ExtraLabel.parse(labelTexts.get(i)).filter(l -> l.on() == NodeType.Organization);
            if (label.isEmpty()) {
                check.problem(at + "/labels/" + i, "unknown label \"" + labelTexts.get(i) + "\"; allowed: MSP, Contractor");
            } else if (type != null && type != NodeType.Organization) {
                check.problem(at + "/labels/" + i, "labels are only allowed on an Organization");
            } else {
                labels.add(label.get());
            }
        }
        List<String> externalIds = check.externalIds(node, at);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", name);
        props.put("description", check.text(node, at, "description", false));
        props.put("country", country);
        for (String field : List.of("first_seen", "last_seen")) {
            LocalDate date = check.date(node, at, field, false);
            if (date != null && type != null && !SEEN_TYPES.contains(type)) {
                check.problem(at + "/" + field, field + " is only allowed on a Campaign, Incident or ThreatGroup");
            }
            props.put(field, date);
        }
        props.put("tlp", check.tlp(node, at));
        if (key == null || type == null || name == null) {
            return null;
        }
        String naturalKey = type == NodeType.Country ? Objects.requireNonNullElse(country, "") : Ids.normalise(name);
        return new NodeRecord(Ids.of(type, naturalKey), type, labels, withoutNulls(props),
                aliases == null ? List.of() : aliases, externalIds);
    }

    private RelationshipRecord readRelationship(Check check, JsonNode node, String at, Map<String, SourceEntry> sources,
                                                Map<String, NodeRecord> entities, Set<String> declared) {
        if (!check.isObject(node, at)) {
            return null;
        }
        check.unknownFields(node, at, RELATIONSHIP_FIELDS);
        String typeText = check.text(node, at, "type", true);
        RelType type = typeText == null ? null : RelType.parse(typeText).orElse(null);
        if (typeText != null && type == null) {
            check.problem(at + "/type", "unknown relationship type \"" + typeText + "\"; allowed: "
                    + String.join(", ", Arrays.stream(RelType.values()).map(Enum::name).toList()));
        }
        String fromKey = check.text(node, at, "from", true);
        String toKey = check.text(node, at, "to", true);
        String from = endpoint(check, at + "/from", fromKey, sources, entities, declared);
        String to = endpoint(check, at + "/to", toKey, sources, entities, declared);
        if (type != null) {
            checkLegalShape(check, at, type, sources.get(fromKey), entities.containsKey(fromKey), sources.containsKey(toKey));
        }
        Integer confidence = null;
        JsonNode c = node.get("confidence");
        if (c == null || c.isNull()) {
            check.problem(at + "/confidence", "confidence is required (an integer from 0 to 100)");
        } else if (!c.isIntegralNumber()) {
            check.problem(at + "/confidence", "confidence must be an integer from 0 to 100, found " + c);
        } else if (c.asLong() < 0 || c.asLong() > 100) {
            check.problem(at + "/confidence", "confidence " + c.asLong() + " is outside 0-100");
        } else {
            confidence = c.asInt();
        }
        List<String> sourceKeys = check.strings(node, at, "sources");
        List<String> sourceIds = new ArrayList<>();
        LocalDate asserted = null;
        if (sourceKeys == null || sourceKeys.isEmpty()) {
            check.problem(at + "/sources", "every relationship needs at least one source key");
        } else {
            for (int i = 0; i < sourceKeys.size(); i++) {
                var source = sources.get(sourceKeys.get(i));
                if (source == null && declared.contains(sourceKeys.get(i))) {
                    sourceIds.add(null); // declared but invalid: already reported there
                } else if (source == null) {
                    check.problem(at + "/sources/" + i, "unknown source \"" + sourceKeys.get(i) + "\"");
                } else {
                    sourceIds.add(source.node.id());
                    asserted = asserted == null || source.published.isBefore(asserted) ? source.published : asserted;
                }
            }
        }
        LocalDate validFrom = check.date(node, at, "valid_from", false);
        LocalDate validTo = check.date(node, at, "valid_to", false);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            check.problem(at + "/valid_to", "valid_to " + validTo + " is before valid_from " + validFrom);
        }
        String description = check.text(node, at, "description", false);
        String tlp = check.tlp(node, at);
        if (type == null || from == null || to == null || confidence == null || sourceKeys == null
                || sourceIds.size() != sourceKeys.size() || sourceIds.contains(null)) {
            return null;
        }
        return new RelationshipRecord(from, type, to, confidence, List.copyOf(new LinkedHashSet<>(sourceIds)), asserted,
                validFrom, validTo, description, tlp, null);
    }

    private static String endpoint(Check check, String at, String key, Map<String, SourceEntry> sources,
                                   Map<String, NodeRecord> entities, Set<String> declared) {
        if (key == null) {
            return null;
        }
        if (entities.containsKey(key)) {
            return entities.get(key).id();
        }
        if (sources.containsKey(key)) {
            return sources.get(key).node.id();
        }
        if (!declared.contains(key)) {
            check.problem(at, "unknown key \"" + key + "\": not an entity or source of this file");
        }
        return null; // a declared key whose entry is invalid has been reported at the entry
    }

    /** Keys of every source and entity, valid or not, so a bad entry is reported once, not at each use. */
    private static Set<String> declaredKeys(JsonNode root) {
        Set<String> keys = new HashSet<>();
        for (String field : List.of("sources", "entities")) {
            root.path(field).forEach(e -> {
                if (e.path("key").isString()) {
                    keys.add(e.path("key").asString());
                }
            });
        }
        return keys;
    }

    /** Legal relationships start at an indictment or sanction; nothing else starts or ends at evidence. */
    private static void checkLegalShape(Check check, String at, RelType type, SourceEntry fromSource, boolean fromEntity,
                                        boolean toSource) {
        if (type.family() == RelFamily.LEGAL) {
            Set<String> kinds = switch (type) {
                case CHARGES, ALLEGES -> Set.of("indictment");
                case ISSUED_BY -> Set.of("indictment", "sanction");
                default -> Set.of("sanction");
            };
            if (fromEntity || fromSource != null && !kinds.contains(fromSource.kind)) {
                check.problem(at + "/from", type + " must start at a source of kind " + String.join(" or ", kinds));
            }
        } else if (fromSource != null) {
            check.problem(at + "/from", type + " cannot start at a source; sources support relationships through \"sources\"");
        }
        if (toSource) {
            check.problem(at + "/to", type + " cannot end at a source");
        }
    }

    private static void claimId(Check check, Map<String, String> owner, String id, String at, String what) {
        String first = owner.putIfAbsent(id, at);
        if (first != null) {
            check.problem(at, "this is " + what + " as " + first + "; declare it once");
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> props) {
        props.values().removeIf(Objects::isNull);
        return props;
    }

    /** Collects problems; every accessor reports what is wrong and returns null instead of throwing. */
    private static final class Check extends FileProblems {

        Check(String file, LocatedJson doc) {
            super(file, doc);
        }

        record Item(int index, JsonNode node) {
        }

        List<Item> array(JsonNode root, String field) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull()) {
                problem("/" + field, field + " is required (a JSON array, which may be empty)");
                return List.of();
            }
            if (!value.isArray()) {
                problem("/" + field, field + " must be a JSON array");
                return List.of();
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(new Item(i, value.get(i)));
            }
            return items;
        }

        boolean isObject(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "must be a JSON object");
                return false;
            }
            return true;
        }

        void unknownFields(JsonNode node, String at, Set<String> allowed) {
            if (!node.isObject()) {
                problem(at.isEmpty() ? "/" : at, "must be a JSON object");
                return;
            }
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    problem(at + "/" + name, "unknown field \"" + name + "\"");
                }
            }
        }

        /** As every reader checks a string, and at most 10,000 characters. */
        @Override
        String text(JsonNode node, String at, String field, boolean required) {
            String text = super.text(node, at, field, required);
            if (text != null && text.length() > 10_000) {
                problem(at + "/" + field, field + " is longer than 10000 characters");
                return null;
            }
            return text;
        }

        String key(JsonNode node, String at) {
            String key = text(node, at, "key", true);
            if (key != null && !KEY.matcher(key).matches()) {
                problem(at + "/key", "key \"" + key + "\" must be lower-case letters, digits and hyphens");
                return null;
            }
            return key;
        }

        String url(JsonNode node, String at, String field) {
            String text = text(node, at, field, true);
            if (text == null) {
                return null;
            }
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                    problem(at + "/" + field, "\"" + text + "\" is not an absolute http(s) URL");
                    return null;
                }
                return text;
            } catch (URISyntaxException e) {
                problem(at + "/" + field, "\"" + text + "\" is not a URL: " + e.getReason());
                return null;
            }
        }

        LocalDate date(JsonNode node, String at, String field, boolean required) {
            String text = text(node, at, field, required);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(at + "/" + field, field + " \"" + text + "\" is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        String tlp(JsonNode node, String at) {
            String text = text(node, at, "tlp", false);
            if (text == null) {
                return null;
            }
            var tlp = Tlp.parse(text);
            if (tlp.isEmpty()) {
                problem(at + "/tlp", "unknown TLP \"" + text + "\"; allowed: clear, green, amber, amber+strict, red");
                return null;
            }
            return tlp.get().word();
        }

        List<String> strings(JsonNode node, String at, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isArray()) {
                problem(at + "/" + field, field + " must be an array of strings");
                return null;
            }
            // A set: a huge array of repeated values costs linear time, not quadratic.
            Set<String> result = new LinkedHashSet<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (!element.isString() || element.asString().isBlank()) {
                    problem(at + "/" + field + "/" + i, "must be a non-empty string");
                } else {
                    result.add(element.asString().strip());
                }
            }
            return new ArrayList<>(result);
        }

        List<String> externalIds(JsonNode node, String at) {
            JsonNode value = node.get("external_ids");
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isObject()) {
                problem(at + "/external_ids", "external_ids must be an object of scheme to id, for example {\"mitre-attack\": \"G0045\"}");
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            for (var entry : value.properties()) {
                if (!KEY.matcher(entry.getKey()).matches() || !entry.getValue().isString() || entry.getValue().asString().isBlank()) {
                    problem(at + "/external_ids/" + entry.getKey(), "an external id needs a lower-case scheme and a non-empty string value");
                } else {
                    ids.add(entry.getKey() + ":" + entry.getValue().asString().strip());
                }
            }
            return ids;
        }
    }
}
