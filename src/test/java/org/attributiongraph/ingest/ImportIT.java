package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attributiongraph.Fixtures.caseFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The import endpoint over HTTP against the real store: idempotence, refusals, nothing half-written. */
class ImportIT extends IntegrationTest {

    @Test
    void reimportingEveryBundledFileChangesNothing() throws IOException {
        JsonNode before = stats();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("import/cases"))) {
            files = list.filter(p -> p.toString().endsWith(".case.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            var response = post("/api/imports?format=case", "application/json", Files.readAllBytes(file));
            assertThat(response.status()).as(file.toString()).isEqualTo(201);
            assertThat(response.body().at("/nodes/created").asLong()).as(file + " nodes created").isZero();
            assertThat(response.body().at("/relationships/created").asLong()).as(file + " relationships created").isZero();
            assertThat(response.body().at("/nodes/updated").asLong()).isPositive();
        }
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void fixtureImportsOnceThenOnlyUpdates() {
        var first = post("/api/imports?format=case", "application/json", caseFile("mini.case.json"));
        assertThat(first.status()).isEqualTo(201);
        JsonNode after = stats();
        var second = post("/api/imports?format=case", "application/json", caseFile("mini.case.json"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().at("/nodes").toString()).isEqualTo("{\"created\":0,\"updated\":7}");
        assertThat(second.body().at("/relationships").toString()).isEqualTo("{\"created\":0,\"updated\":5}");
        assertThat(stats()).isEqualTo(after);
        // Where the import's time went, stage by stage.
        JsonNode timings = second.body().get("timings");
        assertThat(timings.propertyNames()).containsExactly("readMs", "checkMs", "resolveMs", "writeMs");
        assertThat(timings.valueStream()).allSatisfy(ms -> assertThat(ms.isIntegralNumber() && ms.asLong() >= 0).as(ms.toString()).isTrue());

        var run = get("/api/imports/" + second.body().get("run").asString());
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("format").asString()).isEqualTo("case");
    }

    @Test
    void multipartUploadIsAccepted() {
        String boundary = "----attribution-graph-test";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mini.case.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(caseFile("mini.case.json"));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = send(HttpRequest.newBuilder(uri("/api/imports?format=case"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("file").asString()).isEqualTo("mini.case.json");
        assertThat(response.body().at("/nodes/created").asLong() + response.body().at("/nodes/updated").asLong()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-json.case.json", "bad-missing-field.case.json", "bad-unknown-reference.case.json",
            "bad-confidence.case.json", "bad-relationship-type.case.json", "bad-many-problems.case.json"})
    void malformedFilesAreRefusedWholeWithEveryProblem(String name) {
        JsonNode before = stats();
        var response = post("/api/imports?format=case", "application/json", caseFile(name));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problems = response.body().get("problems");
        assertThat(problems.isArray() && !problems.isEmpty()).isTrue();
        for (JsonNode problem : problems) {
            assertThat(problem.get("message").asString()).isNotBlank();
            assertThat(problem.has("pointer")).isTrue();
        }
        if (name.equals("bad-many-problems.case.json")) {
            assertThat(problems.size()).isGreaterThanOrEqualTo(6);
        }
        // Nothing of the file landed: the valid parts of it (a new group, its country) are absent too.
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void aRefusedFileWritesNothingEvenWhenMostOfItIsValid() {
        // Only one relationship of this file is bad; its group, person and sources must not land either.
        var response = post("/api/imports?format=case", "application/json", caseFile("bad-unknown-reference.case.json"));
        assertThat(response.status()).isEqualTo(400);
        var names = new ArrayList<String>();
        get("/api/entities?q=Refused").body().get("items").forEach(i -> names.add(i.get("name").asString()));
        assertThat(names).isEmpty();
    }

    @Test
    void unknownOrMissingFormatIs400() {
        var unknown = post("/api/imports?format=parquet", "application/json", caseFile("mini.case.json"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asString()).contains("parquet").contains("case");

        var missing = post("/api/imports", "application/json", caseFile("mini.case.json"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void emptyBodyIs400() {
        var response = post("/api/imports?format=case", "application/json", new byte[0]);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/problems/0/message").asString()).contains("empty");
    }
}
