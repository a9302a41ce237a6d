package org.attributiongraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

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

    /**
     * A path under the public datasets in ../shared/data; the calling test is skipped, saying so,
     * where they are absent (a clone without ../shared beside it).
     */
    public static Path sharedData(String relative) {
        Path path = Path.of("../shared/data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "../shared/data not found (" + path.toAbsolutePath()
                + "): this test needs the public datasets beside the project and is skipped");
        return path;
    }

    public static byte[] caseFile(String name) {
        return fixture("case/" + name);
    }
}
