package org.attributiongraph.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;


/**
 * The synthetic ecosystem as input for the benchmark: once as files the import pipeline reads
 * ({@code csv-nodes} and {@code csv-relationships}, one pair per generator batch, in dependency
 * order), once as plain rows for a hand-written {@code UNWIND ... MERGE} baseline. Both come from
 * the same seeded generator, so they hold exactly the same nodes and relationships.
 */
public final class SyntheticInput {

    static final String NODES_HEADER = "id:ID,:LABEL,name,country,kind,url,title,publisher,published:date";
    static final String RELATIONSHIPS_HEADER = ":START_ID,:END_ID,:TYPE,confidence:int,sources:string[],valid_from:date";

    private SyntheticInput() {
    }

    /** Ids the benchmark queries: providers by size, a threat group and every campaign. */
    public record Summary(int organizations, int providers, int groups, long relationships, String largestProvider,
                          String medianProvider, String smallestProvider, List<String> groupIds, List<String> campaignIds) {
    }

    /** One generator batch written as two files, nodes first; {@code rows} counts both. */
    public record FilePair(Path nodes, Path relationships, long rows) {
    }

    /** One batch of rows of one label set or relationship type, in the shape the baseline statements take. */
    public record Rows(List<String> labels, String type, List<Map<String, Object>> rows) {
    }

    public static Summary summary(int orgs, long seed) {
        return summary(new SyntheticEcosystem(orgs, seed).generate(batch -> { }));
    }

    private static Summary summary(SyntheticEcosystem.Summary s) {
        List<String> groups = new ArrayList<>();
        List<String> campaigns = new ArrayList<>();
        for (int g = 0; g < s.groups(); g++) {
            groups.add(SyntheticEcosystem.groupId(g));
            campaigns.add(SyntheticEcosystem.campaignId(g));
        }
        return new Summary(s.organizations(), s.providers(), s.groups(), s.relationships(), s.largestProvider(),
                s.medianProvider(), s.smallestProvider(), groups, campaigns);
    }

    /** Writes the ecosystem as CSV file pairs under {@code dir}. */
    public static List<FilePair> writeCsv(int orgs, long seed, Path dir) {
        List<FilePair> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new SyntheticEcosystem(orgs, seed).generate(batch -> {
            String stem = String.format("%03d-", files.size());
            Path nodes = dir.resolve(stem + "nodes.csv");
            Path rels = dir.resolve(stem + "relationships.csv");
            writeNodes(nodes, batch.nodes());
            writeRelationships(rels, batch.relationships());
            files.add(new FilePair(nodes, rels, batch.nodes().size() + batch.relationships().size()));
        });
        return files;
    }

    /**
     * Hands the ecosystem to {@code sink} as rows: per generator batch, its nodes grouped by label
     * set, then its relationships grouped by type, the same grouping the pipeline's writer uses.
     * Each row carries every property the pipeline stores for that element (TLP, names for
     * resolution, provenance naming the file {@link #writeCsv} gives the batch and a run id), so a
     * writer of these rows builds the same graph the pipeline builds from the CSV files.
     */
    public static void rows(int orgs, long seed, Consumer<Rows> sink) {
        int[] batches = {0};
        new SyntheticEcosystem(orgs, seed).generate(batch -> {
            String stem = String.format("%03d-", batches[0]++);
            String run = "import-run--" + UUID.randomUUID();
            Map<List<String>, List<Map<String, Object>>> byLabels = new LinkedHashMap<>();
            for (NodeRecord node : batch.nodes()) {
                Map<String, Object> props = new HashMap<>(node.props());
                props.putIfAbsent("tlp", "clear");
                props.put("aliases", node.aliases());
                props.put("external_ids", node.externalIds());
                props.put("_names", node.names());
                provenance(props, stem + "nodes.csv", run);
                byLabels.computeIfAbsent(node.labels(), k -> new ArrayList<>()).add(Map.of("id", node.id(), "props", props));
            }
            byLabels.forEach((labels, rows) -> sink.accept(new Rows(labels, null, rows)));
            Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
            for (RelationshipRecord rel : batch.relationships()) {
                Map<String, Object> props = new HashMap<>();
                props.put("confidence", rel.confidence());
                props.put("sources", rel.sources());
                props.put("tlp", rel.tlp() == null ? "clear" : rel.tlp());
                // The CSV files carry valid_from, not the generator's asserted date: neither writer stores it.
                if (rel.validFrom() != null) {
                    props.put("valid_from", rel.validFrom());
                }
                provenance(props, stem + "relationships.csv", run);
                byType.computeIfAbsent(rel.type().name(), k -> new ArrayList<>())
                        .add(Map.of("from", rel.from(), "to", rel.to(), "props", props));
            }
            byType.forEach((type, rows) -> sink.accept(new Rows(null, type, rows)));
        });
    }

    private static void provenance(Map<String, Object> props, String file, String run) {
        props.put("_origin", file);
        props.put("_source", file);
        props.put("_import_run", run);
    }

    private static void writeNodes(Path file, List<NodeRecord> nodes) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(NODES_HEADER);
            out.write('\n');
            for (NodeRecord n : nodes) {
                StringBuilder labels = new StringBuilder(n.type().name());
                n.extraLabels().forEach(l -> labels.append(';').append(l.name()));
                line(out, n.id(), labels.toString(), n.name(), n.props().get("country"), n.props().get("kind"),
                        n.props().get("url"), n.props().get("title"), n.props().get("publisher"), n.props().get("published"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRelationships(Path file, List<RelationshipRecord> rels) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(RELATIONSHIPS_HEADER);
            out.write('\n');
            for (RelationshipRecord r : rels) {
                line(out, r.from(), r.to(), r.type().name(), r.confidence(), String.join(";", r.sources()), r.validFrom());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV line; generated values hold no quotes, commas or line breaks, so none needs quoting. */
    private static void line(BufferedWriter out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells[i];
            if (cell instanceof LocalDate date) {
                out.write(date.toString());
            } else if (cell != null) {
                out.write(cell.toString());
            }
        }
        out.write('\n');
    }
}
