package org.attributiongraph.graph;

import org.neo4j.driver.Driver;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports the database as UP only when a query round-trips over Bolt. */
@Component("neo4j")
class Neo4jHealthIndicator implements HealthIndicator {

    private final Driver driver;
    private final GraphProperties properties;

    Neo4jHealthIndicator(Driver driver, GraphProperties properties) {
        this.driver = driver;
        this.properties = properties;
    }

    @Override
    public Health health() {
        try (var session = driver.session()) {
            var record = session.run("CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition LIMIT 1").single();
            return Health.up()
                    .withDetail("mode", properties.embedded() ? "embedded" : "external")
                    .withDetail("version", record.get("version").asString())
                    .withDetail("edition", record.get("edition").asString())
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
