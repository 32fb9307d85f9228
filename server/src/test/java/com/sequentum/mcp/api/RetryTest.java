package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.Requests.ScheduleRequest;
import com.sequentum.mcp.api.Requests.StartAgentRequest;
import com.sequentum.mcp.testing.ApiStub;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retry and rate limiting (§C): which methods and statuses are retried, how long the client waits
 * (recorded by the stub instead of sleeping), and what is thrown at the end.
 */
class RetryTest {
    private final ApiStub stub = ApiStub.start();

    @AfterEach
    void close() { stub.close(); }

    private static final ScheduleRequest RENAME = new ScheduleRequest("n", null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    @Test
    void rateLimitWithoutRetriesCarriesRetryAfterAndTheDetail() { // C1
        stub.retry(RetryPolicy.none()).rateLimited("60");

        RateLimitError e = catchThrowableOfType(RateLimitError.class, () -> stub.api().getAgent(42));

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.isRateLimited()).isTrue();
        assertThat(e.retryAfterSeconds()).isEqualTo(60.0);
        assertThat(e.getMessage()).contains("Rate limit exceeded").isEqualTo("Too Many Requests: Rate limit exceeded");
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterIsParsedOrNull() { // C7
        stub.retry(RetryPolicy.none()).rateLimited("120").rateLimited(null);

        assertThat(catchThrowableOfType(RateLimitError.class, () -> stub.api().getAgent(1)).retryAfterSeconds()).isEqualTo(120.0);
        assertThat(catchThrowableOfType(RateLimitError.class, () -> stub.api().getAgent(1)).retryAfterSeconds()).isNull();
    }

    @Test
    void retryAfterZeroFallsBackToExponentialBackoff() { // C2
        stub.rateLimited("0").json("{\"id\":42}");

        assertThat(stub.api().getAgent(42).get("id").asInt()).isEqualTo(42);
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(stub.sleeps()).containsExactly(Duration.ofMillis(1000));
    }

    @Test
    void retryAfterWinsAndIsCappedAt30Seconds() {
        stub.rateLimited("2").rateLimited("1.5").rateLimited("120").json("[]");

        stub.api().listSpaces();

        assertThat(stub.requestCount()).isEqualTo(4);
        assertThat(stub.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(30));
    }

    @Test
    void aMissingRetryAfterUsesExponentialBackoff() {
        stub.rateLimited(null).rateLimited(null).rateLimited(null).json("[]");

        stub.api().listSpaces();

        assertThat(stub.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void postIsNeverRetriedOnA429() { // C3
        stub.rateLimited("1").json("{}");

        assertThatThrownBy(() -> stub.api().startAgent(42, StartAgentRequest.defaults())).isInstanceOf(RateLimitError.class);
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void postIsNeverRetriedOnA503() {
        stub.json(503, "{\"message\":\"down\"}").json("{}");

        assertThatThrownBy(() -> stub.api().createSchedule(42, RENAME)).hasMessage("down");
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void voidPostIsNeverRetriedOnA502() {
        stub.json(502, "").empty(204);

        assertThatThrownBy(() -> stub.api().enableSchedule(42, 1)).isInstanceOf(ApiRequestError.class)
                .hasMessage("API Error 502: Bad Gateway");
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void postTimeoutsAreNotRetried() {
        stub.timeout(Duration.ofMillis(150)).hang().json("{}");

        assertThatThrownBy(() -> stub.api().startAgent(42, StartAgentRequest.defaults())).isInstanceOf(ApiTimeoutError.class);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void badGatewayAndServiceUnavailableAndGatewayTimeoutAreRetried() { // C4
        stub.json(502, "").json("{\"a\":1}").json(503, "").json("{\"b\":2}").json(504, "").json("{\"c\":3}");
        SequentumApi api = stub.api();

        assertThat(api.getAgent(1).toString()).isEqualTo("{\"a\":1}");
        assertThat(api.getAgent(1).toString()).isEqualTo("{\"b\":2}");
        assertThat(api.getAgent(1).toString()).isEqualTo("{\"c\":3}");
        assertThat(stub.requestCount()).isEqualTo(6);
        assertThat(stub.sleeps()).hasSize(3);
    }

    @Test
    void putAndDeleteAreRetried() { // C8 and S5
        stub.rateLimited("3").empty(204).json(503, "").json("{\"id\":10}");
        SequentumApi api = stub.api();

        api.deleteSchedule(42, 123);
        assertThat(api.updateSchedule(42, 10, RENAME).get("id").asInt()).isEqualTo(10);

        assertThat(stub.requestCount()).isEqualTo(4);
        assertThat(stub.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < 4; i++) methods.add(stub.take().getMethod());
        assertThat(methods).containsExactly("DELETE", "DELETE", "PUT", "PUT");
    }

    @Test
    void clientErrorsAndInternalServerErrorAreNotRetried() { // C5
        stub.json(401, "{\"message\":\"no\"}").json(403, "").json(404, "").json(500, "").json(400, "").json(409, "");
        SequentumApi api = stub.api();

        for (int status : new int[] {401, 403, 404, 500, 400, 409}) {
            ApiRequestError e = catchThrowableOfType(ApiRequestError.class, () -> api.getAgent(1));
            assertThat(e.statusCode()).isEqualTo(status);
        }
        assertThat(stub.requestCount()).isEqualTo(6);
        assertThat(stub.sleeps()).isEmpty();
    }

    @Test
    void exhaustionThrowsTheLastError() { // C6
        stub.retry(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5))
                .json(503, "{\"message\":\"Service down\"}").json(503, "{\"message\":\"Service down\"}")
                .json(503, "{\"message\":\"Service still down\"}").json("{}");

        ApiRequestError e = catchThrowableOfType(ApiRequestError.class, () -> stub.api().getAgent(42));

        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e).hasMessage("Service still down");
        assertThat(stub.requestCount()).isEqualTo(3);
        assertThat(stub.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void atMostFourAttemptsByDefault() {
        for (int i = 0; i < 5; i++) stub.rateLimited("1");

        RateLimitError e = catchThrowableOfType(RateLimitError.class, () -> stub.api().listSpaces());

        assertThat(e.retryAfterSeconds()).isEqualTo(1.0);
        assertThat(stub.requestCount()).isEqualTo(4);
        assertThat(stub.sleeps()).hasSize(3);
    }

    @Test
    void aGetTimeoutIsRetried() {
        stub.timeout(Duration.ofMillis(200)).hang().json("{\"ok\":true}");

        assertThat(stub.api().getAgent(42).toString()).isEqualTo("{\"ok\":true}");
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(stub.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retriesAreRecordedNotSlept() {
        RetryPolicy p = RetryPolicy.standard();
        List<Duration> slept = new ArrayList<>();
        stub.json(503, "").json(503, "").json("[]");
        ApiHttp http = new ApiHttp(HttpClient.newHttpClient(), stub.baseUrl(), Duration.ofSeconds(5), p, slept::add,
                stub.clock(), new ObjectMapper());

        long started = System.nanoTime();
        http.send(Credentials.apiKey(ApiStub.API_KEY), "GET", "/api/v1/spaces", null);

        assertThat(slept).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    // ---- the delay formula --------------------------------------------------------------------------

    @Test
    void exponentialDelaysStayWithinTheJitterBounds() {
        RetryPolicy low = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        RetryPolicy high = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);
        assertThat(List.of(low.delay(0, null), low.delay(1, null), low.delay(2, null)))
                .containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000));
        assertThat(List.of(high.delay(0, null), high.delay(1, null), high.delay(2, null)))
                .containsExactly(Duration.ofMillis(1250), Duration.ofMillis(2500), Duration.ofMillis(5000));

        RetryPolicy real = RetryPolicy.standard();
        for (int i = 0; i < 200; i++) {
            for (int attempt = 0; attempt < 3; attempt++) {
                long ms = real.delay(attempt, null).toMillis();
                long base = 1000L << attempt;
                assertThat(ms).isBetween(base * 3 / 4, base * 5 / 4);
            }
        }
    }

    @Test
    void exponentialDelayIsCappedAt30Seconds() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);
        assertThat(p.delay(5, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delay(4, null)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void positiveRetryAfterWinsOverTheFormula() {
        RetryPolicy p = RetryPolicy.standard();
        assertThat(p.delay(2, 5.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delay(0, 0.25)).isEqualTo(Duration.ofMillis(250));
        assertThat(p.delay(0, 31.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delay(0, 0.0).toMillis()).isBetween(750L, 1250L);
    }

    @Test
    void methodAndStatusRules() {
        RetryPolicy p = RetryPolicy.standard();
        assertThat(p.maxRetries()).isEqualTo(3);
        assertThat(p.retriesMethod("GET")).isTrue();
        assertThat(p.retriesMethod("PUT")).isTrue();
        assertThat(p.retriesMethod("DELETE")).isTrue();
        assertThat(p.retriesMethod("POST")).isFalse();
        assertThat(p.retriesMethod("post")).isFalse();
        assertThat(List.of(429, 502, 503, 504)).allSatisfy(s -> assertThat(p.retriesStatus(s)).isTrue());
        assertThat(List.of(400, 401, 403, 404, 409, 422, 500, 501, 505)).allSatisfy(s -> assertThat(p.retriesStatus(s)).isFalse());
    }
}
