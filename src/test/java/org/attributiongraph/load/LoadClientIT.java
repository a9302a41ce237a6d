package org.attributiongraph.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seconds of the load client against the test application, with an import running meanwhile:
 * every answer correct, no errors. How fast is measured for real elsewhere (README, "Load"), not here.
 */
class LoadClientIT extends IntegrationTest {

    @TempDir
    Path work;

    @Test
    void concurrentChainsBlastRadiiAndExportsWhileImportingGiveNoErrors() throws Exception {
        var csv = new StringBuilder("provider,client,client_country,client_sector,since,source_url\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("Load Test Provider ").append(i % 30).append(",Load Test Client ").append(i)
                    .append(",DE,technology,,https://www.example.org/load-test/clients.csv\n");
        }
        Path file = Files.writeString(work.resolve("load-test-clients.csv"), csv);

        var options = new LoadClient.Options(URI.create("http://127.0.0.1:" + port), ADMIN_KEY, 4,
                Duration.ofSeconds(5), file, "msp-clients", 5);
        var report = LoadClient.run(options);

        assertThat(report.errors()).as(report.table()).isZero();
        for (String endpoint : new String[] {"chain", "blast-radius", "export", "import"}) {
            assertThat(report.endpoints().get(endpoint).requests()).as(endpoint).isPositive();
        }
        assertThat(report.importsCompleted()).isPositive();
        assertThat(report.json()).startsWith("{\"clients\":4,").contains("\"errors\":0,", "\"blast-radius\":{\"requests\":");
        // The import that ran alongside landed whole.
        var provider = get("/api/msps/" + idOf("Organization", "Load Test Provider 7") + "/blast-radius?depth=1").body();
        assertThat(provider.get("clientCount").asLong()).isEqualTo(100);
    }
}
