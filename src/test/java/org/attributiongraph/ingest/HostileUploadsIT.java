package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.fixture;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.sessions.JqwikSession;
import org.assertj.core.api.SoftAssertions;
import org.attributiongraph.GraphFingerprint;
import org.attributiongraph.IntegrationTest;
import org.attributiongraph.graph.Graph;
import org.attributiongraph.ingest.Breakage.Broken;
import org.attributiongraph.ingest.Breakage.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

/**
 * Malformed uploads of every format through {@code POST /api/imports}: a table of hand-made breakages,
 * the upload size limit, and broken files generated from this suite's own seeds (fixed seed, so CI
 * sees the same files). A refused file answers a 4xx problem document naming the file and changes
 * nothing in the store; a file the reader accepts (decided by the reader, not guessed) is imported.
 * The seeds under fixtures/hostile/ carry names no other suite uses, so what the broken-but-valid
 * files import stays out of the other suites' way.
 */
class HostileUploadsIT extends IntegrationTest {

    /** Broken files generated per format through the endpoint; the readers get many more in BrokenInputTests. */
    static final int TRIES = 40;
    static final Map<String, String> SEEDS = Map.of("case", "hostile/seed.case.json", "stix", "hostile/seed.stix.json",
            "misp", "hostile/seed.misp.json", "msp-clients", "hostile/seed.msp-clients.csv", "csv-nodes", "hostile/seed.nodes.csv",
            "csv-relationships", "hostile/seed.relationships.csv");

    private static int filesTried;
    private static int serverErrors;
    private static int graphChanges;
    private static int accepted;

    @Autowired
    Graph graph;

    @Value("${graph.import.max-upload-size}")
    DataSize maxUploadSize;

    @AfterAll
    static void figures() {
        System.out.printf("HostileUploadsIT: %d malformed files tried, %d answered 5xx, %d refused files changed the graph, "
                + "%d broken files still valid and imported%n", filesTried, serverErrors, graphChanges, accepted);
    }

    /** Hand-made breakages that every format must refuse. */
    private static Map<String, byte[]> commonBreakages() {
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("empty", new byte[0]);
        broken.put("blank", " \n\t\r\n ".getBytes(StandardCharsets.UTF_8));
        broken.put("binary", binary(4096));
        broken.put("gzip header", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
        broken.put("invalid UTF-8", new byte[]{'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'});
        broken.put("UTF-16", "{\"type\":\"bundle\"}".getBytes(StandardCharsets.UTF_16));
        broken.put("NUL bytes", new byte[]{0, 0, 0, 0, 0, 0});
        broken.put("BOM only", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        broken.put("deep nesting", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        broken.put("deep objects", ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        broken.put("huge array", hugeArray(1_500_000));
        broken.put("JSON string", "\"') MATCH (n) DETACH DELETE n //\"".getBytes(StandardCharsets.UTF_8));
        broken.put("JSON array", "[{\"type\":\"bundle\"}]".getBytes(StandardCharsets.UTF_8));
        broken.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        broken.put("empty object", "{}".getBytes(StandardCharsets.UTF_8));
        broken.put("number overflow", "{\"values\": 1e999999999}".getBytes(StandardCharsets.UTF_8));
        broken.put("huge string", ("{\"name\":\"" + "A".repeat(30_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        broken.put("Cypher text", "} RETURN 1 // `) MATCH (n) DETACH DELETE n".getBytes(StandardCharsets.UTF_8));
        return broken;
    }

    /** Breakages of one format's structure: wrong field types, missing fields, bad rows. */
    private static Map<String, byte[]> formatBreakages(String format) {
        Map<String, byte[]> broken = new LinkedHashMap<>();
        String seed = new String(fixture(SEEDS.get(format)), StandardCharsets.UTF_8);
        switch (format) {
            case "case" -> {
                broken.put("confidence as text", seed.replace("\"confidence\": 70", "\"confidence\": \"70\"").getBytes(StandardCharsets.UTF_8));
                broken.put("confidence huge", seed.replace("\"confidence\": 70", "\"confidence\": 1e300").getBytes(StandardCharsets.UTF_8));
                broken.put("entities an object", seed.replace("\"entities\": [", "\"entities\": {\"x\": [").replace("\n  ],\n  \"relationships\"",
                        "\n  ]},\n  \"relationships\"").getBytes(StandardCharsets.UTF_8));
                broken.put("name an array", seed.replace("\"name\": \"Hostile Seed Group\"", "\"name\": [\"Hostile Seed Group\"]")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("type Cypher", seed.replace("\"ATTRIBUTED_TO\"", "\"ATTRIBUTED_TO]->() DETACH DELETE n //\"")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("backtick label", seed.replace("\"type\": \"Person\"", "\"type\": \"Person`:Admin\"").getBytes(StandardCharsets.UTF_8));
                broken.put("sources dropped", seed.replace(", \"sources\": [\"seed-report\"]}", "}").getBytes(StandardCharsets.UTF_8));
                broken.put("bad date", seed.replace("2019-05-01", "2019-13-45").getBytes(StandardCharsets.UTF_8));
                broken.put("truncated", seed.substring(0, seed.length() / 2).getBytes(StandardCharsets.UTF_8));
            }
            case "stix" -> {
                broken.put("objects a string", seed.replaceFirst("\"objects\": \\[", "\"objects\": \"[\", \"x\": [").getBytes(StandardCharsets.UTF_8));
                broken.put("confidence as text", seed.replace("\"confidence\": 60", "\"confidence\": \"high\"").getBytes(StandardCharsets.UTF_8));
                broken.put("confidence beyond long", seed.replace("\"confidence\": 60", "\"confidence\": -1.5e308").getBytes(StandardCharsets.UTF_8));
                broken.put("id with Cypher", seed.replace("identity--0b57113e-0002", "identity--') DETACH DELETE n //").getBytes(StandardCharsets.UTF_8));
                broken.put("bad timestamp", seed.replace("2024-02-01T10:00:00.000Z", "yesterday").getBytes(StandardCharsets.UTF_8));
                broken.put("spec 3.0", seed.replace("\"spec_version\": \"2.1\"", "\"spec_version\": \"3.0\"").getBytes(StandardCharsets.UTF_8));
                broken.put("type missing", seed.replaceFirst("\"type\": \"bundle\",", "").getBytes(StandardCharsets.UTF_8));
                broken.put("duplicate key", seed.replaceFirst("\"type\": \"bundle\",", "\"type\": \"bundle\", \"type\": \"bundle\",")
                        .getBytes(StandardCharsets.UTF_8));
            }
            case "misp" -> {
                broken.put("values an object", seed.replace("\"values\": [", "\"values\": {\"a\": [").replace("\n  ]\n}", "\n  ]}\n}")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("synonyms a number", seed.replace("[\"Seed Wolf\"]", "42").getBytes(StandardCharsets.UTF_8));
                broken.put("uuid Cypher", seed.replace("0b57113e-0006-4000-8000-000000000006", "') MATCH (n) DETACH DELETE n //")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("cluster type unknown", seed.replace("\"type\": \"threat-actor\"", "\"type\": \"`threat`\"").getBytes(StandardCharsets.UTF_8));
                broken.put("value missing", seed.replace("\"value\": \"Hostile Seed Wolf\",", "").getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                String[] lines = seed.split("\n");
                broken.put("header only wrong", ("a,b,c\n" + lines[1]).getBytes(StandardCharsets.UTF_8));
                broken.put("row too long", (seed + lines[1] + ",extra,cells\n").getBytes(StandardCharsets.UTF_8));
                broken.put("row too short", (seed + "x,y\n").getBytes(StandardCharsets.UTF_8));
                broken.put("open quote", (seed + "\"never closed," + lines[1]).getBytes(StandardCharsets.UTF_8));
                broken.put("NUL in a cell", seed.replace("Hostile Seed", "Hostile\u0000Seed").replace("Seen", "Se\u0000en")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("header duplicated column", (lines[0] + "," + lines[0].split(",")[0] + "\n" + lines[1] + ",x\n")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("bad date", seed.replace("2016-03-01", "2016-02-30").replace("2015-01-01", "yesterday").replace("2015-06-01", "2015-13-45")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("Cypher in a type or label", seed.replace("TARGETS", "TARGETS]->() DETACH DELETE n //")
                        .replace("ThreatGroup", "ThreatGroup`) DETACH DELETE n //").replace("DE,", "') DETACH DELETE n //,")
                        .getBytes(StandardCharsets.UTF_8));
                broken.put("many bad rows", (seed + "\n" + "a,b\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return broken;
    }

    @Test
    void malformedFilesOfEveryFormatAreRefusedNamingTheFile() {
        var soft = new SoftAssertions();
        for (String format : SEEDS.keySet().stream().sorted().toList()) {
            Map<String, byte[]> all = new LinkedHashMap<>(commonBreakages());
            all.putAll(formatBreakages(format));
            int n = 0;
            for (var e : all.entrySet()) {
                String file = "malformed-" + format + "-" + n++ + (format.contains("csv") ? ".csv" : ".json");
                var before = GraphFingerprint.of(graph);
                var response = upload(format, file, e.getValue());
                String what = format + " / " + e.getKey();
                soft.assertThat(BrokenInputTests.acceptedBy(format, file, e.getValue())).as("the reader accepts " + what).isFalse();
                checkRefused(soft, what, response, file);
                checkUnchanged(soft, what, before);
            }
        }
        soft.assertAll();
    }

    @Test
    void unknownMissingAndHostileFormatsAreRefused() {
        var before = GraphFingerprint.of(graph);
        var soft = new SoftAssertions();
        for (String format : List.of("xml", "STIX", "case ", "') MATCH (n) DETACH DELETE n //", "`", "\u0000", "A".repeat(100_000), "../case")) {
            filesTried++;
            var response = post("/api/imports?format=" + encode(format), "application/json", fixture(SEEDS.get("case")));
            checkProblem(soft, "format " + format.substring(0, Math.min(20, format.length())), response, 400);
            if (format.length() < 1000) { // longer ones are refused by Tomcat for the length of the request line
                soft.assertThat(response.body().path("detail").asString()).contains("case, csv-nodes, csv-relationships, misp, msp-clients, stix");
            }
        }
        filesTried++;
        checkProblem(soft, "no format", post("/api/imports", "application/json", fixture(SEEDS.get("case"))), 400);
        filesTried++;
        checkProblem(soft, "format twice", post("/api/imports?format=case&format=stix", "application/json", fixture(SEEDS.get("case"))), 400);
        checkUnchanged(soft, "formats", before);
        soft.assertAll();
    }

    /** The file name is recorded and echoed: a long one or one with control characters is refused, the rest only named. */
    @Test
    void hostileFileNamesAreRefusedOrOnlyNamed() {
        var before = GraphFingerprint.of(graph);
        var soft = new SoftAssertions();
        // The HTTP client refuses other control characters in a header; the multipart file name below carries them.
        for (String name : List.of("A".repeat(1_000), "tab\tname")) {
            filesTried++;
            var response = send(HttpRequest.newBuilder(uri("/api/imports?format=case")).header("Content-Type", "application/json")
                    .header("X-File-Name", name).POST(HttpRequest.BodyPublishers.ofByteArray(fixture(SEEDS.get("case")))).build());
            checkProblem(soft, "file name " + name.length(), response, 400);
            soft.assertThat(response.body().path("detail").asString()).contains("X-File-Name");
        }
        for (String name : List.of("a\u0001b.json", "nul\u0000.json", "esc\u001b[31m.json")) {
            filesTried++;
            var response = postMultipart("/api/imports?format=case", multipart("file", name, fixture(SEEDS.get("case"))));
            checkProblem(soft, "multipart file name " + name, response, 400);
            // Tomcat's multipart parser itself gives up on some of them: a 400 as well, without the name.
            soft.assertThat(response.body().path("detail").asString()).containsAnyOf("multipart file name", "multipart request could not be read");
        }
        for (String name : List.of("') MATCH (n) DETACH DELETE n //", "`x`", "../../../../etc/passwd", "<script>x</script>.json")) {
            filesTried++;
            var response = upload("case", name, "{}".getBytes(StandardCharsets.UTF_8));
            checkRefused(soft, "file name " + name, response, name);
        }
        checkUnchanged(soft, "file names", before);
        soft.assertAll();
    }

    @Test
    void multipartMistakesAreRefused() {
        var before = GraphFingerprint.of(graph);
        var soft = new SoftAssertions();
        byte[] wrongPart = multipart("upload", "x.json", fixture(SEEDS.get("case")));
        filesTried += 3;
        checkProblem(soft, "wrong part name", postMultipart("/api/imports?format=case", wrongPart), 400);
        checkProblem(soft, "no parts", postMultipart("/api/imports?format=case", "--b0undary--\r\n".getBytes(StandardCharsets.UTF_8)), 400);
        var broken = postMultipart("/api/imports?format=stix", multipart("file", "broken.json", binary(1000)));
        checkRefused(soft, "multipart binary", broken, "broken.json");
        checkUnchanged(soft, "multipart", before);
        soft.assertAll();
    }

    /** A declared length over the limit is answered 413 on the headers alone: with Expect: 100-continue no body byte is sent. */
    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() {
        var before = GraphFingerprint.of(graph);
        long length = maxUploadSize.toBytes() + 1;
        var body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(length)), length);
        long started = System.nanoTime();
        filesTried++;
        var response = send(HttpRequest.newBuilder(uri("/api/imports?format=stix")).expectContinue(true)
                .header("Content-Type", "application/json").POST(body).build());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        checkTooLarge(response);
        assertThat(GraphFingerprint.of(graph)).isEqualTo(before);
    }

    /** Without a length (chunked), the body is read one byte past the limit and no further. */
    @Test
    void aChunkedBodyOverTheLimitIsRefused() {
        var before = GraphFingerprint.of(graph);
        long length = maxUploadSize.toBytes() + 256 * 1024;
        filesTried++;
        var response = send(HttpRequest.newBuilder(uri("/api/imports?format=csv-nodes")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(length))).build());
        checkTooLarge(response);
        assertThat(GraphFingerprint.of(graph)).isEqualTo(before);
    }

    @Test
    void aMultipartFileOverTheLimitIsRefused() {
        var before = GraphFingerprint.of(graph);
        filesTried++;
        // With Expect: 100-continue, as curl sends for large bodies: refused on the declared length, the body never sent.
        var response = send(HttpRequest.newBuilder(uri("/api/imports?format=misp")).expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", "big.json", new byte[(int) maxUploadSize.toBytes() + 1]))).build());
        checkTooLarge(response);
        assertThat(GraphFingerprint.of(graph)).isEqualTo(before);
    }

    /**
     * Broken files generated from each format's seed: what the reader refuses must be refused by the
     * endpoint (400 naming the file, nothing changed); what it accepts must import (201), or be refused
     * only for ids that are neither in the file nor in the graph.
     */
    @Test
    void brokenFilesGeneratedFromTheSeeds() {
        upload("csv-nodes", "hostile-seed-nodes.csv", fixture(SEEDS.get("csv-nodes"))); // what the relationships seed points at
        var soft = new SoftAssertions();
        long started = System.nanoTime();
        JqwikSession.start();
        try {
            for (String format : SEEDS.keySet().stream().sorted().toList()) {
                Shape shape = format.contains("csv") || format.equals("msp-clients") ? Shape.CSV : Shape.JSON;
                var generator = Breakage.broken(SEEDS.get(format), fixture(SEEDS.get(format)), shape).generator(1000);
                Random random = new Random(20261128L + format.hashCode());
                for (int i = 0; i < TRIES; i++) {
                    Broken input = generator.next(random).value();
                    String file = "broken-" + format + "-" + i + (shape == Shape.CSV ? ".csv" : ".json");
                    boolean valid = BrokenInputTests.acceptedBy(format, file, input.content());
                    var before = GraphFingerprint.of(graph);
                    var response = upload(format, file, input.content());
                    String what = format + " " + input;
                    if (valid && response.status() == 201) {
                        accepted++;
                        soft.assertThat(response.body().path("file").asString()).as(what).isEqualTo(file);
                        continue;
                    }
                    checkRefused(soft, what, response, file);
                    if (valid) {
                        soft.assertThat(response.body().path("problems")).as(what).allSatisfy(p ->
                                assertThat(p.path("message").asString()).contains("neither in this file nor in the graph"));
                    }
                    checkUnchanged(soft, what, before);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        System.out.printf("HostileUploadsIT: %d generated broken files per format in %d s%n", TRIES,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        soft.assertAll();
    }

    // ---- checks

    private void checkRefused(SoftAssertions soft, String what, Response response, String file) {
        checkProblem(soft, what, response, 400);
        soft.assertThat(response.body().path("detail").asString()).as(what).startsWith(file + ":");
        soft.assertThat(response.body().path("problems").isArray()).as(what).isTrue();
        soft.assertThat(response.body().path("problems")).as(what).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path("file").asString()).isEqualTo(file);
            assertThat(p.path("message").asString()).isNotBlank();
        });
    }

    private void checkProblem(SoftAssertions soft, String what, Response response, int expected) {
        if (response.status() >= 500) {
            serverErrors++;
        }
        soft.assertThat(response.status()).as(what).isEqualTo(expected);
        soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        soft.assertThat(response.body().path("detail").asString()).as(what).isNotBlank();
        soft.assertThat(response.body().toString()).as(what).doesNotContain("Exception", "\tat ", "org.neo4j", "tools.jackson");
    }

    private void checkTooLarge(Response response) {
        if (response.status() >= 500) {
            serverErrors++;
        }
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asString()).contains(Long.toString(maxUploadSize.toBytes()), "graph.import.max-upload-size");
        assertThat(response.body().path("maxUploadSize").asLong()).isEqualTo(maxUploadSize.toBytes());
    }

    private void checkUnchanged(SoftAssertions soft, String what, GraphFingerprint before) {
        var after = GraphFingerprint.of(graph);
        if (!after.equals(before)) {
            graphChanges++;
        }
        soft.assertThat(after).as(what).isEqualTo(before);
    }

    // ---- requests

    private Response upload(String format, String file, byte[] content) {
        filesTried++;
        return send(HttpRequest.newBuilder(uri("/api/imports?format=" + format))
                .header("Content-Type", format.contains("csv") ? "text/csv" : "application/json")
                .header("X-File-Name", file)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    private Response postMultipart(String path, byte[] body) {
        return post(path, "multipart/form-data; boundary=b0undary", body);
    }

    private static byte[] multipart(String part, String fileName, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? '0' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) '0');
                left -= n;
                return n;
            }
        };
    }

    private static byte[] binary(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static byte[] hugeArray(int elements) {
        var text = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--0b57113e-0000-4000-8000-0000000000ff\",\"values\":[],\"objects\":[");
        for (int i = 0; i < elements; i++) {
            text.append(i == 0 ? "" : ",").append("1");
        }
        return text.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
