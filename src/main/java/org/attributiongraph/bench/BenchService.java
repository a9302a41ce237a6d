package org.attributiongraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service the read paths are measured on: the application started in a process of its own on
 * the store the ingest wrote, as it is deployed after a bulk import. The process that ran the ingest
 * is not used: even after two minutes of warm-up it answered chains at 1.35-1.41 of their
 * statements, against 1.22-1.28 for a service started on the same store (BENCHMARKS.md). The likely
 * cause is its JIT, which had compiled the code reads share with writes (Bolt, the page cache,
 * Cypher's runtime) for the writes.
 */
final class BenchService implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private final Process process;
    /** Stops the service if the bench itself is stopped (Ctrl-C), so no server is left holding the store. */
    private final Thread stopOnExit;
    private final int port;
    private final int boltPort;
    private final Path log;

    private BenchService(Process process, int port, int boltPort, Path log) {
        this.process = process;
        this.stopOnExit = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        this.port = port;
        this.boltPort = boltPort;
        this.log = log;
    }

    /**
     * @param java       the command that starts the application (java, heap, jar or class path)
     * @param springArgs the bench's settings; its ports are replaced by free ones
     */
    static BenchService start(List<String> java, List<String> springArgs, Path log) {
        int port = freePort();
        int boltPort = freePort();
        List<String> command = new ArrayList<>(java);
        springArgs.stream().filter(a -> !a.startsWith("--server.port=") && !a.startsWith("--graph.bolt-port=")).forEach(command::add);
        command.add("--server.port=" + port);
        command.add("--graph.bolt-port=" + boltPort);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the service", e);
        }
        var service = new BenchService(process, port, boltPort, log);
        service.awaitHealthy();
        return service;
    }

    int port() {
        return port;
    }

    String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    /** The service's resident-set high-water mark so far, in MiB. */
    long peakRssMb() {
        return Memory.peakRssMb(Path.of("/proc", String.valueOf(process.pid()), "status"));
    }

    private void awaitHealthy() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        try (var http = new BenchHttp("127.0.0.1", port)) {
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting" + logTail());
                }
                try {
                    if (http.get("/actuator/health", null).status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    http.close();
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new IllegalStateException("the service did not become healthy within " + START_TIMEOUT_MILLIS / 1000 + " s" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; the end of its log (" + log + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "; its log " + log + " cannot be read";
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Stops the service as its operator would (SIGTERM: the store is closed cleanly), then waits for it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the service
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
