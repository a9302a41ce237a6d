package org.attributiongraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.attributiongraph.graph.GraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the curated case files shipped in the jar ({@code import/cases/*.case.json}) at start-up.
 * A file whose exact content was imported before is skipped, so restarts change nothing.
 */
@Component
class BundledDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledDataLoader.class);
    static final String LOCATION = "classpath*:import/cases/*.case.json";

    private final ImportService imports;
    private final GraphProperties properties;

    BundledDataLoader(ImportService imports, GraphProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.importOnStart()) {
            return;
        }
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            int imported = 0;
            for (Resource file : files) {
                var result = imports.importIfNew("case", "import/cases/" + file.getFilename(), file.getContentAsByteArray());
                imported += result.skipped() ? 0 : 1;
            }
            log.info("Bundled data: {} case files, {} imported, {} unchanged since the last import",
                    files.length, imported, files.length - imported);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled case files", e);
        }
    }
}
