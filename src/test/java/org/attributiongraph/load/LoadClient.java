package org.attributiongraph.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load test for a running service: N concurrent clients (virtual threads) mix attribution-chain,
 * blast-radius and chain-export requests for a fixed time while, optionally, one file is imported
 * over and over through {@code POST /api/imports}. Every answer is checked (status, and content that
 * only a correct answer has), and counted as an error otherwise. Prints requests, errors and
 * p50/p99/max per endpoint, then one JSON summary line. Uses the JDK alone, so it runs as a
 * single source file:
 *
 * <pre>
 * java src/test/java/org/attributiongraph/load/LoadClient.java --base-url http://127.0.0.1:8080 \
 *      --clients 8 --duration 60 --import big.csv --import-format msp-clients
 * </pre>
 *
 * Exit status 1 when any request failed, 2 on a usage error.
 */
public final class LoadClient {

    static final String USAGE = """
            usage: java src/test/java/org/attributiongraph/load/LoadClient.java [options]
              --base-url URL        the service (default http://127.0.0.1:8080)
              --api-key KEY         sent as X-API-Key (default: $GRAPH_API_KEY; imports need an admin key where keys are on)
              --clients N           concurrent clients (default 8)
              --duration SECONDS    how long the clients run (default 60)
              --import FILE         a file imported again and again while the clients run (default: none)
              --import-format F     its format (default msp-clients)
              --targets N           how many threat groups and providers to spread requests over (default 20)""";

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern BUNDLE = Pattern.compile("\\{\\s*\"type\"\\s*:\\s*\"bundle\"");
    private static final Pattern CLIENT_COUNT = Pattern.compile("\"clientCount\":(\\d+)");
    private static final Pattern STATE_NAME = Pattern.compile("\"state\":\\{[^}]*\"name\":\"([^\"]+)\"");

    public record Options(URI baseUrl, String apiKey, int clients, Duration duration, Path importFile, String importFormat,
                          int targets) {
    }

    /** Latencies (nanoseconds) and failures of one endpoint. */
    public static final class Endpoint {
        final String name;
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        Endpoint(String name) {
            this.name = name;
        }

        void fail(String why) {
            errors.incrementAndGet();
            if (failures.size() < 5) {
                failures.add(why);
            }
        }

        public long requests() {
            return nanos.size() + errors.get();
        }

        public long errors() {
            return errors.get();
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        /** The q-quantile of the successful requests' latencies, in milliseconds (nearest rank). */
        public double quantileMillis(double q) {
            List<Long> sorted = new ArrayList<>(nanos);
            if (sorted.isEmpty()) {
                return 0;
            }
            Collections.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
        }
    }

    public record Report(Options options, Map<String, Endpoint> endpoints, long importsCompleted, Duration ran) {

        public long requests() {
            return endpoints.values().stream().mapToLong(Endpoint::requests).sum();
        }

        public long errors() {
            return endpoints.values().stream().mapToLong(Endpoint::errors).sum();
        }

        public String table() {
            var out = new StringBuilder(String.format(Locale.ROOT, "%-12s %9s %7s %9s %9s %9s%n", "endpoint", "requests", "errors",
                    "p50 ms", "p99 ms", "max ms"));
            for (Endpoint e : endpoints.values()) {
                out.append(String.format(Locale.ROOT, "%-12s %9d %7d %9.1f %9.1f %9.1f%n", e.name, e.requests(), e.errors(),
                        e.quantileMillis(0.50), e.quantileMillis(0.99), e.quantileMillis(1.0)));
                e.failures().forEach(f -> out.append("             ").append(f).append('\n'));
            }
            return out.toString();
        }

        public String json() {
            var out = new StringBuilder(String.format(Locale.ROOT,
                    "{\"clients\":%d,\"seconds\":%.1f,\"requests\":%d,\"errors\":%d,\"imports\":%d,\"endpoints\":{",
                    options.clients(), ran.toMillis() / 1000.0, requests(), errors(), importsCompleted));
            String separator = "";
            for (Endpoint e : endpoints.values()) {
                out.append(String.format(Locale.ROOT,
                        "%s\"%s\":{\"requests\":%d,\"errors\":%d,\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f}",
                        separator, e.name, e.requests(), e.errors(), e.quantileMillis(0.50), e.quantileMillis(0.99),
                        e.quantileMillis(1.0)));
                separator = ",";
            }
            return out.append("}}").toString();
        }
    }

    private final Options options;
    private final HttpClient http;

    private LoadClient(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        System.out.printf("%d clients for %d s against %s%s%n", options.clients(), options.duration().toSeconds(), options.baseUrl(),
                options.importFile() == null ? "" : ", importing " + options.importFile() + " meanwhile");
        Report report = run(options);
        System.out.print(report.table());
        System.out.printf("%d requests, %d errors, %d imports completed, in %.1f s%n", report.requests(), report.errors(),
                report.importsCompleted(), report.ran().toMillis() / 1000.0);
        System.out.println(report.json());
        System.exit(report.errors() == 0 ? 0 : 1);
    }

    static Options parse(String[] args) {
        URI base = URI.create("http://127.0.0.1:8080");
        String key = System.getenv("GRAPH_API_KEY");
        int clients = 8;
        int seconds = 60;
        int targets = 20;
        Path file = null;
        String format = "msp-clients";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--base-url" -> base = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                case "--api-key" -> key = value;
                case "--clients" -> clients = Integer.parseInt(value);
                case "--duration" -> seconds = Integer.parseInt(value);
                case "--import" -> file = Path.of(value);
                case "--import-format" -> format = value;
                case "--targets" -> targets = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (clients < 1 || seconds < 1 || targets < 1) {
            throw new IllegalArgumentException("--clients, --duration and --targets must be positive");
        }
        return new Options(base, key == null || key.isBlank() ? null : key, clients, Duration.ofSeconds(seconds), file, format, targets);
    }

    /** Runs the load and returns what it measured; throws when the service offers nothing to ask about. */
    public static Report run(Options options) throws Exception {
        return new LoadClient(options).load();
    }

    /** A question and what a correct answer must contain. */
    private record Target(String id, String expected) {
    }

    private Report load() throws Exception {
        List<Target> groups = groupsWithChains();
        List<Target> providers = providersWithClients();
        if (groups.isEmpty() || providers.isEmpty()) {
            throw new IllegalStateException("the graph has no threat group with a chain or no provider with clients; load data first");
        }
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (String name : List.of("chain", "blast-radius", "export")) {
            endpoints.put(name, new Endpoint(name));
        }
        var imports = new Endpoint("import");
        if (options.importFile() != null) {
            endpoints.put("import", imports);
        }
        AtomicLong importsCompleted = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + options.duration().toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            if (options.importFile() != null) {
                byte[] content = Files.readAllBytes(options.importFile());
                threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        if (importOnce(content, imports)) {
                            importsCompleted.incrementAndGet();
                        }
                    }
                });
            }
            for (int c = 0; c < options.clients(); c++) {
                int first = c;
                threads.submit(() -> {
                    var random = ThreadLocalRandom.current();
                    for (long i = first; System.nanoTime() < deadline; i++) {
                        switch ((int) (i % 3)) {
                            case 0 -> chain(groups.get(random.nextInt(groups.size())), endpoints.get("chain"));
                            case 1 -> blastRadius(providers.get(random.nextInt(providers.size())), endpoints.get("blast-radius"));
                            default -> export(groups.get(random.nextInt(groups.size())), endpoints.get("export"));
                        }
                    }
                });
            }
        }
        return new Report(options, endpoints, importsCompleted.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private void chain(Target group, Endpoint endpoint) {
        call(endpoint, get("/api/attribution/chains?from=" + encode(group.id())), body -> {
            Matcher state = STATE_NAME.matcher(body);
            return state.find() && body.contains("\"" + group.expected() + "\"") ? null
                    : "chains of " + group.id() + " lack " + group.expected();
        });
    }

    private void blastRadius(Target provider, Endpoint endpoint) {
        call(endpoint, get("/api/msps/" + encode(provider.id()) + "/blast-radius?depth=2&limit=50"), body -> {
            Matcher count = CLIENT_COUNT.matcher(body);
            return count.find() && count.group(1).equals(provider.expected()) ? null
                    : "blast radius of " + provider.id() + " is not " + provider.expected() + " clients";
        });
    }

    private void export(Target group, Endpoint endpoint) {
        call(endpoint, get("/api/export/chain?from=" + encode(group.id()) + "&format=stix"), body ->
                BUNDLE.matcher(body).lookingAt() && body.contains("\"relationship_type\"") && body.contains(group.expected())
                        ? null : "export of the chains of " + group.id() + " is no bundle naming " + group.expected());
    }

    private boolean importOnce(byte[] content, Endpoint endpoint) {
        String name = options.importFile().getFileName().toString();
        var request = builder("/api/imports?format=" + encode(options.importFormat()))
                .header("Content-Type", "application/octet-stream").header("X-File-Name", name)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return call(endpoint, request, body -> body.contains("\"run\":\"import-run--") ? null : "import answered " + body);
    }

    /** Sends one request, times it, checks it; returns whether it succeeded. */
    private boolean call(Endpoint endpoint, HttpRequest request, java.util.function.Function<String, String> check) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (response.statusCode() / 100 != 2) {
                endpoint.fail(response.statusCode() + " " + request.uri().getRawPath() + ": " + abbreviate(response.body()));
                return false;
            }
            String wrong = check.apply(response.body());
            if (wrong != null) {
                endpoint.fail(wrong);
                return false;
            }
            endpoint.nanos.add(took);
            return true;
        } catch (IOException e) {
            endpoint.fail(request.uri().getRawPath() + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endpoint.fail("interrupted");
            return false;
        }
    }

    /** Threat groups whose chains reach a state, with that state's name as what every answer must name. */
    private List<Target> groupsWithChains() throws IOException, InterruptedException {
        List<Target> found = new ArrayList<>();
        for (String id : ids("ThreatGroup", 200)) {
            String body = send(get("/api/attribution/chains?from=" + encode(id)));
            Matcher state = STATE_NAME.matcher(body);
            if (state.find()) {
                found.add(new Target(id, state.group(1)));
                if (found.size() == options.targets()) {
                    break;
                }
            }
        }
        return found;
    }

    /** Providers with at least one client, with their client count within two hops as what every answer must give. */
    private List<Target> providersWithClients() throws IOException, InterruptedException {
        List<Target> found = new ArrayList<>();
        for (String id : ids("MSP", 200)) {
            Matcher count = CLIENT_COUNT.matcher(send(get("/api/msps/" + encode(id) + "/blast-radius?depth=2&limit=50")));
            if (count.find() && !count.group(1).equals("0")) {
                found.add(new Target(id, count.group(1)));
                if (found.size() == options.targets()) {
                    break;
                }
            }
        }
        return found;
    }

    private List<String> ids(String type, int limit) throws IOException, InterruptedException {
        Matcher m = ID.matcher(send(get("/api/entities?type=" + type + "&limit=" + limit)));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** A discovery request: one that fails (a cold store may time out) is reported and yields nothing to ask about. */
    private String send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("skipped: " + request.uri() + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            return "";
        }
        return response.body();
    }

    private HttpRequest get(String path) {
        return builder(path).timeout(Duration.ofMinutes(2)).GET().build();
    }

    private HttpRequest.Builder builder(String path) {
        var builder = HttpRequest.newBuilder(URI.create(options.baseUrl() + path));
        if (options.apiKey() != null) {
            builder.header("X-API-Key", options.apiKey());
        }
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
