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
    private static final long QUIET_WINDOW_MILLIS = 5_000;
    private static final long QUIET_COMPILER_MILLIS = 100;
    /** Linux's clock ticks per second for /proc times (USER_HZ), 100 on every usual kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private final Process process;
    private final StopOnExit stopOnExit;
    private final int port;
    private final int boltPort;
    private final Path log;

    private BenchService(Process process, int port, int boltPort, Path log) {
        this.process = process;
        this.stopOnExit = StopOnExit.of(process);
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

    /**
     * Sends {@code paths} in turn (with {@code Cache-Control: no-cache}, so a blast radius is computed
     * each time) until the service's JIT compiler threads have used less than
     * {@value #QUIET_COMPILER_MILLIS} ms of CPU in {@value #QUIET_WINDOW_MILLIS} ms, or for at most
     * {@code maxMillis}. A service just started compiles for a minute or more under load, and on two
     * cores that compiling takes a core from the requests being measured.
     *
     * @return how long it took, and whether the compilers went quiet
     */
    Settled warmUp(List<String> paths, long maxMillis) {
        long started = System.currentTimeMillis();
        try (var http = new BenchHttp("127.0.0.1", port)) {
            long windowStarted = started;
            long compilerAtWindowStart = compilerCpuMillis();
            for (int i = 0; System.currentTimeMillis() - started < maxMillis; i++) {
                var response = http.get(paths.get(i % paths.size()), "no-cache");
                if (response.status() != 200) {
                    throw new IllegalStateException("warm-up: GET " + paths.get(i % paths.size()) + " answered " + response.status());
                }
                long now = System.currentTimeMillis();
                if (now - windowStarted >= QUIET_WINDOW_MILLIS) {
                    long compiler = compilerCpuMillis();
                    long used = compiler - compilerAtWindowStart;
                    // Negative when a compiler thread ended (the JVM adds and removes them as the queue asks): not quiet.
                    if (used >= 0 && used < QUIET_COMPILER_MILLIS) {
                        return new Settled(now - started, true);
                    }
                    windowStarted = now;
                    compilerAtWindowStart = compiler;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up request failed", e);
        }
        return new Settled(System.currentTimeMillis() - started, false);
    }

    record Settled(long millis, boolean quiet) {
    }

    /**
     * CPU time the JIT's compiler threads ("C1 CompilerThre", "C2 CompilerThre") have used so far,
     * from /proc; 0 where there is no /proc (not Linux), and the warm-up then stops after its first window.
     */
    long compilerCpuMillis() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        // Fields after the parenthesised name: state is the 3rd field, utime the 14th, stime the 15th.
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException threadGone) {
                    // a compiler thread that ended since the listing: its time is no longer counted anywhere
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 1000 / TICKS_PER_SECOND;
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
        stopOnExit.close();
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
