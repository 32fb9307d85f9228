package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpDiagnosticsTest {

    @Test
    void debugRequestLogRedactsSecretsAndPersonalToolArguments() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (HttpHarness h = HttpHarness.start(Map.of("DEBUG", "1"))) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String sid = h.open(TOKEN);
            h.api.json(200, "{\"runId\":1}");
            h.post(TOKEN, sid, HttpHarness.request(2, "tools/call", "{\"name\":\"start_agent\",\"arguments\":{\"agentId\":7,"
                    + "\"inputParameters\":\"{\\\"email\\\":\\\"jane@example.com\\\"}\",\"comments\":\"call Jane\","
                    + "\"prompt\":\"private plan\"}}"), "Cookie", "session=s3cr3t", "X-Api-Key", "sk-test-key-123");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("[MCP] POST /mcp", "\"authorization\":\"[REDACTED]\"", "\"cookie\":\"[REDACTED]\"",
                "\"x-api-key\":\"[REDACTED]\"", "\"inputParameters\":\"[REDACTED]\"", "\"comments\":\"[REDACTED]\"",
                "\"prompt\":\"[REDACTED]\"", "\"agentId\":7");
        assertThat(log).doesNotContain(TOKEN, "s3cr3t", "sk-test-key-123", "jane@example.com", "call Jane", "private plan");
    }

    @Test
    void sdkErrorBodiesAreRewrittenToJsonRpcWithoutJavaDetails() {
        try (HttpHarness h = HttpHarness.start()) {
            String sid = h.open(TOKEN);
            // Close the session inside the SDK only, so the next request reaches the SDK and gets its own 404.
            assertThat(new SdkSessionCloser(h.server.transport()).close(sid)).isEqualTo(200);
            HttpHarness.Resp r = h.post(TOKEN, sid, HttpHarness.request(2, "tools/list", null));
            JsonNode b = HttpSecurityTest.assertJsonRpcError(r, 404, -32001);
            assertThat(b.path("error").path("message").asText()).isEqualTo("Session not found");
            assertThat(r.body()).doesNotContain("localizedMessage", "suppressed", "McpError");
        }
    }
}
