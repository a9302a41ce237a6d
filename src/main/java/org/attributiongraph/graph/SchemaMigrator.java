package org.attributiongraph.graph;

import java.util.Arrays;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/V*.cypher} in version order at start-up. Every statement uses
 * {@code IF NOT EXISTS}, so running them on every start is safe.
 */
@Component
public final class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final Driver driver;
    private final CypherCatalog catalog;

    SchemaMigrator(Driver driver, CypherCatalog catalog) {
        this.driver = driver;
        this.catalog = catalog;
    }

    @Override
    public void afterPropertiesSet() {
        migrate(driver, catalog);
    }

    /** Applies every schema file, in order, to the database behind {@code driver}. */
    public static void migrate(Driver driver, CypherCatalog catalog) {
        List<String> files = catalog.all().keySet().stream().filter(n -> n.startsWith("schema/V")).sorted().toList();
        int count = 0;
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            for (String file : files) {
                for (String statement : statements(catalog.get(file))) {
                    session.run(statement).consume();
                    count++;
                }
            }
            session.run("CALL db.awaitIndexes(60)").consume();
        }
        log.info("Schema: {} statements from {} files applied", count, files.size());
    }

    /** Splits a schema file on semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String text) {
        String withoutComments = text.lines()
                .filter(line -> !line.strip().startsWith("//"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*(\n|$)"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
