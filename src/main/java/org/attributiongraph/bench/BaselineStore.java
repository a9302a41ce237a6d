package org.attributiongraph.bench;

import java.nio.file.Path;

import org.attributiongraph.graph.CypherCatalog;
import org.attributiongraph.graph.EmbeddedNeo4j;
import org.attributiongraph.graph.Neo4jConfiguration;
import org.attributiongraph.graph.SchemaMigrator;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A second embedded Neo4j for the ingest baseline, with the application's settings and schema, so
 * each writer fills a store of its own. On one store emptied in between, the second writer ran
 * about a tenth slower whichever it was (likely because it reuses the freed records and index pages),
 * which put that cost on the pipeline alone.
 */
final class BaselineStore implements AutoCloseable {

    private final Path home;
    private final EmbeddedNeo4j neo4j;
    private final Driver driver;

    private BaselineStore(Path home, EmbeddedNeo4j neo4j, Driver driver) {
        this.home = home;
        this.neo4j = neo4j;
        this.driver = driver;
    }

    static BaselineStore start(Path home, String pageCache, CypherCatalog catalog) {
        var neo4j = EmbeddedNeo4j.start(home, pageCache);
        var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(),
                Config.builder().withLogging(Neo4jConfiguration.driverLogging()).build());
        try {
            SchemaMigrator.migrate(driver, catalog);
        } catch (RuntimeException e) {
            driver.close();
            neo4j.close();
            throw e;
        }
        return new BaselineStore(home, neo4j, driver);
    }

    Driver driver() {
        return driver;
    }

    EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    /** Stops the database and deletes its store. */
    @Override
    public void close() {
        driver.close();
        neo4j.close();
        BenchCommand.delete(home);
    }
}
