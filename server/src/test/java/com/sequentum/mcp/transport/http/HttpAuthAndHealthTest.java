package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.testing.ApiStub;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpAuthAndHealthTest {
    static HttpHarness h;

    @BeforeAll
    static void start() {
        h = HttpHarness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void healthAnswersWithVersionAndTransportWithoutAuth() {
        for (String path : new String[] {"/health", "/healthz"}) {
            HttpHarness.Resp r = h.send("GET", path, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("application/json");
            assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"version\":\"1.3.0-test\",\"transport\":\"streamable-http\"}");
        }
    }

    @Test
    void initializeWithoutTokenIsChallengedWithResourceMetadata() {
        HttpHarness.Resp r = h.post(null, null, HttpHarness.initializeBody());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("www-authenticate"))
                .isEqualTo("Bearer resource_metadata=\"" + h.base + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(r.header("content-type")).startsWith("application/json");
        assertThat(r.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Authentication required\","
                + "\"data\":{\"protectedResourceMetadata\":\"" + h.base + "/.well-known/oauth-protected-resource/mcp\"}},\"id\":null}");
    }

    @Test
    void toolCallReachesTheApiWithTheCallersBearerToken() throws Exception {
        String sid = h.open(TOKEN);
        h.api.json(200, "{\"agents\":[],\"totalRecordCount\":0}");
        HttpHarness.Resp r = h.post(TOKEN, sid, HttpHarness.request(2, "tools/call",
                "{\"name\":\"list_agents\",\"arguments\":{}}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("text/event-stream");
        JsonNode msg = r.message();
        assertThat(msg.path("id").asInt()).isEqualTo(2);
        assertThat(msg.path("result").path("isError").asBoolean()).isFalse();
        RecordedRequest upstream = h.api.take();
        assertThat(upstream.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(ApiStub.target(upstream)).startsWith("/api/v1/agent/all");
    }

    @Test
    void withAuthNotRequiredSessionsOpenWithoutATokenAndToolsExplainWhy() {
        try (HttpHarness open = HttpHarness.start(Map.of("REQUIRE_AUTH", "false"))) {
            String sid = open.open(null);
            HttpHarness.Resp r = open.post(null, sid, HttpHarness.request(2, "tools/call",
                    "{\"name\":\"list_agents\",\"arguments\":{}}"));
            JsonNode result = r.message().path("result");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(result.path("content").get(0).path("text").asText())
                    .isEqualTo("Authentication Error: No authentication configured. Set either an API key or OAuth2 access token.");
            assertThat(open.api.requestCount()).isZero();
        }
    }
}
