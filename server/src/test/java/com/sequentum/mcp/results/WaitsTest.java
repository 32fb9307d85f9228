package com.sequentum.mcp.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.RetryPolicy;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.calls.CallControl;
import com.sequentum.mcp.calls.Cancellation;
import com.sequentum.mcp.calls.InFlightCalls;
import com.sequentum.mcp.testing.ApiStub;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolContext;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolRunner;
import com.sequentum.sandbox.SandboxConfig;
import com.sequentum.sandbox.SandboxServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** start_agent waitSeconds and start_agent_build waitForCompletion, on a fake clock: no real sleeping. */
class WaitsTest {
    /** A fake monotonic clock that pauses advance; records pauses and progress. */
    static final class Fake {
        final AtomicLong nanos = new AtomicLong();
        final List<Duration> pauses = new ArrayList<>();
        final List<String> progress = new ArrayList<>();
        final Cancellation cancellation = new Cancellation();
        int cancelOnPause = -1;

        CallControl control(boolean wantsProgress) {
            return new CallControl(cancellation, nanos::get, (d, c) -> {
                pauses.add(d);
                nanos.addAndGet(d.toNanos());
                if (pauses.size() == cancelOnPause) c.cancel();
            }, wantsProgress ? (p, total, m) -> progress.add(p + "/" + total + " " + m) : CallControl.ProgressSink.NONE);
        }
    }

    static ToolResult run(ApiStub api, Fake fake, boolean progress, Map<String, Object> args) {
        var ctx = ToolContext.of(api.api(), api.clock()).with(fake.control(progress));
        return ToolRunner.run(ToolCatalogue.find("start_agent").orElseThrow(), ctx, args);
    }

    @Test
    void endsAtOnceOnAFinalStatusWithTheCanonicalRunShape() {
        try (ApiStub api = ApiStub.start()) {
            Fake fake = new Fake();
            api.json("{\"id\":7,\"status\":\"Queuing\",\"startTime\":\"2026-03-15T14:29:50Z\"}");
            api.json("{\"id\":7,\"status\":\"Running\",\"startTime\":\"2026-03-15T14:29:50Z\",\"recordsExtracted\":3}");
            api.json("{\"id\":7,\"status\":\"Completed\",\"startTime\":\"2026-03-15T14:29:50Z\",\"endTime\":\"2026-03-15T14:30:02.5Z\","
                    + "\"recordsExtracted\":40,\"recordsExported\":40,\"extra\":null}");
            ToolResult r = run(api, fake, true, Map.of("agentId", 5, "waitSeconds", 45));

            assertThat(r.isError()).isFalse();
            assertThat(r.text()).startsWith("Agent started successfully.\n\n{\n  \"runId\": 7,");
            assertThat(r.structured().toString()).isEqualTo("{\"runId\":7,\"agentId\":5,\"status\":\"Completed\",\"finished\":true,"
                    + "\"startTime\":\"2026-03-15T14:29:50Z\",\"endTime\":\"2026-03-15T14:30:02.5Z\",\"durationSeconds\":12.5,"
                    + "\"recordsExtracted\":40,\"recordsExported\":40,\"waitedSeconds\":2.5,"
                    + "\"summary\":\"Run 7 of agent 5 completed in 12.5 s (40 records extracted, 40 exported).\","
                    + "\"nextStep\":\"Preview the scraped data with get_run_data (agentId=5, runId=7).\"}");
            assertThat(fake.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
            assertThat(api.requestCount()).isEqualTo(3);
            api.take();
            RecordedRequest poll = api.take();
            assertThat(ApiStub.target(poll)).isEqualTo("/api/v1/agent/5/run/7/status");
            assertThat(fake.progress).containsExactly(
                    "0.0/45.0 Run 7: Queuing (0 s elapsed, waiting at most 45 s)",
                    "1.0/45.0 Run 7: Running (1 s elapsed, waiting at most 45 s)",
                    "2.5/45.0 Run 7: Completed (2 s elapsed, waiting at most 45 s)");
            Structured.assertValid("start_agent", r);
        }
    }

    @Test
    void timesOutCleanlyWithBackoffCappedAtFiveSeconds() {
        try (ApiStub api = ApiStub.start()) {
            Fake fake = new Fake();
            api.json("{\"id\":7,\"status\":\"Running\"}");
            for (int i = 0; i < 20; i++) api.json("{\"id\":7,\"status\":\"Running\",\"recordsExtracted\":1}");
            ToolResult r = run(api, fake, false, Map.of("agentId", 5, "waitSeconds", 20));

            assertThat(r.isError()).isFalse();
            assertThat(fake.pauses).extracting(Duration::toMillis).containsExactly(1000L, 1500L, 2250L, 3375L, 5000L, 5000L, 1875L);
            assertThat(r.structured().get("finished").asBoolean()).isFalse();
            assertThat(r.structured().get("summary").asText())
                    .isEqualTo("Run 7 of agent 5 is still Running after waiting 20 s (1 records extracted, ? exported).");
            assertThat(r.structured().get("nextStep").asText()).isEqualTo("Follow it with get_run_status (agentId=5, runId=7).");
            assertThat(fake.progress).as("no progress token, no progress").isEmpty();
        }
    }

    @Test
    void stopsPollingAtOnceOnANonRetryableError() {
        try (ApiStub api = ApiStub.start()) {
            Fake fake = new Fake();
            api.json("{\"id\":7,\"status\":\"Queuing\"}");
            api.json(404, "{\"message\":\"Run 7 not found\"}");
            ToolResult r = run(api, fake, false, Map.of("agentId", 5, "waitSeconds", 45));
            assertThat(api.requestCount()).isEqualTo(2);
            assertThat(r.structured().get("summary").asText())
                    .isEqualTo("Run 7 of agent 5 was started, but following it failed: Not Found: Run 7 not found");
        }
    }

    @Test
    void aCancelledWaitStopsPollingAndSaysTheRunGoesOn() {
        try (ApiStub api = ApiStub.start()) {
            Fake fake = new Fake();
            fake.cancelOnPause = 2;
            api.json("{\"id\":7,\"status\":\"Queuing\"}");
            api.json("{\"id\":7,\"status\":\"Running\"}");
            ToolResult r = run(api, fake, false, Map.of("agentId", 5, "waitSeconds", 45));
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).isEqualTo("Error: The wait was cancelled by the client. Run 7 of agent 5 was started and "
                    + "keeps going; follow it with get_run_status (agentId=5, runId=7).");
            assertThat(api.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void waitSecondsIsValidatedAndZeroKeepsTodaysAnswer() {
        try (ApiStub api = ApiStub.start()) {
            Fake fake = new Fake();
            assertThat(run(api, fake, false, Map.of("agentId", 5, "waitSeconds", 46)).text())
                    .isEqualTo("Error: Invalid parameter 'waitSeconds': must be <= 45, got 46");
            assertThat(run(api, fake, false, Map.of("agentId", 5, "waitSeconds", 5, "isRunSynchronously", true)).text())
                    .isEqualTo("Error: Invalid parameter 'waitSeconds': cannot be combined with isRunSynchronously=true");
            api.json("{\"id\":7,\"status\":\"Queuing\"}");
            assertThat(run(api, fake, false, Map.of("agentId", 5, "waitSeconds", 0)).text())
                    .isEqualTo("Agent started successfully.\n\n{\n  \"id\": 7,\n  \"status\": \"Queuing\"\n}");
            assertThat(fake.pauses).isEmpty();
        }
    }

    @Test
    void cancellingAWaitedBuildStopsTheSandboxBuildSession() {
        try (SandboxServer sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1))) {
            ApiHttp http = new ApiHttp(HttpClient.newBuilder().build(), sb.baseUrl(), Duration.ofSeconds(10), RetryPolicy.none(),
                    d -> { }, Clock.systemUTC(), new ObjectMapper());
            SequentumApi api = new SequentumApi(http, Credentials.apiKey(sb.apiKey()));
            Fake fake = new Fake();
            fake.cancelOnPause = 1;
            ToolResult r = ToolRunner.run(ToolCatalogue.find("start_agent_build").orElseThrow(),
                    ToolContext.of(api, Clock.systemUTC()).with(fake.control(true)),
                    Map.of("prompt", "Collect every headline on https://news.example.com", "waitForCompletion", true));

            assertThat(r.isError()).isTrue();
            assertThat(r.text()).startsWith("Error: The build was cancelled by the client; the build session was stopped (sessionId: ");
            String sessionId = r.text().replaceAll(".*\\(sessionId: (.*)\\)\\.$", "$1");
            JsonNode status = ToolRunner.run(ToolCatalogue.find("get_agent_build_status").orElseThrow(),
                    ToolContext.of(api, Clock.systemUTC()), Map.of("sessionId", sessionId)).structured();
            assertThat(status.get("status").asText()).isEqualTo("cancelled");
            assertThat(fake.progress).hasSize(1);
        }
    }

    @Test
    void aCancellationNotificationReachesTheCallByItsKeyOnly() {
        InFlightCalls.announce("stdio-x#7");
        Cancellation mine = InFlightCalls.begin("stdio-x#7");
        assertThat(InFlightCalls.cancel("stdio-y#7")).isFalse();
        assertThat(mine.isCancelled()).isFalse();
        assertThat(InFlightCalls.cancel("stdio-x#7")).isTrue();
        assertThat(mine.isCancelled()).isTrue();
        InFlightCalls.finish("stdio-x#7");
        assertThat(InFlightCalls.cancel("stdio-x#7")).isFalse();
    }
}
