package org.attributiongraph.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attributiongraph.graph.GraphModel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;

/**
 * Writes a subgraph as a zip of {@code nodes.csv} and {@code relationships.csv} in the neo4j-admin
 * import header style, with exactly the headers and types the {@code csv-nodes} and
 * {@code csv-relationships} importers read, and a {@code README.txt} that states the highest
 * marking. What those importers would refuse is left out and counted there: StixObject nodes (no
 * csv label), Sources without a kind or URL, Countries without their code, and relationships with
 * no Source left to cite (every csv relationship needs one) or whose ends are left out.
 */
final class CsvExport {

    static final List<String> NODE_HEADER = List.of("id:ID", ":LABEL", "name", "aliases:string[]", "description", "tlp",
            "country", "kind", "title", "url", "publisher", "published:date", "note", "court", "docket", "charges:string[]",
            "authority", "program", "first_seen:date", "last_seen:date", "external_ids:string[]", "stix_type",
            "threat_actor_types:string[]", "sources:string[]");
    static final List<String> RELATIONSHIP_HEADER = List.of(":START_ID", ":END_ID", ":TYPE", "confidence:int", "sources:string[]",
            "valid_from:date", "valid_to:date", "description", "tlp");
    /** Zip entries carry the earliest DOS time, so the same graph gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvExport() {
    }

    static Written write(Subgraph graph) {
        List<Subgraph.Node> nodes = graph.nodes().stream().filter(CsvExport::loadable).toList();
        Set<String> ids = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (var node : nodes) {
            ids.add(node.id());
            if (node.type() == NodeType.Source) {
                sources.add(node.id());
            }
        }
        List<Subgraph.Rel> rels = new ArrayList<>();
        for (var rel : graph.relationships()) {
            if (ids.contains(rel.from()) && ids.contains(rel.to()) && rel.confidence() != null
                    && rel.sources().stream().anyMatch(sources::contains)) {
                rels.add(rel);
            }
        }
        int omitted = graph.nodes().size() - nodes.size() + graph.relationships().size() - rels.size();
        Tlp highest = Tlp.CLEAR;
        var nodesCsv = new StringWriter();
        var relsCsv = new StringWriter();
        try (var printer = new CSVPrinter(nodesCsv, FORMAT)) {
            printer.printRecord(NODE_HEADER);
            for (var node : nodes) {
                highest = Subgraph.max(highest, node.tlp());
                printer.printRecord(node.id(), label(node), node.name(), list(node.strings("aliases")), node.text("description"),
                        node.tlp().word(), node.text("country"), node.text("kind"), node.text("title"), node.text("url"),
                        node.text("publisher"), node.date("published"), node.text("note"), node.text("court"), node.text("docket"),
                        list(node.strings("charges")), node.text("authority"), node.text("program"), node.date("first_seen"),
                        node.date("last_seen"), list(node.strings("external_ids")), node.text("stix_type"),
                        list(node.strings("threat_actor_types")),
                        list(node.strings("sources").stream().filter(sources::contains).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var printer = new CSVPrinter(relsCsv, FORMAT)) {
            printer.printRecord(RELATIONSHIP_HEADER);
            for (var rel : rels) {
                highest = Subgraph.max(highest, rel.tlp());
                printer.printRecord(rel.from(), rel.to(), rel.type(), rel.confidence(),
                        list(rel.sources().stream().filter(sources::contains).toList()), rel.date("valid_from"), rel.date("valid_to"),
                        rel.text("description"), rel.tlp().word());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String readme = readme(highest, nodes.size(), rels.size(), omitted);
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            entry(out, "README.txt", readme);
            entry(out, "nodes.csv", nodesCsv.toString());
            entry(out, "relationships.csv", relsCsv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(zip.toByteArray(), highest, nodes.size(), rels.size(), omitted);
    }

    /** What the csv-nodes importer accepts: a model label other than StixObject, and what that label requires. */
    private static boolean loadable(Subgraph.Node node) {
        if (!Ids.isId(node.id()) || node.name() == null) {
            return false;
        }
        return switch (node.type()) {
            case StixObject -> false;
            case Country -> node.text("country") != null;
            case Source -> GraphModel.SOURCE_KINDS.contains(node.text("kind")) && node.text("url") != null;
            case Sector -> GraphModel.SECTORS.contains(node.name());
            default -> true;
        };
    }

    /** The primary label, then the extra ones, as {@code :LABEL} expects them. */
    private static String label(Subgraph.Node node) {
        List<String> labels = new ArrayList<>(List.of(node.type().name()));
        labels.addAll(node.extraLabels());
        return String.join(";", labels);
    }

    /** neo4j-admin arrays: elements joined by {@code ;} (an element holding a {@code ;} cannot be written). */
    private static String list(List<String> values) {
        return values.isEmpty() ? null : String.join(";", values);
    }

    private static String readme(Tlp highest, int nodes, int relationships, int omitted) {
        return "TLP:" + highest.word().toUpperCase(java.util.Locale.ROOT) + "\n"
                + "\n"
                + "An export of the attribution graph: " + nodes + " nodes in nodes.csv, " + relationships
                + " relationships in relationships.csv,\n"
                + "in the neo4j-admin import header style. The most restrictive marking in these files is TLP:"
                + highest.word().toUpperCase(java.util.Locale.ROOT) + "; every row carries its own in the tlp column.\n"
                + "Load them with POST /api/imports?format=csv-nodes, then ?format=csv-relationships.\n"
                + (omitted == 0 ? "" : "Left out, because the csv importers cannot take them back: " + omitted
                        + " nodes and relationships (StixObject nodes, Sources without kind or URL, relationships without a cited Source).\n");
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(entry);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
