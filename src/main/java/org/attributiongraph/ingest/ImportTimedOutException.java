package org.attributiongraph.ingest;

import java.time.Duration;
import java.util.Locale;

/** A file whose import ran past the import timeout; its transaction was rolled back, so nothing of it was written. */
public class ImportTimedOutException extends RuntimeException {

    public ImportTimedOutException(String file, Duration timeout, Throwable cause) {
        super(file + ": the import did not finish within " + timeout.toString().substring(2).toLowerCase(Locale.ROOT)
                + " (GRAPH_IMPORT_TIMEOUT); nothing was imported. Raise the timeout or split the file.", cause);
    }
}
