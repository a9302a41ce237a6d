package org.attributiongraph.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Reads files for {@link ImportService#importRead} one ahead: while one file is checked and
 * written, the next is parsed and validated on another thread. Reading needs no graph, so this
 * changes nothing about what each import sees; it takes the read off the path of a folder's
 * import (at 1M organizations, 11 to 15 s of parsing across 46 files). At most two files' records
 * are held at once: the one being written and the next.
 */
public final class ReadAhead implements AutoCloseable {

    /** One file to import; its content is read when its turn to be parsed comes. */
    public record Source(String format, String name, Supplier<byte[]> content) {
    }

    private final ImportService imports;
    private final List<Source> sources;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("read-ahead").daemon().factory());
    private CompletableFuture<ImportService.ReadFile> ahead;
    private int next;

    public ReadAhead(ImportService imports, List<Source> sources) {
        this.imports = imports;
        this.sources = List.copyOf(sources);
    }

    public boolean hasNext() {
        return next < sources.size();
    }

    /**
     * The next file, read; starts reading the one after it.
     *
     * @throws ImportRejectedException or any other exception of reading this file (the next one is
     *                                 read all the same)
     */
    public ImportService.ReadFile next() {
        var current = ahead != null ? ahead : submit(next);
        next++;
        ahead = hasNext() ? submit(next) : null;
        try {
            return current.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw e;
            }
        }
    }

    private CompletableFuture<ImportService.ReadFile> submit(int index) {
        Source source = sources.get(index);
        return CompletableFuture.supplyAsync(() -> imports.read(source.format(), source.name(), source.content().get()), reader);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
