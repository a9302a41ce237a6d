package org.attributiongraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bench's client against the JDK's own HTTP server, on loopback. */
class BenchHttpTests {

    /** Larger than the client's read buffer, so a body arrives over several reads. */
    private static final String LARGE = "0123456789abcdef".repeat(20_000);

    private final List<Integer> clientPorts = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/chunked", exchange -> answer(exchange, 200, LARGE, true, false));
        server.createContext("/sized", exchange -> answer(exchange, 404, "{\"status\":404}", false, false));
        server.createContext("/closing", exchange -> answer(exchange, 200, "last", false, true));
        server.createContext("/cache-control", exchange -> {
            String sent = exchange.getRequestHeaders().getFirst("Cache-Control");
            answer(exchange, 200, sent == null ? "none" : sent, false, false);
        });
        server.start();
        return server.getAddress().getPort();
    }

    private synchronized void answer(HttpExchange exchange, int status, String body, boolean chunked, boolean close) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (close) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void readsChunkedAndSizedBodiesWholeWithTheirStatusOnOneConnection() throws IOException {
        try (var http = new BenchHttp("127.0.0.1", start())) {
            var chunked = http.get("/chunked", null);
            var sized = http.get("/sized", null);
            var again = http.get("/chunked", null);

            assertThat(chunked.status()).isEqualTo(200);
            assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).isEqualTo(LARGE);
            assertThat(sized.status()).isEqualTo(404);
            assertThat(new String(sized.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":404}");
            assertThat(again.body()).hasSize(LARGE.length());
        }
        assertThat(clientPorts).hasSize(3).containsOnly(clientPorts.getFirst());
    }

    @Test
    void sendsCacheControlOnlyWhenGiven() throws IOException {
        try (var http = new BenchHttp("127.0.0.1", start())) {
            assertThat(new String(http.get("/cache-control", "no-cache").body(), StandardCharsets.UTF_8)).isEqualTo("no-cache");
            assertThat(new String(http.get("/cache-control", null).body(), StandardCharsets.UTF_8)).isEqualTo("none");
        }
    }

    @Test
    void opensANewConnectionAfterTheServerSaysClose() throws IOException {
        try (var http = new BenchHttp("127.0.0.1", start())) {
            assertThat(new String(http.get("/closing", null).body(), StandardCharsets.UTF_8)).isEqualTo("last");
            assertThat(http.get("/sized", null).status()).isEqualTo(404);
            assertThat(http.get("/sized", null).status()).isEqualTo(404);
        }
        assertThat(clientPorts).hasSize(3);
        assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
        assertThat(clientPorts.get(2)).isEqualTo(clientPorts.get(1));
    }

    @Test
    void sendsAgainWhenTheServerClosedTheIdleConnection() throws IOException {
        int port = start();
        try (var http = new BenchHttp("127.0.0.1", port)) {
            assertThat(http.get("/sized", null).status()).isEqualTo(404);
            // The server goes away with the connection open, and another answers on the same port.
            server.stop(0);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/sized", exchange -> answer(exchange, 200, "new server", false, false));
            server.start();

            var response = http.get("/sized", null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("new server");
        }
    }
}
