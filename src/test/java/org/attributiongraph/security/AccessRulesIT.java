package org.attributiongraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.attributiongraph.Fixtures;
import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Who may call what: 401 for a missing or wrong key where one is needed, 403 for a key without the role, as problem documents. */
class AccessRulesIT extends IntegrationTest {

    private Response request(String method, String path, Map<String, String> headers, byte[] body) {
        var request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asString()).contains(detail);
    }

    @Test
    void aWrongKeyIsRefusedNeverTreatedAsAnonymous() {
        for (var headers : java.util.List.of(Map.of("X-API-Key", "not-a-key"), Map.of("Authorization", "Bearer not-a-key"),
                Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), Map.of("X-API-Key", ""))) {
            var response = request("GET", "/api/stats", headers, null);
            assertProblem(response, 401, "not valid");
            assertThat(response.body().get("title").asString()).isEqualTo("Unauthorized");
        }
        var raw = rawHeaders("/api/stats", "X-API-Key", "not-a-key");
        assertThat(raw.firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aKeyWorksAsXApiKeyAndAsBearer() {
        assertThat(request("GET", "/api/stats", Map.of("Authorization", "Bearer " + READER_KEY), null).body().at("/nodes/ThreatGroup").asLong())
                .isPositive();
        assertThat(request("GET", "/api/stats", Map.of("X-API-Key", READER_KEY), null).body().at("/nodes/ThreatGroup").asLong())
                .isPositive();
    }

    @Test
    void exportsNeedTheAnalystRole() {
        String apt10 = idOf("ThreatGroup", "APT10");
        assertProblem(request("GET", "/api/export?root=" + apt10 + "&depth=1", Map.of("X-API-Key", READER_KEY), null), 403, "reader");
        var analyst = request("GET", "/api/export?root=" + apt10 + "&depth=1&format=cytoscape", Map.of("X-API-Key", ANALYST_KEY), null);
        assertThat(analyst.status()).isEqualTo(200);
        assertThat(analyst.body().toString()).contains("APT10");
    }

    @Test
    void importsNeedTheAdminRole() {
        byte[] file = Fixtures.caseFile("mini.case.json");
        var json = Map.of("Content-Type", "application/json");
        assertProblem(request("POST", "/api/imports?format=case", Map.of("Content-Type", "application/json", "X-API-Key", ANALYST_KEY), file),
                403, "analyst");
        assertProblem(request("POST", "/api/imports?format=case", json, file), 401, "needs an API key");
        assertProblem(request("GET", "/api/imports/import-run--unknown", Map.of("X-API-Key", READER_KEY), null), 403, "reader");
        // The admin passes the rules and meets the ordinary answer: no such run.
        assertThat(request("GET", "/api/imports/import-run--unknown", Map.of("X-API-Key", ADMIN_KEY), null).status()).isEqualTo(404);
    }

    @Test
    void healthAndThePageArePublicTheRestOfTheActuatorIsAdminOnly() {
        var health = request("GET", "/actuator/health", Map.of(), null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertProblem(request("GET", "/actuator/info", Map.of(), null), 401, "needs an API key");
        assertProblem(request("GET", "/actuator/info", Map.of("X-API-Key", ANALYST_KEY), null), 403, "analyst");
        assertThat(request("GET", "/actuator/info", Map.of("X-API-Key", ADMIN_KEY), null).status()).isEqualTo(200);
        assertThat(request("GET", "/v3/api-docs", Map.of(), null).body().at("/info/title").isMissingNode()).isFalse();
        assertThat(request("GET", "/v3/api-docs", Map.of(), null).body().toString()).doesNotContain("\"caller\"");
        assertThat(rawHeaders("/", "Accept", "text/html").firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void noSessionNoCookie() {
        var headers = rawHeaders("/api/stats", "X-API-Key", ADMIN_KEY);
        assertThat(headers.firstValue("Set-Cookie")).isEmpty();
        assertThat(rawHeaders("/api/stats", "Accept", "application/json").firstValue("Set-Cookie")).isEmpty();
    }

    private java.net.http.HttpHeaders rawHeaders(String path, String name, String value) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header(name, value).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).headers();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
