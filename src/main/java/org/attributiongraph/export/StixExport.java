package org.attributiongraph.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a subgraph as a self-contained STIX 2.1 bundle that the STIX reader maps back to the same
 * graph. Properties follow the order of the specification (as the OASIS python-stix2 library writes
 * them), custom ones last. Every object carries the TLP 2.0 marking of its {@code tlp}, and the
 * bundle holds those marking definitions, so every reference in it resolves inside it.
 * <ul>
 * <li>Ids are the graph's ({@code type--uuid}, the STIX type is the id's prefix); relationship ids are
 * UUIDv5 of their ends and type.</li>
 * <li>{@code created} and {@code modified} are the date the evidence gives the object: a report's
 * publication date (an undated source: the latest asserted date of the relationships here that cite
 * it), a relationship's {@code asserted} date (else its {@code valid_from}); every other object, and
 * one without such a date, has {@link #EPOCH}. So the same graph always gives the same bytes.</li>
 * <li>Sector nodes are no objects: an identity's {@code IN_SECTOR} links become its {@code sectors}.
 * Nodes of STIX types whose required properties the graph does not keep (an indicator's pattern, a
 * note's content ...) are left out with their relationships, and counted.</li>
 * </ul>
 */
final class StixExport {

    /** {@code created} and {@code modified} of objects the graph knows no date for. */
    static final String EPOCH = "1970-01-01T00:00:00.000Z";
    /** The STIX TLP 2.0 marking extension (OASIS cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The predefined TLP 2.0 marking definitions, all created 2022-10-01 (same source). */
    static final Map<Tlp, String> MARKINGS = new EnumMap<>(Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));
    private static final String MARKINGS_CREATED = "2022-10-01T00:00:00.000Z";

    /** Custom properties (STIX custom property names match {@code ^[a-z0-9_]{3,250}$}). */
    static final String X_ALIASES = "x_attribution_graph_aliases";
    static final String X_LABELS = "x_attribution_graph_labels";
    static final String X_LEGAL = "x_attribution_graph_legal";

    /** STIX types written, and whether the type has a standard {@code aliases} property. */
    private static final Map<String, Boolean> TYPES = Map.ofEntries(
            Map.entry("identity", false), Map.entry("threat-actor", true), Map.entry("intrusion-set", true),
            Map.entry("campaign", true), Map.entry("incident", false), Map.entry("location", false),
            Map.entry("malware", true), Map.entry("tool", true), Map.entry("report", false),
            Map.entry("attack-pattern", true), Map.entry("course-of-action", false),
            Map.entry("infrastructure", true), Map.entry("vulnerability", false));
    /** Identity sectors that make the reader take an organization for a state body. */
    private static final Set<String> STATE_SECTORS = Set.of("government", "government-national", "government-regional",
            "government-local", "government-public-services", "government-emergency-services", "defense");
    /** common/identifier.json's pattern. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

    private StixExport() {
    }

    static Written write(Subgraph graph) {
        Map<String, Subgraph.Node> byId = new HashMap<>();
        graph.nodes().forEach(n -> byId.put(n.id(), n));

        // Sectors become a property of the identities that are in them.
        Map<String, Set<String>> sectors = new HashMap<>();
        Map<String, Tlp> sectorMarking = new HashMap<>();
        Set<Subgraph.Rel> folded = new HashSet<>();
        for (var rel : graph.relationships()) {
            var from = byId.get(rel.from());
            var to = byId.get(rel.to());
            if (rel.type().equals(RelType.IN_SECTOR.name()) && to != null && to.type() == NodeType.Sector
                    && from != null && from.idType().equals("identity") && to.name() != null) {
                sectors.computeIfAbsent(rel.from(), k -> new TreeSet<>()).add(to.name());
                sectorMarking.merge(rel.from(), rel.tlp(), Subgraph::max);
                folded.add(rel);
            }
        }

        Set<String> written = new HashSet<>();
        int omitted = 0;
        for (var node : graph.nodes()) {
            if (writable(node)) {
                written.add(node.id());
            } else if (node.type() != NodeType.Sector) {
                omitted++;
            }
        }
        List<Subgraph.Rel> rels = new ArrayList<>();
        for (var rel : graph.relationships()) {
            if (written.contains(rel.from()) && written.contains(rel.to())) {
                rels.add(rel);
            } else if (!folded.contains(rel)) {
                omitted++;
            }
        }
        // A report lists what it supports: the relationships and objects that cite it, and its own legal links.
        Map<String, Set<String>> supports = new HashMap<>();
        for (var rel : rels) {
            for (String source : rel.sources()) {
                supports.computeIfAbsent(source, k -> new TreeSet<>()).add(rel.stixId());
            }
            for (String end : List.of(rel.from(), rel.to())) {
                if (byId.get(end).idType().equals("report")) {
                    supports.computeIfAbsent(end, k -> new TreeSet<>()).add(rel.stixId());
                }
            }
        }
        for (var node : graph.nodes()) {
            if (written.contains(node.id())) {
                for (String source : node.strings("sources")) {
                    supports.computeIfAbsent(source, k -> new TreeSet<>()).add(node.id());
                }
            }
        }
        for (var node : graph.nodes()) {
            // object_refs may not be empty: a report that supports nothing here has nothing to say.
            if (written.contains(node.id()) && node.idType().equals("report") && !supports.containsKey(node.id())) {
                written.remove(node.id());
                omitted++;
            }
        }

        // STIX requires a report's publication date. An undated source gets the latest date of the claims it
        // supports here, which leaves each claim's earliest-source date, and so its asserted date, as it is.
        Map<String, LocalDate> latestClaim = new HashMap<>();
        for (var rel : rels) {
            LocalDate asserted = rel.date("asserted");
            if (asserted != null) {
                rel.sources().forEach(source -> latestClaim.merge(source, asserted, (a, b) -> a.isAfter(b) ? a : b));
            }
        }

        Map<String, ObjectNode> objects = new TreeMap<>();
        Set<Tlp> used = EnumSet.noneOf(Tlp.class);
        int nodeCount = 0;
        for (var node : graph.nodes()) {
            if (written.contains(node.id())) {
                Tlp tlp = Subgraph.max(node.tlp(), sectorMarking.getOrDefault(node.id(), Tlp.CLEAR));
                used.add(tlp);
                objects.put(node.id(), sdo(node, tlp, sectors.getOrDefault(node.id(), Set.of()), supports, latestClaim.get(node.id())));
                nodeCount++;
            }
        }
        for (var rel : rels) {
            used.add(rel.tlp());
            objects.put(rel.stixId(), sro(rel, byId));
        }

        var bundle = Json.object();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + Ids.uuid5(Ids.NAMESPACE, "bundle:" + String.join(",", objects.keySet())));
        ArrayNode array = bundle.putArray("objects");
        Tlp highest = Tlp.CLEAR;
        for (Tlp tlp : used) {
            array.add(marking(tlp));
            highest = Subgraph.max(highest, tlp);
        }
        objects.values().forEach(array::add);
        return new Written(Json.write(bundle), highest, nodeCount, rels.size(), omitted);
    }

    private static boolean writable(Subgraph.Node node) {
        String type = node.idType();
        if (!TYPES.containsKey(type) || !IDENTIFIER.matcher(node.id()).matches()) {
            return false;
        }
        return !type.equals("location") || node.type() == NodeType.Country && node.text("country") != null;
    }

    private static ObjectNode sdo(Subgraph.Node node, Tlp tlp, Set<String> sectors, Map<String, Set<String>> supports,
                                  LocalDate latestClaim) {
        String type = node.idType();
        LocalDate published = node.date("published") != null ? node.date("published") : latestClaim;
        String created = type.equals("report") && published != null ? timestamp(published) : EPOCH;
        var o = Json.object();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", node.id());
        o.put("created", created);
        o.put("modified", created);
        o.put("name", node.name() != null ? node.name() : node.id());
        String description = type.equals("report") ? node.text("note") : node.text("description");
        if (description != null) {
            o.put("description", description);
        }
        boolean standardAliases = TYPES.get(type);
        switch (type) {
            case "identity" -> {
                o.put("identity_class", node.type() == NodeType.Person ? "individual" : "organization");
                Set<String> all = new TreeSet<>(sectors);
                // The reader takes an organization in a government or defence sector for a state body.
                if (node.type() == NodeType.Agency && all.stream().noneMatch(STATE_SECTORS::contains)) {
                    all.add("government-national");
                }
                strings(o, "sectors", List.copyOf(all));
            }
            case "threat-actor" -> {
                List<String> actorTypes = node.type() == NodeType.Agency ? List.of("nation-state") : node.strings("threat_actor_types");
                strings(o, "threat_actor_types", actorTypes);
                strings(o, "aliases", node.strings("aliases"));
                seen(o, node);
                if (node.type() == NodeType.Agency) {
                    strings(o, "roles", List.of("sponsor"));
                }
                if (node.type() == NodeType.Person) {
                    o.put("resource_level", "individual");
                }
            }
            case "intrusion-set", "campaign", "infrastructure" -> {
                strings(o, "aliases", node.strings("aliases"));
                seen(o, node);
            }
            case "malware" -> {
                // A named piece of malware in the graph stands for its family.
                o.put("is_family", true);
                strings(o, "aliases", node.strings("aliases"));
                seen(o, node);
            }
            case "tool", "attack-pattern" -> strings(o, "aliases", node.strings("aliases"));
            case "location" -> o.put("country", node.text("country"));
            case "report" -> {
                if (node.text("kind") != null) {
                    strings(o, "report_types", List.of(node.text("kind")));
                }
                o.put("published", created);
                strings(o, "object_refs", List.copyOf(supports.get(node.id())));
            }
            default -> {
            }
        }
        externalReferences(o, node);
        strings(o, "object_marking_refs", List.of(MARKINGS.get(tlp)));
        if (!standardAliases) {
            strings(o, X_ALIASES, node.strings("aliases"));
        }
        if (!type.equals("report")) {
            strings(o, X_LABELS, node.extraLabels());
        } else {
            legal(o, node);
        }
        return o;
    }

    private static void seen(ObjectNode o, Subgraph.Node node) {
        if (node.date("first_seen") != null) {
            o.put("first_seen", timestamp(node.date("first_seen")));
        }
        if (node.date("last_seen") != null) {
            o.put("last_seen", timestamp(node.date("last_seen")));
        }
    }

    /** A report names its publication; other objects their ATT&CK ids, which the reader turns back into external ids. */
    private static void externalReferences(ObjectNode o, Subgraph.Node node) {
        List<ObjectNode> references = new ArrayList<>();
        if (node.idType().equals("report")) {
            String url = node.text("url");
            String title = node.text("title") != null ? node.text("title") : node.name();
            String publisher = node.text("publisher");
            if (url != null || publisher != null) {
                var reference = Json.object();
                reference.put("source_name", publisher != null ? publisher : node.text("kind") != null ? node.text("kind") : "source");
                if (title != null) {
                    reference.put("description", title);
                }
                if (url != null) {
                    reference.put("url", url);
                }
                references.add(reference);
            }
        } else {
            for (String id : node.strings("external_ids")) {
                if (id.startsWith("mitre-attack:")) {
                    var reference = Json.object();
                    reference.put("source_name", "mitre-attack");
                    reference.put("external_id", id.substring("mitre-attack:".length()));
                    references.add(reference);
                }
            }
        }
        if (!references.isEmpty()) {
            o.putArray("external_references").addAll(references);
        }
    }

    /** What an indictment or a sanction adds to a report, in one documented custom property. */
    private static void legal(ObjectNode o, Subgraph.Node node) {
        var legal = Json.object();
        for (String field : List.of("court", "docket", "authority", "program")) {
            if (node.text(field) != null) {
                legal.put(field, node.text(field));
            }
        }
        if (!node.strings("charges").isEmpty()) {
            ArrayNode charges = legal.putArray("charges");
            node.strings("charges").forEach(charges::add);
        }
        if (!legal.isEmpty()) {
            o.set(X_LEGAL, legal);
        }
    }

    private static ObjectNode sro(Subgraph.Rel rel, Map<String, Subgraph.Node> byId) {
        LocalDate date = rel.date("asserted") != null ? rel.date("asserted") : rel.date("valid_from");
        String created = date == null ? EPOCH : timestamp(date);
        var o = Json.object();
        o.put("type", "relationship");
        o.put("spec_version", "2.1");
        o.put("id", rel.stixId());
        o.put("created", created);
        o.put("modified", created);
        o.put("relationship_type", relationshipType(rel, byId));
        if (rel.text("description") != null) {
            o.put("description", rel.text("description"));
        }
        o.put("source_ref", rel.from());
        o.put("target_ref", rel.to());
        if (rel.date("valid_from") != null) {
            o.put("start_time", timestamp(rel.date("valid_from")));
        }
        if (rel.date("valid_to") != null) {
            // valid_to is the last day the fact held; its end keeps stop_time after start_time on a one-day fact.
            o.put("stop_time", rel.date("valid_to") + "T23:59:59.999Z");
        }
        if (rel.confidence() != null) {
            o.put("confidence", rel.confidence());
        }
        strings(o, "object_marking_refs", List.of(MARKINGS.get(rel.tlp())));
        return o;
    }

    /**
     * UPPER_SNAKE back to the STIX word ({@code ATTRIBUTED_TO} -> {@code attributed-to}); a RELATED_TO
     * gives back the type it was imported with; LOCATED_IN a Country is the standard {@code located-at}
     * except from an Agency, which the reader would read as PART_OF.
     */
    static String relationshipType(Subgraph.Rel rel, Map<String, Subgraph.Node> byId) {
        if (rel.type().equals(RelType.RELATED_TO.name())) {
            return rel.text("stix_type") != null ? rel.text("stix_type") : "related-to";
        }
        if (rel.type().equals(RelType.LOCATED_IN.name()) && byId.get(rel.to()).type() == NodeType.Country
                && byId.get(rel.from()).type() != NodeType.Agency) {
            return "located-at";
        }
        return rel.type().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A predefined TLP 2.0 marking definition, exactly as OASIS publishes it. */
    private static ObjectNode marking(Tlp tlp) {
        var o = Json.object();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", MARKINGS.get(tlp));
        o.put("created", MARKINGS_CREATED);
        o.put("name", "TLP:" + tlp.word().toUpperCase(Locale.ROOT));
        var extension = o.putObject("extensions").putObject(TLP2_EXTENSION);
        extension.put("extension_type", "property-extension");
        extension.put("tlp_2_0", tlp.word());
        return o;
    }

    private static String timestamp(LocalDate date) {
        return date + "T00:00:00.000Z";
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = o.putArray(field);
            values.forEach(array::add);
        }
    }
}
