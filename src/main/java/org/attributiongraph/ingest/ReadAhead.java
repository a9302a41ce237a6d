package org.attributiongraph.ingest;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Reads a series of files one ahead: while the caller writes file i, file i+1 is parsed and
 * validated on a second thread. A write keeps one core busy in Neo4j and a parse keeps the other busy,
 * where before one always waited for the other. Files still land one at a time, in order.
 */
public final class ReadAhead implements AutoCloseable {

    private final List<Supplier<ImportService.ReadFile>> files;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("import-read-ahead").factory());
    private Future<ImportService.ReadFile> next;
    private int index;

    /** @param files each reads one file ({@link ImportService#read}), in the order they are to be written */
    public ReadAhead(List<Supplier<ImportService.ReadFile>> files) {
        this.files = List.copyOf(files);
        this.next = files.isEmpty() ? null : reader.submit(this.files.getFirst()::get);
    }

    /** The next file, read; starts reading the one after. Throws what reading this one threw (a refused file). */
    public ImportService.ReadFile next() {
        Future<ImportService.ReadFile> current = next;
        index++;
        next = index < files.size() ? reader.submit(files.get(index)::get) : null;
        try {
            return current.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
