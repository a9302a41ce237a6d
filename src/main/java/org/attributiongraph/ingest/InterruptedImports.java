package org.attributiongraph.ingest;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the bundled data or any other import: deletes what an import with batch
 * commits had committed when its process stopped ({@link Commit#BATCH}), so a crash leaves no half
 * file behind for longer than one restart. Every import checks again ({@link ImportService#undoInterrupted()}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InterruptedImports implements ApplicationRunner {

    private final ImportService imports;

    InterruptedImports(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        imports.undoInterrupted();
    }
}
