package org.attributiongraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV (UTF-8, optional byte order mark) read row by row with the line each row starts on,
 * which is not the record number once a quoted value spans lines. Blank lines are skipped; a row
 * with more or fewer fields than the header, or text that is not CSV at all, becomes a problem.
 */
final class CsvInput {

    /** Empty lines are kept by the parser so that line counting stays exact, and skipped here. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    @FunctionalInterface
    interface RowHandler {
        void row(int line, CSVRecord row);
    }

    private CsvInput() {
    }

    /**
     * Hands the first non-blank row to {@code header}, which reports its own problems and answers
     * whether the rows can be read by it; then every following row with the header's field count to
     * {@code rows}. Reading stops at text that is not CSV. When any problem was found (here or by
     * the handlers) the file is refused whole with all of them.
     */
    static void read(String file, byte[] content, List<Problem> problems, Predicate<CSVRecord> header, RowHandler rows) {
        parse(file, content, problems, header, rows);
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(file, problems);
        }
    }

    private static void parse(String file, byte[] content, List<Problem> problems, Predicate<CSVRecord> header, RowHandler rows) {
        int offset = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf ? 3 : 0;
        var reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
                StandardCharsets.UTF_8.newDecoder());
        int line = 1;
        int fields = -1;
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            var records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int start = line;
                line = (int) parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                String bad = badCell(record);
                if (bad != null) {
                    problems.add(problem(file, start, null, bad));
                    if (fields < 0) {
                        return;
                    }
                    continue;
                }
                if (fields < 0) {
                    if (!header.test(record)) {
                        return;
                    }
                    fields = record.size();
                } else if (record.size() != fields) {
                    problems.add(problem(file, start, null, "expected " + fields + " fields as in the header, found " + record.size()
                            + (record.size() > fields ? " (is there a comma in a value that is not quoted?)" : "")));
                } else {
                    rows.row(start, record);
                }
            }
            if (fields < 0) {
                problems.add(problem(file, 1, null, "the file is empty; it must start with the header"));
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                problems.add(problem(file, lineOfBadUtf8(content, offset), null, "not valid CSV: the file is not UTF-8 text"));
            } else {
                problems.add(problem(file, line, null, "not valid CSV: " + cause.getMessage()));
            }
        }
    }

    /** What is wrong with the first cell holding a character no field may hold (see {@link Text}), or null. */
    private static String badCell(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            String bad = Text.badCharacter(record.get(i));
            if (bad != null) {
                return "field " + (i + 1) + " holds " + bad + ", which no field may hold";
            }
        }
        return null;
    }

    /** The line of the first byte sequence that is not UTF-8 (the reader decodes ahead of the parser, so it cannot tell). */
    private static int lineOfBadUtf8(byte[] content, int offset) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
        CharBuffer out = CharBuffer.allocate(8192);
        while (!decoder.decode(in, out, true).isError() && in.hasRemaining()) {
            out.clear();
        }
        int line = 1;
        for (int i = offset; i < in.position(); i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A CSV problem; the message names the line and, when given, the column, so it reads on its own. */
    static Problem problem(String file, int line, String column, String message) {
        return new Problem(file, line, null, "line " + line + (column == null ? "" : ", column " + column) + ": " + message);
    }
}
