package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read that runs past the transaction timeout is stopped by the database and reported at once, not
 * left to hang: the same {@link Graph} as the application's, over the same driver, with a 300 ms
 * timeout instead of the configured 10 s so the suite stays fast. The error it raises is the one the
 * problem handler answers with 503 (ProblemHandlerTests).
 */
class QueryTimeoutIT extends IntegrationTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    @Autowired
    Driver driver;

    @Autowired
    CypherCatalog catalog;

    @Test
    void aQueryOverTheTimeoutFailsSoonAfterIt() {
        var graph = new Graph(driver, catalog, TIMEOUT, Duration.ofMinutes(1), null);
        // Every triple of nodes, reading a property of each: far more than 300 ms of store reads on the shared test store,
        // and store reads are where Neo4j notices that a transaction was terminated.
        String slow = "MATCH (a) MATCH (b) MATCH (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*) AS triples";

        long started = System.nanoTime();
        var error = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowableOfType(Neo4jException.class, () -> graph.read(slow, Map.of())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error).isNotNull();
        assertThat(error.code()).contains("TransactionTimedOut");
        // Neo4j's transaction monitor looks every 2 s (db.transaction.monitor.check.interval); the rest is slack for a busy machine.
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(6));
        System.out.printf("QueryTimeoutIT: a %d ms timeout stopped the query after %d ms%n", TIMEOUT.toMillis(), took.toMillis());
    }

    @Test
    void aQueryWithinTheTimeoutAnswers() {
        var graph = new Graph(driver, catalog, TIMEOUT, Duration.ofMinutes(1), null);
        int answer = graph.read("RETURN 41 + 1 AS answer", Map.of(), r -> r.get("answer").asInt());
        assertThat(answer).isEqualTo(42);
    }
}
