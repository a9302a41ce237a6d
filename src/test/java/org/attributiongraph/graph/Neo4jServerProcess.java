package org.attributiongraph.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Neo4j server in a JVM of its own, standing in for an external database where no Docker engine
 * is available: the same DBMS and safety settings as {@link EmbeddedNeo4j} (Bolt on loopback only,
 * no usage reports, no fleet manager or discovery), on a fixed port, so that a test can kill it
 * and start it again where the application expects it.
 */
public final class Neo4jServerProcess {

    static final String READY = "NEO4J-READY ";

    private Neo4jServerProcess() {
    }

    /** {@code java -cp <test classpath> org.attributiongraph.graph.Neo4jServerProcess HOME PORT}; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        var neo4j = EmbeddedNeo4j.start(Path.of(args[0]), "64m", Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        System.out.println(READY + neo4j.boltUri());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** A loopback port that was free a moment ago. */
    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on {@code home} and {@code port}, and returns once its Bolt connector listens. */
    public static Process start(Path home, int port) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = List.of(java.toString(), "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Neo4jServerProcess.class.getName(),
                home.toString(), Integer.toString(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var ready = new CompletableFuture<String>();
        // Reads the whole output so that the child never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            ready.completeExceptionally(new IllegalStateException("the Neo4j process ended before it was ready"));
        });
        try {
            ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Neo4j did not start on port " + port, e);
        }
        return process;
    }
}
