package org.attributiongraph.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar attribution-graph.jar hash-key < key.txt}: prints the SHA-256 of the key on the
 * first line of standard input, the value a key's {@code sha256} takes. The key itself is not echoed.
 */
public final class HashKeyCommand {

    private HashKeyCommand() {
    }

    public static int run(InputStream in, PrintStream out, PrintStream err) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                err.println("error: give the key on standard input, for example: java -jar attribution-graph.jar hash-key < key.txt");
                return 2;
            }
            out.println(ApiKeys.sha256Hex(line.strip()));
            return 0;
        } catch (IOException e) {
            err.println("error: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }
}
