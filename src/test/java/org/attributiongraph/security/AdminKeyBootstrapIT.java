package org.attributiongraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.attributiongraph.AttributionGraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A server started with no keys configured and anonymous access off: it writes its admin key to
 * {@code admin.key}, logs where (never the key, nor a generated password), and accepts that key alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminKeyBootstrapIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFirstStartGeneratesAnAdminKeyAndNamesOnlyItsFile(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("attribution-graph-admin-key");
        try (var context = new SpringApplicationBuilder(AttributionGraphApplication.class).run("--graph.data-dir=" + dataDir,
                "--server.port=0", "--graph.import-on-start=false", "--graph.page-cache=64m", "--graph.security.anonymous-clearance=none")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Path file = dataDir.resolve("admin.key").toAbsolutePath();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String key = Files.readString(file).strip();

            assertThat(output.getAll()).contains(file.toString()).doesNotContain(key)
                    .doesNotContainIgnoringCase("generated security password");

            var anonymous = get(port, "/api/stats", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("needs an API key");
            assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
            var admin = get(port, "/api/stats", "Bearer " + key);
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.body()).contains("\"nodes\"");
            assertThat(get(port, "/actuator/info", "Bearer " + key).statusCode()).isEqualTo(200);
            assertThat(output.getAll()).doesNotContain(key);
        }
    }
}
