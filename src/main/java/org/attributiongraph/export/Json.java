package org.attributiongraph.export;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON as the exports write it: two-space indent, {@code "key": value}, {@code \n} line ends on every platform. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENTER).withArrayIndenter(INDENTER);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] write(JsonNode node) {
        return (MAPPER.writer().with(PRINTER).writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
