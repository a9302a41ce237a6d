package org.attributiongraph.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * The service {@code bench} measures the read paths on: the packaged jar started in a process of its
 * own, reachable over HTTP and Bolt on the ports it was given, its JIT's work readable, and gone once closed.
 */
class BenchServiceIT {

    @TempDir
    Path dataDir;

    @Test
    void startsTheServiceOnItsPortsReadsItsCompilersAndStopsIt() throws Exception {
        var java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                "target/attribution-graph.jar");
        var settings = List.of("--graph.data-dir=" + dataDir, "--graph.import-on-start=false", "--server.address=127.0.0.1",
                "--graph.page-cache=64m", "--server.port=1");
        int port;
        try (var service = BenchService.start(java, settings, dataDir.resolve("service.log"))) {
            port = service.port();
            // The given port was replaced by a free one, and the service answered its health check there.
            assertThat(port).isNotEqualTo(1);

            // A JVM that has started Spring and Neo4j has compiled a great deal.
            assertThat(service.compilerCpuMillis()).isPositive();
            var settled = service.warmUp(List.of("/actuator/health", "/api/stats"), 2_000);
            // Shorter than one 5 s window: it stops at its limit without having seen the compilers quiet.
            assertThat(settled.quiet()).isFalse();
            assertThat(settled.millis()).isBetween(2_000L, 10_000L);

            // The embedded Neo4j listens on the Bolt port the bench was told.
            var config = Config.builder().withLogging(Logging.none()).build();
            try (var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none(), config); var session = driver.session()) {
                assertThat(session.run("RETURN 41 + 1 AS answer").single().get("answer").asInt()).isEqualTo(42);
            }
            assertThat(service.peakRssMb()).isPositive();
        }
        assertThatThrownBy(() -> {
            try (var socket = new Socket("127.0.0.1", port)) {
                socket.getInputStream();
            }
        }).isInstanceOf(IOException.class);
    }
}
