package org.attributiongraph.ingest;

/**
 * When an import's writes become visible and durable.
 *
 * <ul>
 * <li>{@link #FILE} (the default): the whole file in one transaction. Nobody sees part of it, and a
 * failure or a crash leaves nothing of it.</li>
 * <li>{@link #BATCH}: for bulk loads. In a file larger than one batch, the new nodes and the
 * relationships are committed in batches of {@value GraphWriter#BATCH_SIZE} rows, each in a
 * transaction of its own. The changes to nodes already in the graph are made in one last
 * transaction, together with the run's record. So the file is not bound by the transaction memory
 * limit, but readers may see part of it while it is written. A failure deletes what the file's
 * batches created before the error is reported. After a crash, the application's next start or
 * import deletes it (on a shared server, once the run's heartbeat has stopped:
 * {@link ImportService#undoInterrupted()}). A file with a relationship that is already in the
 * graph is undone the same way and written again in one transaction, as with {@link #FILE}.</li>
 * </ul>
 */
public enum Commit {
    FILE, BATCH
}
