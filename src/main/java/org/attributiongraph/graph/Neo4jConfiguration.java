package org.attributiongraph.graph;

import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * One code path to the database: a driver over Bolt. Only the URI differs between the embedded
 * store and an external server or cluster.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphProperties.class)
public class Neo4jConfiguration {

    /** How long the driver retries a transaction that failed transiently (server unreachable, leader switch). */
    static final long MAX_RETRY_MILLIS = 5_000;

    /**
     * The driver's logs go to SLF4J, at the application's levels. Its default (System.Logger)
     * formats every message it sends, parameters and all, before the level drops it: on a 1M
     * ingest that was a fifth of what the process allocated. The SLF4J adapter checks the level
     * first. Every driver of the product and of its benchmark uses this.
     */
    public static Logging driverLogging() {
        return Logging.slf4j();
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedCondition.class)
    EmbeddedNeo4j embeddedNeo4j(GraphProperties properties) {
        return EmbeddedNeo4j.start(properties.dataDir().resolve("neo4j"), properties.pageCache(), properties.boltPort());
    }

    /** Closed before the embedded database because it depends on it. */
    @Bean(destroyMethod = "close")
    Driver neo4jDriver(GraphProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
        String uri;
        AuthToken auth;
        if (properties.embedded()) {
            uri = embedded.getObject().boltUri();
            auth = AuthTokens.none();
        } else {
            uri = properties.uri();
            auth = AuthTokens.basic(properties.username(), properties.password());
        }
        long timeout = properties.queryTimeout().toMillis();
        // When the server is gone a request must fail soon (503), not hang: connecting and retrying
        // are capped at a few seconds, waiting for a free pooled connection at the query timeout.
        // Idle connections are checked before reuse, so a restarted server is picked up at once.
        var config = Config.builder()
                .withUserAgent("attribution-graph")
                .withLogging(driverLogging())
                .withMaxConnectionPoolSize(32)
                .withConnectionTimeout(Math.min(timeout, 5_000), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(timeout, TimeUnit.MILLISECONDS)
                .withMaxTransactionRetryTime(Math.min(timeout, MAX_RETRY_MILLIS), TimeUnit.MILLISECONDS)
                .withConnectionLivenessCheckTimeout(30, TimeUnit.SECONDS)
                .build();
        return GraphDatabase.driver(uri, auth, config);
    }

    @Bean
    Graph graph(Driver driver, CypherCatalog catalog, GraphProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        return new Graph(driver, catalog, properties.queryTimeout(), properties.importTimeout(),
                neo4j == null ? null : neo4j::lastCommittedTransaction);
    }
}
