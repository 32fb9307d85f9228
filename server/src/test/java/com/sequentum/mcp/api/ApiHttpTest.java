package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sequentum.mcp.testing.ApiStub;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer: base URL, headers and credentials, success bodies, error mapping (§B), timeouts and
 * network failures, and that no message ever carries a secret.
 */
class ApiHttpTest {
    private final ApiStub stub = ApiStub.start();

    @AfterEach
    void close() { stub.close(); }

    private ApiHttp http(String baseUrl, Duration timeout, RetryPolicy retry) {
        return new ApiHttp(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), baseUrl, timeout,
                retry, d -> {}, stub.clock(), new ObjectMapper());
    }

    // ---- base URL --------------------------------------------------------------------------------

    @Test
    void exactlyOneTrailingSlashIsStripped() { // A1
        assertThat(ApiHttp.normaliseBaseUrl("https://api.example.com/")).isEqualTo("https://api.example.com");
        assertThat(ApiHttp.normaliseBaseUrl("https://api.example.com")).isEqualTo("https://api.example.com");
        assertThat(ApiHttp.normaliseBaseUrl("https://x.com//")).isEqualTo("https://x.com/");
    }

    @Test
    void emptyOrUnsetBaseUrlMeansTheDashboard() {
        assertThat(ApiHttp.normaliseBaseUrl("")).isEqualTo("https://dashboard.sequentum.com");
        assertThat(ApiHttp.normaliseBaseUrl(null)).isEqualTo("https://dashboard.sequentum.com");
    }

    @Test
    void aBaseUrlWithATrailingSlashProducesCleanPaths() { // A1, end to end
        stub.json("{\"id\":42}");
        ApiHttp http = http(stub.baseUrl() + "/", Duration.ofSeconds(5), RetryPolicy.none());

        http.send(Credentials.apiKey(ApiStub.API_KEY), "GET", "/api/v1/agent/42", null);

        assertThat(ApiStub.target(stub.take())).isEqualTo("/api/v1/agent/42");
        assertThat(http.baseUrl()).isEqualTo(stub.baseUrl());
    }

    @Test
    void productionDefaults() { // A2
        ApiHttp http = ApiHttp.create("", ApiHttp.DEFAULT_TIMEOUT);
        assertThat(http.baseUrl()).isEqualTo("https://dashboard.sequentum.com");
        assertThat(http.timeout()).isEqualTo(Duration.ofMillis(30_000));
        assertThat(ApiHttp.create("https://api.example.com/", Duration.ofSeconds(60)).timeout()).isEqualTo(Duration.ofMillis(60_000));
    }

    // ---- headers and credentials -------------------------------------------------------------------

    @Test
    void everyRequestCarriesTheApiKeyAndJsonHeaders() { // A3
        stub.json("[]");

        stub.api().listSpaces();

        RecordedRequest r = stub.take();
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void aBearerTokenWinsOverTheApiKey() { // B20
        stub.json("[]").json("[]").json("[]");

        stub.credentials(new Credentials(ApiStub.API_KEY, "test-bearer-token")).api().listSpaces();
        stub.credentials(Credentials.bearer("test-bearer-token")).api().listSpaces();
        stub.credentials(new Credentials(ApiStub.API_KEY, "")).api().listSpaces();

        assertThat(stub.take().getHeaders().get("Authorization")).isEqualTo("Bearer test-bearer-token");
        assertThat(stub.take().getHeaders().get("Authorization")).isEqualTo("Bearer test-bearer-token");
        assertThat(stub.take().getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
    }

    @Test
    void withoutCredentialsNoRequestIsMade() { // B20
        SequentumApi api = stub.credentials(Credentials.none()).api();

        AuthenticationError e = catchThrowableOfType(AuthenticationError.class, () -> api.getAgent(42));

        assertThat(e).hasMessage("No authentication configured. Set either an API key or OAuth2 access token.");
        assertThat(e.getMessage()).contains("No authentication configured");
        assertThat(stub.requestCount()).isZero();
        assertThatThrownBy(() -> stub.credentials(new Credentials("", "")).api().creditsBalance())
                .isInstanceOf(AuthenticationError.class);
        assertThat(stub.requestCount()).isZero();
    }

    @Test
    void authenticationErrorDefaults() { // C9
        assertThat(new AuthenticationError(null)).hasMessage("No authentication configured");
        assertThat(new AuthenticationError("Missing credentials")).hasMessage("Missing credentials");
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(Credentials.apiKey(ApiStub.API_KEY).toString()).doesNotContain(ApiStub.API_KEY).isEqualTo("Credentials[apiKey]");
        assertThat(Credentials.bearer("tok-secret").toString()).doesNotContain("tok-secret").isEqualTo("Credentials[bearer]");
    }

    // ---- success bodies --------------------------------------------------------------------------

    @Test
    void jsonIsReturnedAsSentKeyOrderIncluded() { // A4
        stub.json("[]").json("{\"z\":1,\"a\":{\"y\":[true,null]}}");

        assertThat(stub.api().listAgents(com.sequentum.mcp.api.Requests.AgentListQuery.firstPage()).toString()).isEqualTo("[]");
        assertThat(stub.api().getAgent(1).toString()).isEqualTo("{\"z\":1,\"a\":{\"y\":[true,null]}}");
    }

    @Test
    void aPlainTextBodyBecomesAString() { // B9
        stub.text(200, "Plain text response");

        assertThat(stub.api().getAgent(42)).isEqualTo(TextNode.valueOf("Plain text response"));
    }

    @Test
    void aBodyWithoutContentTypeBecomesAString() {
        stub.respond(new MockResponse.Builder().code(200).body("{\"id\":1}").build());

        assertThat(stub.api().getAgent(42)).isEqualTo(TextNode.valueOf("{\"id\":1}"));
    }

    @Test
    void malformedJsonIsReported() {
        stub.json("{\"id\":").json("").json("{\"id\":1} trailing");

        assertThatThrownBy(() -> stub.api().getAgent(42)).isInstanceOf(ApiMalformedResponseError.class)
                .hasMessage("The Sequentum API returned malformed JSON instead of JSON for /api/v1/agent/42");
        assertThatThrownBy(() -> stub.api().getAgent(42)).isInstanceOf(ApiMalformedResponseError.class)
                .hasMessage("The Sequentum API returned an empty body instead of JSON for /api/v1/agent/42");
        assertThatThrownBy(() -> stub.api().getAgent(42)).isInstanceOf(ApiMalformedResponseError.class)
                .hasMessage("The Sequentum API returned malformed JSON instead of JSON for /api/v1/agent/42");
    }

    @Test
    void voidCallsIgnoreTheBody() {
        stub.json(200, "").json(200, "not json").empty(204).respond(new MockResponse.Builder().code(204)
                .addHeader("Content-Type", "application/json").build());
        SequentumApi api = stub.api();

        api.deleteSchedule(42, 1);
        api.enableSchedule(42, 1);
        api.stopRun(42, 7);
        api.disableSchedule(42, 1);

        assertThat(stub.requestCount()).isEqualTo(4);
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        stub.redirect("https://storage.example.com/file.csv?token=abc").redirect("/files/tmp/1.csv");

        assertThat(stub.api().getFileDownloadUrl(42, 123, 456)).isEqualTo("https://storage.example.com/file.csv?token=abc");
        assertThat(stub.api().getFileDownloadUrl(42, 123, 457)).isEqualTo(stub.baseUrl() + "/files/tmp/1.csv");
        assertThat(ApiStub.target(stub.take())).isEqualTo("/api/v1/agent/42/run/123/file/456/download");
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    // ---- error mapping (§B) ---------------------------------------------------------------------------

    private ApiRequestError failure(int status, String body) {
        stub.json(status, body);
        return catchThrowableOfType(ApiRequestError.class, () -> stub.api().getAgent(42));
    }

    @Test
    void unauthorizedCarriesTheApiMessage() { // B1, B12
        ApiRequestError e = failure(401, "{\"message\": \"Invalid API key\"}");
        assertThat(e).hasMessage("Invalid API key");
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.statusText()).isEqualTo("Unauthorized");
        assertThat(e.isUnauthorized()).isTrue();
        assertThat(e.isForbidden() || e.isNotFound() || e.isServerError() || e.isRateLimited()).isFalse();
        assertThat(e.endpoint()).isEqualTo("/api/v1/agent/42");
    }

    @Test
    void anEmpty404KeepsTheDefaultMessage() { // B2
        stub.empty(404);
        ApiRequestError e = catchThrowableOfType(ApiRequestError.class, () -> stub.api().getAgent(42));
        assertThat(e).hasMessage("API Error 404: Not Found");
        assertThat(e.isNotFound()).isTrue();
    }

    @Test
    void runAndScheduleMessages() { // B3, B4, B5, B18, B19
        stub.json(401, "{\"message\": \"No run access\"}").json(404, "{\"message\": \"Run not found\"}")
                .json(400, "{\"message\": \"Run is currently active and cannot be deleted\"}")
                .json(404, "{\"message\": \"Schedule not found\"}")
                .json(404, "{\"message\": \"No failures found for this agent\"}");
        SequentumApi api = stub.api();

        assertThatThrownBy(() -> api.stopRun(42, 1)).hasMessage("No run access");
        assertThatThrownBy(() -> api.killRun(42, 1)).hasMessage("Run not found");
        ApiRequestError active = catchThrowableOfType(ApiRequestError.class, () -> api.deleteRun(42, 1, null));
        assertThat(active).hasMessage("Run is currently active and cannot be deleted");
        assertThat(active.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> api.getSchedule(42, 1)).hasMessage("Schedule not found");
        assertThatThrownBy(() -> api.latestFailure(42)).hasMessage("No failures found for this agent");
    }

    @Test
    void serverErrorsWithTextOrEmptyBodies() { // B7, B8, B12
        ApiRequestError text = failure(500, "Not valid JSON");
        assertThat(text).hasMessage("Not valid JSON");
        assertThat(text.isServerError()).isTrue();
        stub.empty(500);
        assertThatThrownBy(() -> stub.api().getAgent(42)).hasMessage("API Error 500: Internal Server Error");
        assertThat(failure(500, "{\"message\":\"Internal error\"}").statusCode()).isEqualTo(500);
    }

    @Test
    void badRequestFlags() { // B10, B11
        ApiRequestError bad = failure(400, "{\"message\": \"Invalid agentId\"}");
        assertThat(bad).hasMessage("Invalid agentId");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.isNotFound()).isFalse();
        assertThat(bad.isUnauthorized()).isFalse();
        assertThat(bad.isServerError()).isFalse();
        ApiRequestError missing = failure(404, "{\"message\": \"Agent not found\"}");
        assertThat(missing.isNotFound()).isTrue();
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void problemDetails() { // B13, B14
        assertThat(failure(404, "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\","
                + "\"status\":404,\"detail\":\"Agent with ID 999 was not found\",\"instance\":\"/api/v1/agent/999\"}"))
                .hasMessage("Not Found: Agent with ID 999 was not found");
        assertThat(failure(401, "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.2\",\"title\":\"Unauthorized\",\"status\":401}"))
                .hasMessage("Unauthorized");
    }

    @Test
    void longTextBodiesAreTruncated() { // B15
        stub.text(500, "x".repeat(1000));
        ApiRequestError e = catchThrowableOfType(ApiRequestError.class, () -> stub.api().getAgent(42));
        assertThat(e.getMessage()).hasSize(503).isEqualTo("x".repeat(500) + "...");
    }

    @Test
    void forbiddenAndServerErrorFlags() { // C9
        assertThat(failure(403, "").isForbidden()).isTrue();
        assertThat(new ApiRequestError(403, "Forbidden", "m", "/e").isUnauthorized()).isFalse();
        for (int s : new int[] {500, 502, 503, 599}) {
            assertThat(new ApiRequestError(s, "", "m", "/e").isServerError()).as("%d", s).isTrue();
        }
        assertThat(new ApiRequestError(400, "", "m", "/e").isServerError()).isFalse();
        RateLimitError r = new RateLimitError("slow down", "/e", 30.0);
        assertThat(r).isInstanceOf(ApiRequestError.class);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.statusText()).isEqualTo("Too Many Requests");
        assertThat(r.isRateLimited()).isTrue();
        assertThat(r.retryAfterSeconds()).isEqualTo(30.0);
        assertThat(new RateLimitError("m", "/e", null).retryAfterSeconds()).isNull();
    }

    // ---- timeouts and network failures ----------------------------------------------------------------

    @Test
    void aTimeoutNamesTheLimitAndTheEndpoint() { // B16
        stub.hang();
        ApiHttp http = http(stub.baseUrl(), Duration.ofMillis(150), RetryPolicy.none());

        assertThatThrownBy(() -> new SequentumApi(http, Credentials.apiKey(ApiStub.API_KEY)).getAgent(42))
                .isInstanceOf(ApiTimeoutError.class)
                .hasMessage("Request timeout after 150ms: /api/v1/agent/42");
    }

    @Test
    void aDroppedConnectionIsANetworkErrorAndIsNotRetried() { // B6
        // The JDK client itself re-sends an idempotent request once when the connection closes before any
        // byte of the answer (a stale keep-alive connection); our retry layer adds nothing on top.
        stub.disconnect().disconnect().json("{}");

        assertThatThrownBy(() -> stub.api().getAgent(42)).isInstanceOf(ApiNetworkError.class)
                .hasMessage("Network error talking to the Sequentum API at " + java.net.URI.create(stub.baseUrl()).getHost()
                        + ": connection closed unexpectedly");
        assertThat(stub.requestCount()).isLessThanOrEqualTo(2);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void aDroppedPostIsANetworkErrorAfterOneAttempt() {
        stub.disconnect().json("{}");

        assertThatThrownBy(() -> stub.api().startAgent(42, Requests.StartAgentRequest.defaults()))
                .isInstanceOf(ApiNetworkError.class);
        assertThat(stub.requestCount()).isLessThanOrEqualTo(1);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void anUnreachableHostIsANetworkError() {
        ApiHttp http = http("http://127.0.0.1:1", Duration.ofSeconds(2), RetryPolicy.standard());

        assertThatThrownBy(() -> http.send(Credentials.apiKey(ApiStub.API_KEY), "GET", "/api/v1/spaces", null))
                .isInstanceOf(ApiNetworkError.class)
                .hasMessage("Could not connect to the Sequentum API at 127.0.0.1 (connection refused or unreachable)");
    }

    // ---- secrets ------------------------------------------------------------------------------------------

    @Test
    void noErrorMessageContainsTheApiKey() {
        String key = ApiStub.API_KEY;
        stub.json(401, "{\"message\":\"Invalid API key " + key + "\"}")
                .text(400, "Bad header: Authorization: ApiKey " + key)
                .json(404, "{\"title\":\"Not Found\",\"detail\":\"No key " + key + "\"}")
                .empty(500)
                .respond(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                        .body("{\"message\":\"Too many requests for " + key + "\"}").build());
        SequentumApi api = stub.retry(RetryPolicy.none()).api();
        List<Throwable> errors = new ArrayList<>();

        for (int i = 0; i < 5; i++) errors.add(catchThrowableOfType(RuntimeException.class, () -> api.getAgent(42)));
        errors.add(catchThrowableOfType(RuntimeException.class,
                () -> stub.credentials(Credentials.none()).api().getAgent(42)));

        assertThat(errors).hasSize(6).allSatisfy(e -> {
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain(key);
            assertThat(String.valueOf(e)).doesNotContain(key);
        });
        assertThat(errors.get(0)).hasMessage("Invalid API key ***");
        assertThat(errors.get(1)).hasMessage("Bad header: Authorization: ApiKey ***");
    }

    @Test
    void noErrorMessageContainsTheBearerToken() {
        stub.json(400, "{\"message\":\"token tok-abc.def.ghi rejected\"}");

        assertThatThrownBy(() -> stub.credentials(Credentials.bearer("tok-abc.def.ghi")).api().getAgent(1))
                .hasMessage("token *** rejected");
    }

    @Test
    void timeoutAndNetworkMessagesCarryNoSecrets() {
        stub.hang();
        ApiHttp http = http(stub.baseUrl(), Duration.ofMillis(100), RetryPolicy.none());
        assertThatThrownBy(() -> http.send(Credentials.apiKey(ApiStub.API_KEY), "GET", "/api/v1/spaces", null))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ApiStub.API_KEY));
        ApiHttp down = http("http://127.0.0.1:1", Duration.ofSeconds(1), RetryPolicy.none());
        assertThatThrownBy(() -> down.send(Credentials.apiKey(ApiStub.API_KEY), "GET", "/api/v1/spaces", null))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ApiStub.API_KEY));
    }
}
