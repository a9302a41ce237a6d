package org.attributiongraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j running inside this JVM. The rest of the application never touches it directly:
 * it only exposes a Bolt URI on 127.0.0.1, and everything goes through the driver as it would
 * for an external server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;
    private final String boltUri;
    private final InetSocketAddress boltAddress;

    private EmbeddedNeo4j(DatabaseManagementService service, String boltUri, InetSocketAddress boltAddress) {
        this.service = service;
        this.boltUri = boltUri;
        this.boltAddress = boltAddress;
    }

    public static EmbeddedNeo4j start(Path home, String pageCache) {
        return start(home, pageCache, 0);
    }

    /** With {@code boltPort} 0 the port is chosen at random; a fixed one lets a server come back where its clients expect it. */
    public static EmbeddedNeo4j start(Path home, String pageCache, int boltPort) {
        long started = System.nanoTime();
        Path conf = writeConfig(home, pageCache, boltPort);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .loadPropertiesFromFile(conf)
                .build();
        var system = (GraphDatabaseAPI) service.database("system");
        var address = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String uri = "bolt://127.0.0.1:" + address.getPort();
        log.info("Embedded Neo4j started in {} ms, store {}, Bolt on {}",
                (System.nanoTime() - started) / 1_000_000, home.toAbsolutePath(), uri);
        return new EmbeddedNeo4j(service, uri, new InetSocketAddress(address.getHost(), address.getPort()));
    }

    /** Settings are written to a file because some of them live in modules with no public constants. */
    private static Path writeConfig(Path home, String pageCache, int boltPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        settings.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        settings.put("server.bolt.tls_level", "DISABLED");
        settings.put("server.http.enabled", "false");
        settings.put("server.https.enabled", "false");
        settings.put("server.default_listen_address", "127.0.0.1");
        // Only loopback traffic: no usage reports, no fleet manager, no UDP discovery broadcasts.
        settings.put("dbms.usage_report.enabled", "false");
        settings.put("dbms.fleet_manager.enabled", "false");
        settings.put("server.fleet_discovery.enabled", "false");
        // Auth is off because Bolt listens on loopback only, on a port chosen at random.
        settings.put("dbms.security.auth_enabled", "false");
        settings.put("server.memory.pagecache.size", pageCache);
        // Keep an empty store small: no 2 x 256 MiB preallocated transaction logs.
        settings.put("db.tx_log.preallocate", "false");
        settings.put("db.tx_log.rotation.size", "64m");
        settings.put("db.tx_log.rotation.retention_policy", "2 files");
        try {
            Files.createDirectories(home);
            Path conf = home.resolve("neo4j-embedded.conf");
            String text = settings.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "# written at every start; edits are overwritten\n", "\n"));
            Files.writeString(conf, text);
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded Neo4j configuration under " + home, e);
        }
    }

    /** The id of the last transaction committed to the default database, by any client. */
    public long lastCommittedTransaction() {
        return ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)).getDependencyResolver()
                .resolveDependency(TransactionIdStore.class).getLastCommittedTransactionId();
    }

    /** Flushes the default database's changed pages now; the bench calls it between measured loads. */
    public void checkpoint() {
        try {
            ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)).getDependencyResolver()
                    .resolveDependency(CheckPointer.class).forceCheckPoint(new SimpleTriggerInfo("checkpoint between benchmark loads"));
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint failed", e);
        }
    }

    public String boltUri() {
        return boltUri;
    }

    /** Where the Bolt connector actually listens, as Neo4j reports it (loopback only). */
    public InetSocketAddress boltAddress() {
        return boltAddress;
    }

    @Override
    public void close() {
        log.info("Shutting down embedded Neo4j");
        service.shutdown();
    }
}
