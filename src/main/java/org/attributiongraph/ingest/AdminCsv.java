package org.attributiongraph.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/**
 * The header style of {@code neo4j-admin database import}: {@code name:type} property columns
 * ({@code string} when no type is given, arrays as {@code type[]} with {@code ;} between elements)
 * beside special columns such as {@code :ID} and {@code :LABEL}.
 */
final class AdminCsv {

    static final List<String> TYPES = List.of("string", "int", "long", "float", "double", "boolean", "date");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9_]*");

    private AdminCsv() {
    }

    /**
     * One header field: a special column ({@code special} is for example {@code ID}, {@code name} may be
     * null) or a property ({@code special} null, {@code type} one of {@link #TYPES}).
     */
    record Column(int index, String header, String name, String special, String type, boolean array) {
    }

    /** The columns of a header; a field that is no valid column becomes a problem and is left out. */
    static Map<String, Column> columns(String file, CSVRecord header, List<String> specials, List<Problem> problems) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = header.get(i).strip();
            int colon = field.lastIndexOf(':');
            String name = colon < 0 ? field : field.substring(0, colon);
            String type = colon < 0 ? "string" : field.substring(colon + 1);
            Column column;
            if (specials.contains(type)) {
                column = new Column(i, field, name.isEmpty() ? null : name, type, null, false);
            } else {
                boolean array = type.endsWith("[]");
                String element = array ? type.substring(0, type.length() - 2) : type;
                if (!PROPERTY.matcher(name).matches()) {
                    problems.add(CsvInput.problem(file, 1, field, "a property name must be snake_case ([a-z][a-z0-9_]*)"));
                    continue;
                }
                if (!TYPES.contains(element)) {
                    problems.add(CsvInput.problem(file, 1, field, "unknown type \"" + type + "\"; allowed: "
                            + String.join(", ", TYPES)
                            + ", each also as an array (type[]), or one of :" + String.join(", :", specials)));
                    continue;
                }
                column = new Column(i, field, name, null, element, array);
            }
            String key = column.special() != null ? ":" + column.special() : column.name();
            if (columns.putIfAbsent(key, column) != null) {
                problems.add(CsvInput.problem(file, 1, field, "the column " + key + " appears twice"));
            }
        }
        return columns;
    }

    /** A cell as its column's type: null for an empty cell, a list for an array column. */
    static Object value(Column column, String text) {
        String cell = text.strip();
        if (cell.isEmpty()) {
            return null;
        }
        if (!column.array()) {
            return scalar(column.type(), cell);
        }
        var values = new LinkedHashSet<Object>();
        for (String element : cell.split(";")) {
            if (!element.isBlank()) {
                values.add(scalar(column.type(), element.strip()));
            }
        }
        return values.isEmpty() ? null : List.copyOf(values);
    }

    private static Object scalar(String type, String text) {
        try {
            return switch (type) {
                case "int", "long" -> Long.parseLong(text);
                case "float", "double" -> Double.parseDouble(text);
                case "boolean" -> switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("\"" + text + "\" is not a boolean (true or false)");
                };
                case "date" -> LocalDate.parse(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not " + (type.equals("int") || type.equals("long") ? "an integer" : "a number"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date (YYYY-MM-DD)");
        }
    }
}
