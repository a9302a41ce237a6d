package org.attributiongraph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators that take a valid input file and break it: truncate it, delete, duplicate or swap bytes,
 * insert NUL, quotes, backticks, Cypher fragments or invalid UTF-8, prefix a byte order mark; for JSON
 * drop a field, change a value's JSON type, wrap a value in deep arrays, blow an array up, inject text;
 * for CSV delete, duplicate or swap lines, swap or add columns, inject cell text. Each break is a
 * record whose fields say exactly what it did, so a failing case reads back and shrinks.
 */
public final class Breakage {

    private Breakage() {
    }

    public enum Shape { JSON, CSV }

    /** A file broken in one or more ways, with the seed it came from. */
    public record Broken(String seed, List<Break> breaks, byte[] content) {
        @Override
        public String toString() {
            String head = new String(content, 0, Math.min(content.length, 160), StandardCharsets.UTF_8);
            return seed + " " + breaks + " (" + content.length + " bytes: " + head.replaceAll("\\p{Cntrl}", "?") + ")";
        }
    }

    public sealed interface Break extends UnaryOperator<byte[]> {
    }

    /** Text a value or a file may be given that must never reach anything but a string parameter. */
    static final List<String> TOKENS = List.of("\u0000", "'", "\"", "`", "\\", "') MATCH (n) DETACH DELETE n //", "} RETURN 1 //",
            "`) DETACH DELETE n //", "${jndi:x}", "\r\n", "\u202e", "\uFFFE", ",", ";", "\u0001\u001f", "x".repeat(20_000));
    /** Bytes that are not UTF-8, or not text at all. */
    static final List<byte[]> BAD_BYTES = List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF, (byte) 0xFE},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{0, 0, 0, 0}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80});

    public static Arbitrary<Broken> broken(String seed, byte[] valid, Shape shape) {
        Arbitrary<Break> one = shape == Shape.JSON
                ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, jsonBreaks()), net.jqwik.api.Tuple.of(2, byteBreaks()))
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, csvBreaks()), net.jqwik.api.Tuple.of(2, byteBreaks()));
        return one.list().ofMinSize(1).ofMaxSize(3).map(breaks -> {
            byte[] content = valid;
            for (Break b : breaks) {
                content = b.apply(content);
            }
            return new Broken(seed, breaks, content);
        });
    }

    // ---- bytes

    record Truncate(double at) implements Break {
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, (int) (in.length * at));
        }
    }

    record DeleteBytes(double at, int length) implements Break {
        public byte[] apply(byte[] in) {
            int from = (int) (in.length * at);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, in.length));
        }
    }

    record DuplicateBytes(double at, int length) implements Break {
        public byte[] apply(byte[] in) {
            int from = (int) (in.length * at);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, to), Arrays.copyOfRange(in, from, in.length));
        }
    }

    record SwapBytes(double a, double b) implements Break {
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            int i = (int) ((in.length - 1) * a);
            int j = (int) ((in.length - 1) * b);
            out[i] = in[j];
            out[j] = in[i];
            return out;
        }
    }

    record InsertText(double at, String text) implements Break {
        public byte[] apply(byte[] in) {
            int i = (int) (in.length * at);
            return concat(Arrays.copyOfRange(in, 0, i), text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(in, i, in.length));
        }

        @Override
        public String toString() {
            return "InsertText[at=" + at + ", text=" + shown(text) + "]";
        }
    }

    record InsertBytes(double at, int which) implements Break {
        public byte[] apply(byte[] in) {
            int i = (int) (in.length * at);
            return concat(Arrays.copyOfRange(in, 0, i), BAD_BYTES.get(which), Arrays.copyOfRange(in, i, in.length));
        }
    }

    /** A UTF-8 byte order mark (readers must accept it), a UTF-16 one, or binary garbage in front. */
    record Prefix(int which) implements Break {
        static final byte[][] PREFIXES = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}};

        public byte[] apply(byte[] in) {
            return concat(PREFIXES[which], in);
        }
    }

    /** The whole file replaced: empty, blank, binary, or JSON of the wrong kind. */
    record Replace(int which) implements Break {
        static final List<byte[]> WITH = List.of(new byte[0], "  \n\t ".getBytes(StandardCharsets.UTF_8),
                new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c}, "null".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), "\"a string\"".getBytes(StandardCharsets.UTF_8),
                "12e999999".getBytes(StandardCharsets.UTF_8), "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8));

        public byte[] apply(byte[] in) {
            return WITH.get(which);
        }
    }

    static Arbitrary<Break> byteBreaks() {
        var at = Arbitraries.doubles().between(0, 1);
        return Arbitraries.oneOf(
                at.map(Truncate::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 64)).as(DeleteBytes::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 256)).as(DuplicateBytes::new),
                Combinators.combine(at, at).as(SwapBytes::new),
                Combinators.combine(at, Arbitraries.of(TOKENS)).as(InsertText::new),
                Combinators.combine(at, Arbitraries.integers().between(0, BAD_BYTES.size() - 1)).as(InsertBytes::new),
                Arbitraries.integers().between(0, Prefix.PREFIXES.length - 1).map(Prefix::new),
                Arbitraries.integers().between(0, Replace.WITH.size() - 1).map(Replace::new));
    }

    // ---- JSON

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every value of the tree in document order, with its parent and where it sits there. */
    private record Slot(JsonNode parent, String field, int index, JsonNode value) {
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(null, null, -1, root, slots);
        return slots;
    }

    private static void collect(JsonNode parent, String field, int index, JsonNode value, List<Slot> slots) {
        slots.add(new Slot(parent, field, index, value));
        if (value.isObject()) {
            for (var e : value.properties()) {
                collect(value, e.getKey(), -1, e.getValue(), slots);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value, null, i, value.get(i), slots);
            }
        }
    }

    private static JsonNode parse(byte[] in) {
        try {
            return JSON.readTree(in);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void replace(Slot slot, JsonNode with) {
        if (slot.parent() instanceof ObjectNode o) {
            o.set(slot.field(), with);
        } else if (slot.parent() instanceof ArrayNode a) {
            a.set(slot.index(), with);
        }
    }

    /**
     * Applies a change to the value picked (modulo the number of values); the root has no parent and is
     * replaced whole. A file that no longer parses is left as it is: the byte breaks have it covered.
     */
    private static byte[] onTree(byte[] in, int pick, java.util.function.BiFunction<JsonNode, Slot, JsonNode> change) {
        JsonNode root = parse(in);
        if (root == null) {
            return in;
        }
        var slots = slots(root);
        Slot slot = slots.get(Math.floorMod(pick, slots.size()));
        JsonNode changed = change.apply(root, slot);
        return JSON.writeValueAsBytes(changed);
    }

    record DropField(int pick) implements Break {
        public byte[] apply(byte[] in) {
            return onTree(in, pick, (root, slot) -> {
                if (slot.parent() instanceof ObjectNode o) {
                    o.remove(slot.field());
                } else if (slot.parent() instanceof ArrayNode a) {
                    a.remove(slot.index());
                }
                return root;
            });
        }
    }

    record Retype(int pick, int kind) implements Break {
        static final List<String> VALUES = List.of("123456789012345678901234567890", "\"x\"", "[]", "{}", "null", "true", "-1.5e308",
                "[[\"a\"]]", "{\"\":{}}", "0.0000001", "-1", "\"2026-13-45\"");

        public byte[] apply(byte[] in) {
            JsonNode value = JSON.readTree(VALUES.get(kind));
            return onTree(in, pick, (root, slot) -> {
                if (slot.parent() == null) {
                    return value;
                }
                replace(slot, value);
                return root;
            });
        }
    }

    record InjectText(int pick, String text) implements Break {
        public byte[] apply(byte[] in) {
            return onTree(in, pick, (root, slot) -> {
                var with = JSON.getNodeFactory().stringNode((slot.value().isString() ? slot.value().asString() : "") + text);
                if (slot.parent() == null) {
                    return with;
                }
                replace(slot, with);
                return root;
            });
        }

        @Override
        public String toString() {
            return "InjectText[pick=" + pick + ", text=" + shown(text) + "]";
        }
    }

    /** A value wrapped in {@code depth} arrays: over the parser's nesting limit for the larger depths. */
    record WrapDeep(int pick, int depth) implements Break {
        private static final String MARK = "\"@@deep@@\"";

        public byte[] apply(byte[] in) {
            JsonNode root = parse(in);
            if (root == null) {
                return in;
            }
            var slots = slots(root);
            Slot slot = slots.get(Math.floorMod(pick, slots.size()));
            String inner = JSON.writeValueAsString(slot.value());
            String text;
            if (slot.parent() == null) {
                text = MARK;
            } else {
                replace(slot, JSON.getNodeFactory().stringNode("@@deep@@"));
                text = JSON.writeValueAsString(root);
            }
            return text.replace(MARK, "[".repeat(depth) + inner + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An array (or the value, made one) repeated to {@code copies} elements, at most about 2 MB of them. */
    record HugeArray(int pick, int copies) implements Break {
        public byte[] apply(byte[] in) {
            return onTree(in, pick, (root, slot) -> {
                JsonNode element = slot.value().isArray() && !slot.value().isEmpty() ? slot.value().get(0) : slot.value();
                int size = JSON.writeValueAsBytes(element).length + 1;
                ArrayNode array = JSON.createArrayNode();
                for (int i = 0; i < Math.min(copies, 2_000_000 / size); i++) {
                    array.add(element.deepCopy());
                }
                if (slot.parent() == null) {
                    return array;
                }
                replace(slot, array);
                return root;
            });
        }
    }

    static Arbitrary<Break> jsonBreaks() {
        var pick = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.oneOf(
                pick.map(DropField::new),
                Combinators.combine(pick, Arbitraries.integers().between(0, Retype.VALUES.size() - 1)).as(Retype::new),
                Combinators.combine(pick, Arbitraries.of(TOKENS)).as(InjectText::new),
                Combinators.combine(pick, Arbitraries.of(2, 64, 499, 501, 1_001, 5_000)).as(WrapDeep::new),
                Combinators.combine(pick, Arbitraries.of(0, 2, 1_000, 20_000)).as(HugeArray::new));
    }

    // ---- CSV

    private static List<String> lines(byte[] in) {
        return new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] joined(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    record DeleteLine(int pick) implements Break {
        public byte[] apply(byte[] in) {
            var lines = lines(in);
            lines.remove(Math.floorMod(pick, lines.size()));
            return joined(lines);
        }
    }

    /** A line repeated {@code copies} times, at most about 2 MB of them. */
    record DuplicateLine(int pick, int copies) implements Break {
        public byte[] apply(byte[] in) {
            var lines = lines(in);
            int i = Math.floorMod(pick, lines.size());
            int size = lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            for (int c = 0; c < Math.min(copies, 2_000_000 / size); c++) {
                lines.add(i, lines.get(i));
            }
            return joined(lines);
        }
    }

    record SwapLines(int a, int b) implements Break {
        public byte[] apply(byte[] in) {
            var lines = lines(in);
            java.util.Collections.swap(lines, Math.floorMod(a, lines.size()), Math.floorMod(b, lines.size()));
            return joined(lines);
        }
    }

    /** Swaps two comma-separated columns in the header only, or in every line. */
    record SwapColumns(int a, int b, boolean headerOnly) implements Break {
        public byte[] apply(byte[] in) {
            var lines = lines(in);
            for (int i = 0; i < (headerOnly ? Math.min(1, lines.size()) : lines.size()); i++) {
                var cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
                java.util.Collections.swap(cells, Math.floorMod(a, cells.size()), Math.floorMod(b, cells.size()));
                lines.set(i, String.join(",", cells));
            }
            return joined(lines);
        }
    }

    record AddColumn(String header, boolean headerOnly) implements Break {
        public byte[] apply(byte[] in) {
            var lines = lines(in);
            for (int i = 0; i < (headerOnly ? Math.min(1, lines.size()) : lines.size()); i++) {
                lines.set(i, lines.get(i) + "," + (i == 0 ? header : "extra"));
            }
            return joined(lines);
        }
    }

    record InjectCell(int line, int column, String text) implements Break {
        public byte[] apply(byte[] in) {
            var lines = lines(in);
            int i = Math.floorMod(line, lines.size());
            var cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
            int c = Math.floorMod(column, cells.size());
            cells.set(c, cells.get(c) + text);
            lines.set(i, String.join(",", cells));
            return joined(lines);
        }

        @Override
        public String toString() {
            return "InjectCell[line=" + line + ", column=" + column + ", text=" + shown(text) + "]";
        }
    }

    static Arbitrary<Break> csvBreaks() {
        var pick = Arbitraries.integers().between(0, 1_000);
        return Arbitraries.oneOf(
                pick.map(DeleteLine::new),
                Combinators.combine(pick, Arbitraries.of(1, 2, 5_000)).as(DuplicateLine::new),
                Combinators.combine(pick, pick).as(SwapLines::new),
                Combinators.combine(pick, pick, Arbitraries.of(true, false)).as(SwapColumns::new),
                Combinators.combine(Arbitraries.of("extra", "score:int", ":LABEL", "id:ID", "x:string[]", "name", ""),
                        Arbitraries.of(true, false)).as(AddColumn::new),
                Combinators.combine(pick, pick, Arbitraries.of(TOKENS)).as(InjectCell::new));
    }

    // ---- helpers

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "...(" + text.length() + ")" : printable;
    }
}
