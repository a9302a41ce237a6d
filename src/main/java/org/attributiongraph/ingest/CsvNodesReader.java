package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.attributiongraph.graph.GraphModel;
import org.attributiongraph.graph.GraphModel.ExtraLabel;
import org.attributiongraph.graph.GraphModel.NodeType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;
import org.springframework.stereotype.Component;

/**
 * Reader of nodes in the neo4j-admin import header style: {@code id:ID,:LABEL,name,...}. {@code :LABEL}
 * holds one primary label and optionally extra ones ({@code Organization;MSP}), separated by {@code ;}.
 * The other columns are properties, {@code snake_case}, typed as in neo4j-admin; the model's own
 * properties must have the model's types (for example {@code aliases:string[]}, {@code published:date}).
 * An empty id is derived as the curated cases derive it (a Country from its code, a Source from its
 * URL, anything else from its type and normalised name), so such rows merge with the curated nodes.
 */
@Component
final class CsvNodesReader implements FormatReader {

    private static final Map<String, String> MODEL_TYPES = Map.ofEntries(
            Map.entry("name", "string"), Map.entry("aliases", "string[]"), Map.entry("external_ids", "string[]"),
            Map.entry("description", "string"), Map.entry("country", "string"), Map.entry("tlp", "string"),
            Map.entry("kind", "string"), Map.entry("url", "string"), Map.entry("title", "string"),
            Map.entry("publisher", "string"), Map.entry("published", "date"), Map.entry("first_seen", "date"),
            Map.entry("last_seen", "date"));
    private static final List<NodeType> PRIMARY = Arrays.stream(NodeType.values()).filter(t -> t != NodeType.StixObject).toList();
    private static final String LABELS_ALLOWED = "one of " + PRIMARY.stream().map(Enum::name).collect(Collectors.joining(", "))
            + ", plus optionally " + Arrays.stream(ExtraLabel.values()).map(l -> l.name() + " (on " + l.on() + ")").collect(Collectors.joining(", "));

    @Override
    public String format() {
        return "csv-nodes";
    }

    @Override
    public ImportBatch read(String file, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        var mapping = new Mapping(file, problems);
        CsvInput.read(file, content, problems, mapping::header, mapping::row);
        return new ImportBatch(mapping.nodes, List.of(), List.of());
    }

    private static final class Mapping {
        private final String file;
        private final List<Problem> problems;
        private final List<NodeRecord> nodes = new ArrayList<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        private AdminCsv.Column idColumn;
        private AdminCsv.Column labelColumn;
        private List<AdminCsv.Column> properties;

        Mapping(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        boolean header(CSVRecord header) {
            int before = problems.size();
            var columns = AdminCsv.columns(file, header, List.of("ID", "LABEL"), problems);
            idColumn = columns.get(":ID");
            labelColumn = columns.get(":LABEL");
            if (idColumn == null || idColumn.name() != null && !idColumn.name().equals("id")) {
                problems.add(CsvInput.problem(file, 1, null, "the header needs the id column, written id:ID"));
            }
            if (labelColumn == null || labelColumn.name() != null) {
                problems.add(CsvInput.problem(file, 1, null, "the header needs the label column, written :LABEL"));
            }
            if (!columns.containsKey("name")) {
                problems.add(CsvInput.problem(file, 1, null, "the header needs a name column"));
            }
            properties = columns.values().stream().filter(c -> c.special() == null).toList();
            for (var column : properties) {
                String declared = column.type() + (column.array() ? "[]" : "");
                String expected = column.name().equals("id") ? "the id:ID column" : MODEL_TYPES.get(column.name());
                if (expected != null && !expected.equals(declared)) {
                    problems.add(CsvInput.problem(file, 1, column.header(), column.name() + " must be "
                            + (expected.startsWith("the") ? expected : column.name() + ":" + expected)));
                }
            }
            return problems.size() == before;
        }

        void row(int line, CSVRecord row) {
            int before = problems.size();
            Map<String, Object> props = new LinkedHashMap<>();
            for (var column : properties) {
                try {
                    Object value = AdminCsv.value(column, row.get(column.index()));
                    if (value != null) {
                        props.put(column.name(), value);
                    }
                } catch (IllegalArgumentException e) {
                    problem(line, column.name(), e.getMessage());
                }
            }
            Labels labels = labels(line, row.get(labelColumn.index()));
            NodeType type = labels.type();
            String name = (String) props.get("name");
            if (name == null) {
                problem(line, "name", "name is required");
            }
            if (props.get("tlp") instanceof String tlp) {
                Tlp.parse(tlp).ifPresentOrElse(t -> props.put("tlp", t.word()),
                        () -> problem(line, "tlp", "unknown TLP \"" + tlp + "\"; allowed: clear, green, amber, amber+strict, red"));
            }
            String naturalKey = type == null ? null : naturalKey(line, type, props, name);
            if (problems.size() > before) {
                return;
            }
            String idText = row.get(idColumn.index()).strip();
            String id = idText.isEmpty() ? Ids.of(type, naturalKey) : idText;
            if (!idText.isEmpty() && !Ids.isId(idText)) {
                problem(line, idColumn.header(), "\"" + idText + "\" is not an id of the form type--uuid (lower case); "
                        + "leave it empty to derive it from the name");
                return;
            }
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                problem(line, idColumn.header(), "the node " + id + " is already on line " + first);
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) props.remove("aliases");
            @SuppressWarnings("unchecked")
            List<String> externalIds = (List<String>) props.remove("external_ids");
            nodes.add(new NodeRecord(id, type, labels.extra(), props, aliases == null ? List.of() : aliases,
                    externalIds == null ? List.of() : externalIds));
        }

        /** The labels of a row; {@code type} is null when they are not one primary label plus fitting extra ones. */
        private record Labels(NodeType type, Set<ExtraLabel> extra) {
        }

        private Labels labels(int line, String cell) {
            List<NodeType> primary = new ArrayList<>();
            Set<ExtraLabel> extra = EnumSet.noneOf(ExtraLabel.class);
            int unknown = 0;
            for (String label : cell.split(";")) {
                String text = label.strip();
                var type = PRIMARY.stream().filter(t -> t.name().equals(text)).findFirst();
                if (type.isPresent()) {
                    primary.add(type.get());
                } else if (ExtraLabel.parse(text).isPresent()) {
                    extra.add(ExtraLabel.parse(text).get());
                } else if (!text.isEmpty()) {
                    unknown++;
                    problem(line, ":LABEL", "unknown label \"" + text + "\"; allowed: " + LABELS_ALLOWED);
                }
            }
            if (primary.size() != 1) {
                if (primary.size() > 1 || unknown == 0) {
                    problem(line, ":LABEL", "a node needs exactly one primary label, found " + (primary.isEmpty() ? "none" : primary)
                            + "; allowed: " + LABELS_ALLOWED);
                }
                return new Labels(null, extra);
            }
            for (ExtraLabel label : extra) {
                if (label.on() != primary.getFirst()) {
                    problem(line, ":LABEL", "the label " + label + " is only allowed on " + label.on() + " nodes");
                }
            }
            return new Labels(primary.getFirst(), extra);
        }

        /** Checks what the type requires and returns the key an id would be derived from. */
        private String naturalKey(int line, NodeType type, Map<String, Object> props, String name) {
            Object country = props.get("country");
            if (type == NodeType.Country) {
                String code = country == null ? null : ((String) country).toUpperCase(Locale.ROOT);
                if (code == null || !Countries.isCode(code)) {
                    problem(line, "country", country == null ? "a Country needs its ISO 3166-1 alpha-2 code in country"
                            : "\"" + country + "\" is not an ISO 3166-1 alpha-2 code");
                    return null;
                }
                props.put("country", code);
                return code;
            }
            if (country != null) {
                problem(line, "country", "country is only allowed on a Country; link other nodes to theirs with LOCATED_IN");
            }
            if (type == NodeType.Source) {
                Object kind = props.get("kind");
                if (kind == null || !GraphModel.SOURCE_KINDS.contains(kind)) {
                    problem(line, "kind", "a Source needs a kind, one of " + String.join(", ", GraphModel.SOURCE_KINDS));
                }
                Object url = props.get("url");
                if (url == null || Nodes.httpHost((String) url) == null) {
                    problem(line, "url", url == null ? "a Source needs its url" : "\"" + url + "\" is not an absolute http(s) URL");
                }
                return (String) url;
            }
            if (type == NodeType.Sector && name != null && !GraphModel.SECTORS.contains(name)) {
                problem(line, "name", "\"" + name + "\" is not a STIX industry-sector word"
                        + Sectors.stixWord(name).map(w -> "; did you mean " + w + "?").orElse(""));
            }
            return name == null ? null : Ids.normalise(name);
        }

        private void problem(int line, String column, String message) {
            problems.add(CsvInput.problem(file, line, column, message));
        }
    }
}
