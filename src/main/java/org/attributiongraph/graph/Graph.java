package org.attributiongraph.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The only way the application talks to Neo4j. Reads run in read transactions (so a cluster can
 * route them to followers), every transaction carries a timeout, and statements come from the
 * {@link CypherCatalog} by name.
 */
public final class Graph {

    private final Driver driver;
    private final CypherCatalog catalog;
    private final TransactionConfig queryConfig;
    private final TransactionConfig importConfig;
    private final LongSupplier storeVersion;

    /** @param storeVersion the store's last committed transaction, where it can be read (in-process); else null */
    Graph(Driver driver, CypherCatalog catalog, Duration queryTimeout, Duration importTimeout, LongSupplier storeVersion) {
        this.driver = driver;
        this.catalog = catalog;
        this.queryConfig = TransactionConfig.builder().withTimeout(queryTimeout).build();
        this.importConfig = TransactionConfig.builder().withTimeout(importTimeout).build();
        this.storeVersion = storeVersion;
    }

    /**
     * Moves whenever the graph may have changed; caches compare it before they answer. In-process it
     * is the store's last committed transaction, so writes by any client over Bolt count. Against an
     * external server it is empty: the community edition does not report it, other clients may write
     * unseen, and an answer from memory would hide that the server is down, so nothing is cached.
     */
    public OptionalLong version() {
        return storeVersion != null ? OptionalLong.of(storeVersion.getAsLong()) : OptionalLong.empty();
    }

    /**
     * True for the in-process store: its lock keeps every other process out, so nothing another
     * process is doing can be found in it. Against an external server other processes may write.
     */
    public boolean exclusive() {
        return storeVersion != null;
    }

    /** The text of a named statement; call it in a constructor so a missing file fails at start-up. */
    public String statement(String name) {
        return catalog.get(name);
    }

    public List<Record> read(String statement, Map<String, Object> parameters) {
        return readTransaction(tx -> tx.run(statement, parameters).list());
    }

    public <T> T read(String statement, Map<String, Object> parameters, Function<Record, T> mapper) {
        return readTransaction(tx -> tx.run(statement, parameters).list(mapper::apply)).stream()
                .findFirst().orElse(null);
    }

    public <T> T readTransaction(TransactionCallback<T> work) {
        return executeRead(work, queryConfig);
    }

    /** A read with a timeout of its own: an answer computed once and kept may take longer than a query. */
    public <T> T readTransaction(TransactionCallback<T> work, Duration timeout) {
        return executeRead(work, TransactionConfig.builder().withTimeout(timeout).build());
    }

    /** A read an import makes before it writes: it grows with the file, so it has the import timeout. */
    public List<Record> importRead(String statement, Map<String, Object> parameters) {
        return executeRead(tx -> tx.run(statement, parameters).list(), importConfig);
    }

    private <T> T executeRead(TransactionCallback<T> work, TransactionConfig config) {
        try (Session session = session()) {
            return session.executeRead(work, config);
        }
    }

    /** One write transaction with the (longer) import timeout; retried by the driver on transient errors. */
    public <T> T writeTransaction(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeWrite(work, importConfig);
        }
    }

    /**
     * A statement run on its own (auto-commit), with the import timeout: the form that
     * {@code CALL ... IN TRANSACTIONS} needs. Not retried.
     */
    public void autoCommit(String statement, Map<String, Object> parameters) {
        try (Session session = session()) {
            session.run(statement, parameters, importConfig).consume();
        }
    }

    /** How long one file's import may take (its reads and its write transaction each). */
    public Duration importTimeout() {
        return importConfig.timeout();
    }

    /** Neo4j reports a transaction that ran past its timeout as a client error with this code. */
    public static boolean timedOut(Neo4jException e) {
        return e.code() != null && e.code().contains("TransactionTimedOut");
    }

    /**
     * A transaction the server terminated. A transaction past its timeout is reported this way when
     * the timeout catches it waiting for a lock; the caller knows whether the time had run out.
     */
    public static boolean terminated(Neo4jException e) {
        return e.code() != null && (e.code().contains("Transaction.Terminated") || e.code().contains("LockClientStopped"));
    }

    /** A transaction above Neo4j's memory limits (per transaction, or all transactions together). */
    public static boolean outOfMemory(Neo4jException e) {
        return e.code() != null && (e.code().contains("MemoryPoolOutOfMemoryError") || e.code().contains("TransactionMemoryLimit")
                || e.code().contains("TransactionOutOfMemoryError"));
    }

    private Session session() {
        return driver.session(SessionConfig.defaultConfig());
    }
}
