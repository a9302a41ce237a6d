package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The driver formats a message (every parameter of a statement it sends) only when its level is
 * on: its default logging formatted all of them, which cost a fifth of an ingest's allocations.
 */
class DriverLoggingTests {

    private static final String NAME = "org.neo4j.driver.logging-probe";

    @Test
    void aDebugMessageIsFormattedOnlyWhenDebugIsOn() {
        var formatted = new AtomicInteger();
        Object parameters = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "{rows: [...]}";
            }
        };
        var level = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(NAME);
        var log = Neo4jConfiguration.driverLogging().getLog(NAME);

        try {
            level.setLevel(Level.INFO);
            log.debug("C: RUN %s", parameters);
            assertThat(formatted).hasValue(0);

            level.setLevel(Level.DEBUG);
            log.debug("C: RUN %s", parameters);
            assertThat(formatted).hasValue(1);
        } finally {
            level.setLevel(null);
        }
    }
}
