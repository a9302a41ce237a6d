package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.attributiongraph.graph.GraphModel;
import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;
import tools.jackson.databind.JsonNode;

/**
 * Maps the validated objects of one bundle to canonical records. One instance maps one bundle.
 * <ul>
 * <li>Nodes keep their STIX id (Countries excepted) and get {@code stix:<id>} and
 * {@code mitre-attack:<ATT&CK id>} as external ids. intrusion-set, campaign, incident, malware and
 * tool map to their labels; a threat-actor is an Agency (nation-state sponsor or director), a Person
 * (individual resources) or a ThreatGroup; an identity is a Person, an Agency (government, defence or
 * intelligence sectors) or an Organization, IN_SECTOR its industry sectors; a location with a
 * country is that Country, and references to it follow; a report is a Source and the evidence of
 * what it lists; any other SDO is a StixObject.</li>
 * <li>relationship_type maps mechanically to UPPER_SNAKE when the model has the type, else to
 * RELATED_TO keeping the STIX type; located-at a Country is PART_OF from an Agency, LOCATED_IN from
 * anything else. Confidence: the relationship's, else its source object's, else 50.</li>
 * <li>Revoked and deprecated objects, revoked-by, observables and marking definitions are left out
 * and counted in the warnings, never dropped silently.</li>
 * </ul>
 */
final class StixMapper {

    /** Objects that describe other objects or observations rather than things of the model. */
    private static final Set<String> NOT_NODES = Set.of("marking-definition", "extension-definition", "language-content", "sighting");
    /** Identity sectors that make an organization a state body. */
    private static final Set<String> STATE_SECTORS = Set.of("government", "government-national", "government-regional",
            "government-local", "government-public-services", "government-emergency-services", "defense");
    private static final Set<String> IDENTITY_CLASSES_OF_ORGANIZATIONS = Set.of("organization", "unknown");
    private static final Set<String> IDENTITY_CLASSES = Set.of("individual", "group", "system", "organization", "class", "unknown");
    private static final int DEFAULT_CONFIDENCE = 50;

    private final List<BundleObject> objects;
    private final int olderVersions;
    private final Map<String, BundleObject> byId;
    private final StixMarkings markings;

    /** Node type of every object that becomes a node, by its final id. */
    private final Map<String, NodeType> nodeTypes = new HashMap<>();
    /** Location ids with a country, to the id of their Country. */
    private final Map<String, String> countryOf = new HashMap<>();
    /** Object id to the reports that list it in {@code object_refs}. */
    private final Map<String, List<String>> reportsListing = new HashMap<>();
    private final Map<String, LocalDate> reportPublished = new HashMap<>();
    private final Set<String> skipped = new HashSet<>();

    private final Map<String, NodeRecord> nodes = new LinkedHashMap<>();
    private final List<RelationshipRecord> relationships = new ArrayList<>();
    private final Set<String> references = new TreeSet<>();
    private final Map<String, Integer> keptAsStixObject = new TreeMap<>();
    private final Map<String, Integer> notNodes = new TreeMap<>();
    private int revoked;
    private int deprecated;
    private int touchingSkipped;
    private int revokedBy;
    private int toNonNodes;

    StixMapper(List<BundleObject> objects, int olderVersions) {
        this.objects = objects;
        this.olderVersions = olderVersions;
        this.byId = objects.stream().collect(Collectors.toMap(BundleObject::id, Function.identity()));
        this.markings = StixMarkings.of(objects.stream().filter(o -> o.type().equals("marking-definition")).map(BundleObject::json).toList());
    }

    ImportBatch map() {
        List<BundleObject> entities = new ArrayList<>();
        List<BundleObject> links = new ArrayList<>();
        for (BundleObject object : objects) {
            if (object.flag("revoked")) {
                revoked++;
                skipped.add(object.id());
            } else if (object.flag("x_mitre_deprecated")) {
                deprecated++;
                skipped.add(object.id());
            } else if (object.type().equals("relationship")) {
                links.add(object);
            } else if (NOT_NODES.contains(object.type()) || StixReader.OBSERVABLE_TYPES.contains(object.type())) {
                notNodes.merge(object.type(), 1, Integer::sum);
            } else {
                NodeType type = nodeType(object);
                String id = object.id();
                if (type == NodeType.Country) {
                    id = countryId(object);
                    countryOf.put(object.id(), id);
                }
                nodeTypes.put(id, type);
                entities.add(object);
            }
        }
        for (BundleObject report : entities) {
            if (report.type().equals("report")) {
                reportPublished.put(report.id(), report.date("published"));
                for (String ref : report.strings("object_refs")) {
                    reportsListing.computeIfAbsent(ref, k -> new ArrayList<>()).add(report.id());
                }
            }
        }
        for (BundleObject entity : entities) {
            addNode(node(entity));
            if (entity.type().equals("identity")) {
                addSectors(entity);
            }
        }
        for (BundleObject link : links) {
            relationship(link);
        }
        return new ImportBatch(List.copyOf(nodes.values()), List.copyOf(relationships), warnings(), Set.copyOf(references));
    }

    // ---- nodes ----

    private NodeType nodeType(BundleObject object) {
        return switch (object.type()) {
            case "intrusion-set" -> NodeType.ThreatGroup;
            case "campaign" -> NodeType.Campaign;
            case "incident" -> NodeType.Incident;
            case "malware", "tool" -> NodeType.Software;
            case "report" -> NodeType.Source;
            case "threat-actor" -> threatActorType(object);
            case "identity" -> identityType(object);
            case "location" -> object.text("country") != null ? NodeType.Country : stixObject(object);
            default -> stixObject(object);
        };
    }

    private NodeType stixObject(BundleObject object) {
        keptAsStixObject.merge(object.type(), 1, Integer::sum);
        return NodeType.StixObject;
    }

    /** A nation-state that sponsors or directs is a state body; an individual is a person; others are groups. */
    private static NodeType threatActorType(BundleObject actor) {
        List<String> roles = actor.strings("roles");
        if (threatActorTypes(actor).contains("nation-state") && (roles.contains("sponsor") || roles.contains("director"))) {
            return NodeType.Agency;
        }
        return "individual".equals(actor.text("resource_level")) ? NodeType.Person : NodeType.ThreatGroup;
    }

    /** STIX 2.0 names the threat-actor types in {@code labels}. */
    private static List<String> threatActorTypes(BundleObject actor) {
        List<String> types = actor.strings("threat_actor_types");
        return types.isEmpty() && !actor.v21() ? actor.strings("labels") : types;
    }

    private static NodeType identityType(BundleObject identity) {
        String identityClass = identity.text("identity_class");
        if ("individual".equals(identityClass)) {
            return NodeType.Person;
        }
        boolean organization = identityClass == null || IDENTITY_CLASSES_OF_ORGANIZATIONS.contains(identityClass)
                || !IDENTITY_CLASSES.contains(identityClass);
        boolean state = identity.strings("sectors").stream().anyMatch(s -> STATE_SECTORS.contains(s) || s.contains("intelligence"));
        return organization && state ? NodeType.Agency : NodeType.Organization;
    }

    private static String countryId(BundleObject location) {
        return Ids.of(NodeType.Country, location.text("country").toUpperCase(Locale.ROOT));
    }

    private NodeRecord node(BundleObject object) {
        NodeType type = nodeTypes.get(countryOf.getOrDefault(object.id(), object.id()));
        Map<String, Object> props = new LinkedHashMap<>();
        String name = object.text("name");
        if (type == NodeType.Country) {
            String code = object.text("country").toUpperCase(Locale.ROOT);
            props.put("name", name != null ? name : code);
            props.put("country", code);
        } else {
            props.put("name", Objects.requireNonNullElse(name, Objects.requireNonNullElse(object.text("abstract"), object.id())));
        }
        props.put("description", object.text("description"));
        props.put("first_seen", object.date("first_seen"));
        props.put("last_seen", object.date("last_seen"));
        if (type == NodeType.Software || type == NodeType.StixObject) {
            props.put("stix_type", object.type());
        }
        if (object.type().equals("threat-actor")) {
            List<String> actorTypes = threatActorTypes(object);
            props.put("threat_actor_types", actorTypes.isEmpty() ? null : actorTypes);
        }
        Set<ExtraLabel> extraLabels = EnumSet.noneOf(ExtraLabel.class);
        if (type == NodeType.Source) {
            String kind = object.strings("report_types").stream().filter(GraphModel.SOURCE_KINDS::contains).findFirst().orElse("vendor-report");
            props.put("kind", kind);
            props.put("title", name);
            props.put("published", object.date("published"));
            props.put("url", firstUrl(object));
            props.put("publisher", publisher(object));
            if (kind.equals("indictment")) {
                extraLabels.add(ExtraLabel.Indictment);
            } else if (kind.equals("sanction")) {
                extraLabels.add(ExtraLabel.Sanction);
            }
        }
        List<String> sources = reportsListing.getOrDefault(object.id(), List.of());
        props.put("sources", sources.isEmpty() ? null : sources);
        props.put("tlp", markings.of(object.json()).map(Tlp::word).orElse(null));
        props.values().removeIf(Objects::isNull);

        String id = countryOf.getOrDefault(object.id(), object.id());
        return new NodeRecord(id, type, extraLabels, props, aliases(object, (String) props.get("name")), externalIds(object));
    }

    /** {@code aliases} and ATT&CK's {@code x_mitre_aliases}, without the name itself. */
    private static List<String> aliases(BundleObject object, String name) {
        Set<String> aliases = new LinkedHashSet<>(object.strings("aliases"));
        aliases.addAll(object.strings("x_mitre_aliases"));
        aliases.removeIf(alias -> Ids.normalise(alias).equals(Ids.normalise(name)));
        return List.copyOf(aliases);
    }

    private static List<String> externalIds(BundleObject object) {
        List<String> ids = new ArrayList<>();
        ids.add("stix:" + object.id());
        for (JsonNode reference : object.json().path("external_references")) {
            String externalId = BundleObject.text(reference, "external_id");
            if ("mitre-attack".equals(BundleObject.text(reference, "source_name")) && externalId != null
                    && !ids.contains("mitre-attack:" + externalId)) {
                ids.add("mitre-attack:" + externalId);
            }
        }
        return ids;
    }

    private static String firstUrl(BundleObject object) {
        for (JsonNode reference : object.json().path("external_references")) {
            String url = BundleObject.text(reference, "url");
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** The name of the identity that created the report, when the bundle holds it. */
    private String publisher(BundleObject report) {
        BundleObject creator = byId.get(report.text("created_by_ref"));
        return creator == null ? null : creator.text("name");
    }

    /** Several locations of one country, and shared sectors and sources, become one node. */
    private void addNode(NodeRecord node) {
        nodes.merge(node.id(), node, (first, next) -> {
            Map<String, Object> props = new LinkedHashMap<>(next.props());
            props.putAll(first.props());
            Set<String> sources = new LinkedHashSet<>(listOf(first.props().get("sources")));
            sources.addAll(listOf(next.props().get("sources")));
            if (!sources.isEmpty()) {
                props.put("sources", List.copyOf(sources));
            }
            return new NodeRecord(first.id(), first.type(), first.extraLabels(), props,
                    union(first.aliases(), next.aliases()), union(first.externalIds(), next.externalIds()));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Each industry-sector word of an identity becomes an IN_SECTOR link to that Sector. */
    private void addSectors(BundleObject identity) {
        for (String sector : identity.strings("sectors")) {
            if (!GraphModel.SECTORS.contains(sector)) {
                continue;
            }
            // The natural key of the curated Sector nodes, so that both merge.
            String sectorId = Ids.of(NodeType.Sector, Ids.normalise(sector));
            addNode(new NodeRecord(sectorId, NodeType.Sector, Set.of(), new LinkedHashMap<>(Map.of("name", sector)), List.of(), List.of()));
            List<String> sources = reportsListing.getOrDefault(identity.id(), List.of());
            relationships.add(new RelationshipRecord(identity.id(), RelType.IN_SECTOR, sectorId,
                    Objects.requireNonNullElse(identity.confidence(), DEFAULT_CONFIDENCE), sources,
                    asserted(sources, identity), null, null, null, markings.of(identity.json()).map(Tlp::word).orElse(null), null));
        }
    }

    // ---- relationships ----

    private void relationship(BundleObject link) {
        String stixType = link.text("relationship_type");
        if (stixType.equals("revoked-by")) {
            revokedBy++;
            return;
        }
        String source = link.text("source_ref");
        String target = link.text("target_ref");
        if (skipped.contains(source) || skipped.contains(target)) {
            touchingSkipped++;
            return;
        }
        String from = countryOf.getOrDefault(source, source);
        String to = countryOf.getOrDefault(target, target);
        if (byId.containsKey(source) && !nodeTypes.containsKey(from) || byId.containsKey(target) && !nodeTypes.containsKey(to)) {
            toNonNodes++;
            return;
        }
        for (String end : List.of(source, target)) {
            if (!byId.containsKey(end)) {
                references.add(end);
            }
        }
        RelType type;
        String originalType = null;
        if (stixType.equals("located-at") && nodeTypes.get(to) == NodeType.Country) {
            // A state body located in a country is an organ of that state.
            type = nodeTypes.get(from) == NodeType.Agency ? RelType.PART_OF : RelType.LOCATED_IN;
        } else {
            var mapped = RelType.parse(stixType.toUpperCase(Locale.ROOT).replace('-', '_'))
                    .filter(t -> t != RelType.RELATED_TO && t != RelType.POSSIBLY_SAME_AS);
            type = mapped.orElse(RelType.RELATED_TO);
            originalType = mapped.isPresent() ? null : stixType;
        }
        Integer confidence = link.confidence();
        if (confidence == null && byId.containsKey(source)) {
            confidence = byId.get(source).confidence();
        }
        List<String> sources = new ArrayList<>(reportsListing.getOrDefault(link.id(), List.of()));
        for (String cited : externalSources(link)) {
            if (!sources.contains(cited)) {
                sources.add(cited);
            }
        }
        relationships.add(new RelationshipRecord(from, type, to, Objects.requireNonNullElse(confidence, DEFAULT_CONFIDENCE),
                List.copyOf(sources), asserted(sources, link), link.date("start_time"), link.date("stop_time"),
                link.text("description"), markings.of(link.json()).map(Tlp::word).orElse(null), originalType));
    }

    /** External references with a URL become Source nodes keyed by the URL, so they merge with curated sources. */
    private List<String> externalSources(BundleObject link) {
        List<String> ids = new ArrayList<>();
        for (JsonNode reference : link.json().path("external_references")) {
            String url = BundleObject.text(reference, "url");
            if (url == null) {
                continue;
            }
            String sourceName = BundleObject.text(reference, "source_name");
            String title = Objects.requireNonNullElse(BundleObject.text(reference, "description"), Objects.requireNonNullElse(sourceName, url));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", title);
            props.put("title", title);
            props.put("kind", "mitre-attack".equals(sourceName) ? "dataset" : "vendor-report");
            props.put("url", url);
            props.put("publisher", sourceName);
            props.values().removeIf(Objects::isNull);
            String id = Ids.of(NodeType.Source, url);
            nodes.putIfAbsent(id, new NodeRecord(id, NodeType.Source, Set.of(), props, List.of(), List.of()));
            ids.add(id);
        }
        return ids;
    }

    /** The earliest publication among the dated sources, else the date the STIX object was created. */
    private LocalDate asserted(List<String> sources, BundleObject object) {
        return sources.stream().map(reportPublished::get).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElseGet(() -> object.date("created"));
    }

    // ---- report ----

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!keptAsStixObject.isEmpty()) {
            warnings.add("kept " + counts(keptAsStixObject) + " objects as StixObject");
        }
        if (!notNodes.isEmpty()) {
            warnings.add("skipped " + counts(notNodes) + " objects: not graph nodes");
        }
        if (revoked + deprecated > 0) {
            warnings.add("skipped " + revoked + " revoked and " + deprecated + " deprecated objects"
                    + (touchingSkipped > 0 ? ", and " + touchingSkipped + " relationships touching them" : ""));
        }
        if (revokedBy > 0) {
            warnings.add("dropped " + revokedBy + " revoked-by relationships");
        }
        if (toNonNodes > 0) {
            warnings.add("dropped " + toNonNodes + " relationships whose source or target is not a graph node");
        }
        if (olderVersions > 0) {
            warnings.add("kept the newest version of objects listed more than once; ignored " + olderVersions + " older versions");
        }
        return warnings;
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
