package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSessionLifecycleTest {

    /** Sessions the SDK itself still holds (its private table), to prove nothing is retained. */
    static int sdkSessions(HttpHarness h) throws Exception {
        Field f = h.server.transport().getClass().getDeclaredField("sessions");
        f.setAccessible(true);
        return ((Map<?, ?>) f.get(h.server.transport())).size();
    }

    @Test
    void sessionCapAnswers503UntilASessionEnds() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of("MAX_SESSIONS", "2", "RATE_LIMIT_PER_MINUTE", "1000"))) {
            String a = h.open(TOKEN);
            h.open(HttpHarness.OTHER_TOKEN);
            HttpHarness.Resp full = h.post(TOKEN, null, HttpHarness.initializeBody());
            JsonNode b = HttpSecurityTest.assertJsonRpcError(full, 503, -32000);
            assertThat(b.path("error").path("message").asText()).isEqualTo("Server at capacity. Please try again later.");
            assertThat(full.header("retry-after")).isEqualTo("60");
            assertThat(h.delete(TOKEN, a).status()).isEqualTo(200);
            assertThat(h.post(TOKEN, null, HttpHarness.initializeBody()).status()).isEqualTo(200);
        }
    }

    @Test
    void idleSessionsAreClosedInTheSdkToo() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of(), s -> s.withSessionIdle(Duration.ofMillis(300)))) {
            String idle = h.open(TOKEN);
            assertThat(h.server.sessionCount()).isEqualTo(1);
            assertThat(sdkSessions(h)).isEqualTo(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((h.server.sessionCount() > 0 || sdkSessions(h) > 0) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(h.server.sessionCount()).isZero();
            assertThat(sdkSessions(h)).as("the SDK session was closed, not just forgotten").isZero();
            HttpSecurityTest.assertJsonRpcError(h.post(TOKEN, idle, HttpHarness.request(2, "ping", null)), 404, -32001);
        }
    }

    @Test
    void activeSessionsAreNotExpired() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of(), s -> s.withSessionIdle(Duration.ofMillis(400)))) {
            String sid = h.open(TOKEN);
            for (int i = 0; i < 8; i++) {
                Thread.sleep(100);
                assertThat(h.post(TOKEN, sid, HttpHarness.request(10 + i, "ping", null)).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aThousandSessionsOpenedThenDeletedLeaveNothingBehind() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "100000",
                "PRINCIPAL_RATE_LIMIT_PER_MINUTE", "100000"))) {
            for (int i = 0; i < 1000; i++) {
                HttpHarness.Resp r = h.post(TOKEN, null, HttpHarness.initializeBody());
                assertThat(r.status()).isEqualTo(200);
                assertThat(h.delete(TOKEN, r.header("mcp-session-id")).status()).isEqualTo(200);
            }
            assertThat(h.server.sessionCount()).isZero();
            assertThat(sdkSessions(h)).isZero();
        }
    }

    /** The SDK's private set of session ids seen since its last sweep (must not outlive the sessions). */
    static int sdkActiveSessionIds(HttpHarness h) throws Exception {
        Field f = h.server.transport().getClass().getDeclaredField("activeSessions");
        f.setAccessible(true);
        return ((java.util.Set<?>) ((java.util.concurrent.atomic.AtomicReference<?>) f.get(h.server.transport())).get()).size();
    }

    static Object sdkSession(HttpHarness h, String id) throws Exception {
        Field f = h.server.transport().getClass().getDeclaredField("sessions");
        f.setAccessible(true);
        return ((Map<?, ?>) f.get(h.server.transport())).get(id);
    }

    @Test
    void deletedSessionsAreNotRetainedByAnyTableAndTheirObjectsAreCollected() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "100000",
                "PRINCIPAL_RATE_LIMIT_PER_MINUTE", "100000"))) {
            java.util.List<java.lang.ref.WeakReference<Object>> refs = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String sid = h.open(TOKEN);
                h.api.json(200, "{\"id\":101,\"name\":\"A\"}");
                assertThat(h.post(TOKEN, sid, HttpHarness.request(2, "tools/call",
                        "{\"name\":\"get_agent\",\"arguments\":{\"agentId\":101}}")).status()).isEqualTo(200);
                Object session = sdkSession(h, sid);
                assertThat(session).isNotNull();
                refs.add(new java.lang.ref.WeakReference<>(session));
                session = null;
                assertThat(h.delete(TOKEN, sid).status()).isEqualTo(200);
            }
            assertThat(h.server.sessionCount()).isZero();
            assertThat(sdkSessions(h)).isZero();
            assertThat(sdkActiveSessionIds(h)).as("ids of deleted sessions kept by the SDK's sweeper").isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (refs.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(refs.stream().filter(r -> r.get() != null).count()).as("SDK sessions still reachable").isZero();
        }
    }

    @Test
    void upstream401TellsTheUserToReconnectAndRevokesTheToken() {
        try (HttpHarness h = HttpHarness.start()) {
            String sid = h.open(TOKEN);
            h.api.json(401, "{\"message\":\"token expired\"}");
            HttpHarness.Resp r = h.post(TOKEN, sid, HttpHarness.request(2, "tools/call",
                    "{\"name\":\"list_agents\",\"arguments\":{}}"));
            assertThat(r.status()).isEqualTo(200);
            JsonNode result = r.message().path("result");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(result.path("content").get(0).path("text").asText()).isEqualTo(McpHttpServer.RECONNECT_MESSAGE)
                    .startsWith("Authentication Failed: ").contains("Reconnect");
            HttpHarness.Resp next = h.post(TOKEN, sid, HttpHarness.request(3, "tools/list", null));
            HttpSecurityTest.assertJsonRpcError(next, 401, -32001);
            assertThat(next.header("www-authenticate")).startsWith("Bearer error=\"invalid_token\"")
                    .endsWith("resource_metadata=\"" + h.base + "/.well-known/oauth-protected-resource/mcp\"");
            assertThat(h.post(HttpHarness.OTHER_TOKEN, null, HttpHarness.initializeBody()).status())
                    .as("other tokens are unaffected").isEqualTo(200);
        }
    }
}
