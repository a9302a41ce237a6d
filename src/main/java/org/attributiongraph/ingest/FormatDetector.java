package org.attributiongraph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tells the import format of a file from its first bytes, for the CLI's "format by content". */
final class FormatDetector {

    static final String MSP_CLIENTS_HEADER = "provider,client,client_country,client_sector,since,source_url";
    private static final Pattern BUNDLE = Pattern.compile("\"type\"\\s*:\\s*\"bundle\"");
    private static final Pattern CASE = Pattern.compile("\"format\"\\s*:\\s*\"attribution-case/");
    private static final Pattern MISP = Pattern.compile("\"values\"\\s*:\\s*\\[");

    private FormatDetector() {
    }

    static Optional<String> detect(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        if (head.startsWith("{")) {
            if (CASE.matcher(head).find()) {
                return Optional.of("case");
            }
            if (BUNDLE.matcher(head).find()) {
                return Optional.of("stix");
            }
            if (MISP.matcher(head).find()) {
                return Optional.of("misp");
            }
            return Optional.empty();
        }
        String firstLine = head.lines().findFirst().orElse("").strip();
        if (firstLine.equals(MSP_CLIENTS_HEADER)) {
            return Optional.of("msp-clients");
        }
        if (firstLine.contains(":START_ID")) {
            return Optional.of("csv-relationships");
        }
        if (firstLine.contains(":ID")) {
            return Optional.of("csv-nodes");
        }
        return Optional.empty();
    }
}
