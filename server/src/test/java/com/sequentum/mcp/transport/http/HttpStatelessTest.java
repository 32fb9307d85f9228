package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.prompts.PromptCatalogue;
import com.sequentum.mcp.resources.ResourceCatalogue;
import com.sequentum.mcp.testing.ApiStub;
import com.sequentum.mcp.tools.ToolCatalogue;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code STATELESS=true} over real sockets: same surface and filters, no sessions, GET/DELETE refused. */
class HttpStatelessTest {
    static HttpHarness h;

    @BeforeAll
    static void start() {
        h = HttpHarness.start(Map.of("STATELESS", "true"));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void initializeIsPlainJsonWithoutSessionIdAndWithoutLogging() {
        HttpHarness.Resp r = h.post(TOKEN, null, HttpHarness.initializeBody());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("application/json");
        assertThat(r.header("mcp-session-id")).isNull();
        JsonNode result = r.json().path("result");
        assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("sequentum-mcp-server");
        assertThat(result.path("instructions").asText()).isNotEmpty();
        JsonNode caps = result.path("capabilities");
        assertThat(caps.has("tools")).isTrue();
        assertThat(caps.has("prompts")).isTrue();
        assertThat(caps.has("resources")).isTrue();
        assertThat(caps.has("completions")).isTrue();
        assertThat(caps.has("logging")).as("no channel for log notifications").isFalse();
        assertThat(h.post(TOKEN, null, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").status())
                .isEqualTo(202);
    }

    @Test
    void everyRequestStandsAloneWithTheWholeSurface() {
        JsonNode tools = h.post(TOKEN, null, HttpHarness.request(2, "tools/list", null)).json().path("result").path("tools");
        assertThat(tools.size()).isEqualTo(ToolCatalogue.all().size());
        assertThat(tools.get(0).path("name").asText()).isEqualTo(ToolCatalogue.all().get(0).name());
        assertThat(h.post(TOKEN, null, HttpHarness.request(3, "prompts/list", null)).json().path("result").path("prompts")
                .size()).isEqualTo(PromptCatalogue.all().size());
        assertThat(h.post(TOKEN, null, HttpHarness.request(4, "resources/list", null)).json().path("result")
                .path("resources").size()).isEqualTo(ResourceCatalogue.staticResources().size());
        assertThat(h.post(TOKEN, null, HttpHarness.request(5, "resources/templates/list", null)).json().path("result")
                .path("resourceTemplates").size()).isEqualTo(ResourceCatalogue.templates().size());
    }

    @Test
    void toolCallsUseTheCallersTokenAndIgnoreProgressTokens() {
        h.api.json(200, "{\"agents\":[{\"id\":1,\"name\":\"A\"}],\"totalRecordCount\":1}");
        HttpHarness.Resp r = h.post(TOKEN, null, HttpHarness.request(6, "tools/call",
                "{\"name\":\"list_agents\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p-1\"}}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("application/json");
        JsonNode result = r.json().path("result");
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("content").get(0).path("text").asText()).contains("\"name\": \"A\"");
        assertThat(h.api.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);

        h.api.json(200, "{\"id\":9,\"name\":\"Nine\"}");
        JsonNode read = h.post(HttpHarness.OTHER_TOKEN, null, HttpHarness.request(7, "resources/read",
                "{\"uri\":\"sequentum://agents/9\"}")).json();
        assertThat(read.path("result").path("contents").get(0).path("text").asText()).contains("Nine");
        assertThat(h.api.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + HttpHarness.OTHER_TOKEN);
    }

    @Test
    void getAndDeleteAre405WithAJsonRpcBody() {
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpHarness.Resp r = h.send(method, "/mcp", null, "Authorization", "Bearer " + TOKEN, "Accept",
                    "text/event-stream");
            JsonNode b = HttpSecurityTest.assertJsonRpcError(r, 405, -32000);
            assertThat(b.path("error").path("message").asText()).startsWith("Method Not Allowed: this server is stateless");
            assertThat(r.header("allow")).isEqualTo("POST, OPTIONS");
        }
    }

    @Test
    void theSameFiltersApply() {
        HttpHarness.Resp anon = h.post(null, null, HttpHarness.initializeBody());
        HttpSecurityTest.assertJsonRpcError(anon, 401, -32001);
        assertThat(anon.header("www-authenticate")).contains("resource_metadata=");
        HttpHarness.Resp evil = h.post(TOKEN, null, HttpHarness.initializeBody(), "Origin", "https://evil.example");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(h.send("GET", "/ready", null).body()).isEqualTo("{\"status\":\"ready\",\"mode\":\"stateless\"}");
        HttpHarness.Resp sessionHeader = h.post(TOKEN, "made-up-session", HttpHarness.request(8, "ping", null));
        assertThat(sessionHeader.status()).as("a stray session id is ignored, not 404").isEqualTo(200);
    }

    @Test
    void rateLimitIsEnforcedWithoutSessions() {
        try (HttpHarness limited = HttpHarness.start(Map.of("STATELESS", "true", "RATE_LIMIT_PER_MINUTE", "2"))) {
            assertThat(limited.post(TOKEN, null, HttpHarness.request(1, "ping", null)).status()).isEqualTo(200);
            assertThat(limited.post(TOKEN, null, HttpHarness.request(2, "ping", null)).status()).isEqualTo(200);
            HttpSecurityTest.assertJsonRpcError(limited.post(TOKEN, null, HttpHarness.request(3, "ping", null)), 429, -32029);
            assertThat(HttpMetricsTest.value(limited.send("GET", "/metrics", null).body(),
                    "mcp_rate_limit_rejections_total{scope=\"address\"}")).isEqualTo(1.0);
        }
    }

    @Test
    void settingsAcceptFlagAndEnvironment() {
        assertThat(HttpSettings.parse(Map.of(), new String[] {"--http", "--stateless"}).stateless()).isTrue();
        assertThat(HttpSettings.parse(Map.of("STATELESS", "1"), new String[0]).stateless()).isTrue();
        assertThat(HttpSettings.parse(Map.of(), new String[0]).stateless()).isFalse();
        assertThat(ApiStub.API_KEY).isNotEmpty();
    }
}
