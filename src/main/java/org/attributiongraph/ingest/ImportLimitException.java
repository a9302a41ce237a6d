package org.attributiongraph.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * A valid file whose import ran into a limit of this server; its transaction was rolled back, so
 * nothing of it was written. The message names the file, the setting and what to change.
 */
public class ImportLimitException extends RuntimeException {

    public enum Limit {
        /** GRAPH_IMPORT_TIMEOUT: the file took too long. */
        TIME,
        /** Neo4j's transaction memory: one transaction per file holds every change until the commit. */
        MEMORY
    }

    private final Limit limit;

    private ImportLimitException(Limit limit, String message, Throwable cause) {
        super(message, cause);
        this.limit = limit;
    }

    public static ImportLimitException time(String file, Duration timeout, Throwable cause) {
        return new ImportLimitException(Limit.TIME, file + ": the import did not finish within "
                + timeout.toString().substring(2).toLowerCase(Locale.ROOT)
                + " (GRAPH_IMPORT_TIMEOUT); nothing was imported. Raise the timeout or split the file.", cause);
    }

    public static ImportLimitException memory(String file, Throwable cause) {
        return new ImportLimitException(Limit.MEMORY, file + ": the import needs more transaction memory than this server allows "
                + "(dbms.memory.transaction.total.max, 70% of the heap by default); nothing was imported. "
                + "Split the file or give the JVM more heap (-Xmx).", cause);
    }

    public Limit limit() {
        return limit;
    }
}
