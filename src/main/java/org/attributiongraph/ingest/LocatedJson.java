package org.attributiongraph.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON tree with the line on which each of its values starts, keyed by JSON pointer, so that a
 * problem found while mapping the tree can name its line.
 */
record LocatedJson(JsonNode root, Map<String, Integer> lines) {

    /** A key written twice in one object is refused, not silently overwritten. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Input that is not one JSON value, or holds text no reader takes; {@code line} is null when unknown. */
    static final class Malformed extends RuntimeException {
        private final Integer line;
        private final String pointer;

        Malformed(Integer line, String message) {
            this(line, "", message);
        }

        Malformed(Integer line, String pointer, String message) {
            super(message);
            this.line = line;
            this.pointer = pointer;
        }

        Integer line() {
            return line;
        }

        String pointer() {
            return pointer;
        }
    }

    /**
     * Parses a file that must hold one JSON object; anything else refuses the file with one problem.
     *
     * @param notAnObject what to tell the user when the value is not an object
     */
    static LocatedJson parseObject(String file, byte[] content, String notAnObject) {
        try {
            var doc = parse(content);
            if (!doc.root().isObject()) {
                throw new ImportRejectedException(file, List.of(new Problem(file, 1, "", notAnObject)));
            }
            return doc;
        } catch (Malformed e) {
            throw new ImportRejectedException(file, List.of(new Problem(file, e.line(), e.pointer(), e.getMessage())));
        }
    }

    /** Parses one JSON value, or throws {@link Malformed} for an empty input, a syntax error or trailing content. */
    static LocatedJson parse(byte[] content) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(content)) {
            if (parser.nextToken() == null) {
                throw new Malformed(null, "the file is empty");
            }
            JsonNode root = read(parser, "", lines);
            if (parser.nextToken() != null) {
                throw new Malformed((int) parser.currentTokenLocation().getLineNr(), "unexpected content after the top-level value");
            }
            return new LocatedJson(root, lines);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new Malformed(line > 0 ? line : null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, (int) parser.currentTokenLocation().getLineNr());
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            ObjectNode object = MAPPER.createObjectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                checkText(parser, at, name);
                parser.nextToken();
                object.set(name, read(parser, at, lines));
            }
            return object;
        }
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            ArrayNode array = MAPPER.createArrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, pointer + "/" + index++, lines));
            }
            return array;
        }
        JsonNode value = parser.readValueAsTree();
        if (value.isString()) {
            checkText(parser, pointer, value.asString());
        }
        return value;
    }

    /**
     * Control characters other than tab and line breaks (NUL above all), and halves of a surrogate
     * pair written alone, are refused in every name and value: no field of any format needs them, and
     * what holds them cannot be exported as XML or shown safely.
     */
    private static void checkText(JsonParser parser, String pointer, String text) {
        String bad = Text.badCharacter(text);
        if (bad != null) {
            throw new Malformed((int) parser.currentTokenLocation().getLineNr(), pointer, "the text at " + (pointer.isEmpty() ? "the top" : pointer)
                    + " holds " + bad + ", which no field may hold");
        }
    }

    /** The line of the value at the pointer, or of the nearest enclosing value; null if none is known. */
    Integer lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null || p.isEmpty()) {
                return line;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
