package org.attributiongraph;

import java.io.IOException;
import java.io.InputStream;

/** Source-shaped inputs under src/test/resources/fixtures/. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] fixture(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fixture " + path, e);
        }
    }

    public static byte[] caseFile(String name) {
        return fixture("case/" + name);
    }
}
