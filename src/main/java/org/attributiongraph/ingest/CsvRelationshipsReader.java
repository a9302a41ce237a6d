package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.attributiongraph.graph.GraphModel.RelType;
import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.graph.Ids;
import org.springframework.stereotype.Component;

/**
 * Reader of relationships in the neo4j-admin import header style:
 * {@code :START_ID,:END_ID,:TYPE,confidence:int,sources:string[]} and optionally
 * {@code valid_from:date,valid_to:date,description,tlp}. The ends and the sources are ids of nodes
 * already in the graph or imported before (for example with csv-nodes); the file names them in
 * {@link ImportBatch#references()} for the pipeline to check.
 */
@Component
final class CsvRelationshipsReader implements FormatReader {

    /** Every column this format has, as the header must write it; the first five are required. */
    private static final List<String> COLUMNS = List.of(":START_ID", ":END_ID", ":TYPE", "confidence:int", "sources:string[]",
            "valid_from:date", "valid_to:date", "description", "tlp");
    private static final int REQUIRED = 5;
    private static final String TYPES = Arrays.stream(RelType.values()).map(Enum::name).collect(Collectors.joining(", "));

    @Override
    public String format() {
        return "csv-relationships";
    }

    @Override
    public ImportBatch read(String file, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        var mapping = new Mapping(file, problems);
        CsvInput.read(file, content, problems, mapping::header, mapping::row);
        return new ImportBatch(List.of(), mapping.relationships, List.of(), Set.copyOf(mapping.references));
    }

    private static final class Mapping {
        private final String file;
        private final List<Problem> problems;
        private final List<RelationshipRecord> relationships = new ArrayList<>();
        private final Set<String> references = new LinkedHashSet<>();
        private final Map<String, Integer> keyLines = new HashMap<>();
        /** Column index by its header text; absent optional columns are missing. */
        private final Map<String, Integer> index = new HashMap<>();

        Mapping(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        boolean header(CSVRecord header) {
            int before = problems.size();
            for (int i = 0; i < header.size(); i++) {
                String field = header.get(i).strip();
                if (!COLUMNS.contains(field)) {
                    problems.add(CsvInput.problem(file, 1, field, "unknown column; the columns are " + String.join(",", COLUMNS)));
                } else if (index.putIfAbsent(field, i) != null) {
                    problems.add(CsvInput.problem(file, 1, field, "the column appears twice"));
                }
            }
            for (String column : COLUMNS.subList(0, REQUIRED)) {
                if (!index.containsKey(column)) {
                    problems.add(CsvInput.problem(file, 1, null, "the header needs the column " + column));
                }
            }
            return problems.size() == before;
        }

        void row(int line, CSVRecord row) {
            int before = problems.size();
            String from = id(line, row, ":START_ID");
            String to = id(line, row, ":END_ID");
            String typeText = cell(row, ":TYPE");
            RelType type = RelType.parse(typeText).orElse(null);
            if (type == null) {
                problem(line, ":TYPE", typeText.isEmpty() ? "the relationship type is required; allowed: " + TYPES
                        : "unknown relationship type \"" + typeText + "\"; allowed: " + TYPES);
            }
            Integer confidence = confidence(line, cell(row, "confidence:int"));
            var sources = new LinkedHashSet<String>();
            for (String source : cell(row, "sources:string[]").split(";")) {
                if (!source.isBlank()) {
                    sources.add(checkedId(line, "sources", source.strip()));
                }
            }
            if (sources.isEmpty()) {
                problem(line, "sources", "every relationship needs at least one source id");
            }
            LocalDate validFrom = date(line, row, "valid_from:date");
            LocalDate validTo = date(line, row, "valid_to:date");
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                problem(line, "valid_to", "valid_to " + validTo + " is before valid_from " + validFrom);
            }
            String description = cell(row, "description");
            String tlp = tlp(line, cell(row, "tlp"));
            if (problems.size() > before) {
                return;
            }
            Integer first = keyLines.putIfAbsent(from + " " + type + " " + to, line);
            if (first != null) {
                problem(line, null, "the relationship " + from + " " + type + " " + to + " is already on line " + first
                        + "; list all its sources in one row");
                return;
            }
            references.add(from);
            references.add(to);
            references.addAll(sources);
            relationships.add(new RelationshipRecord(from, type, to, confidence, List.copyOf(sources), null, validFrom, validTo,
                    description.isEmpty() ? null : description, tlp, null));
        }

        /** The stripped cell of a column, empty when the header has no such column. */
        private String cell(CSVRecord row, String column) {
            Integer at = index.get(column);
            return at == null ? "" : row.get(at).strip();
        }

        private String id(int line, CSVRecord row, String column) {
            String text = cell(row, column);
            if (text.isEmpty()) {
                problem(line, column, column.substring(1) + " is required");
                return null;
            }
            return checkedId(line, column, text);
        }

        private String checkedId(int line, String column, String text) {
            if (!Ids.isId(text)) {
                problem(line, column, "\"" + text + "\" is not an id of the form type--uuid (lower case)");
            }
            return text;
        }

        private Integer confidence(int line, String text) {
            if (text.isEmpty()) {
                problem(line, "confidence", "confidence is required (an integer from 0 to 100)");
                return null;
            }
            try {
                int value = Integer.parseInt(text);
                if (value < 0 || value > 100) {
                    problem(line, "confidence", "confidence " + value + " is outside 0-100");
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(line, "confidence", "\"" + text + "\" is not an integer from 0 to 100");
                return null;
            }
        }

        private LocalDate date(int line, CSVRecord row, String column) {
            String text = cell(row, column);
            try {
                return text.isEmpty() ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(line, column.substring(0, column.indexOf(':')), "\"" + text + "\" is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        private String tlp(int line, String text) {
            if (text.isEmpty()) {
                return null;
            }
            var tlp = Tlp.parse(text);
            if (tlp.isEmpty()) {
                problem(line, "tlp", "unknown TLP \"" + text + "\"; allowed: clear, green, amber, amber+strict, red");
                return null;
            }
            return tlp.get().word();
        }

        private void problem(int line, String column, String message) {
            problems.add(CsvInput.problem(file, line, column, message));
        }
    }
}
