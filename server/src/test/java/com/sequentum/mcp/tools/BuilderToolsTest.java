package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.policy.Policies;
import com.sequentum.mcp.testing.ApiStub;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: start_agent_build, get_agent_build_status (error sanitising), stop_agent_build. */
class BuilderToolsTest {
    private static final String PROMPT = "scrape https://example.com/products for product names";

    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static ToolSpec spec(String name) { return ToolCatalogue.find(name).orElseThrow(); }

    // ---- catalogue -----------------------------------------------------------------------------

    @Test
    void builderToolsHaveTitlesAndAnnotations() {
        assertThat(BuilderTools.tools()).extracting(ToolSpec::name)
                .containsExactly("start_agent_build", "get_agent_build_status", "stop_agent_build");
        assertThat(BuilderTools.tools()).extracting(ToolSpec::title)
                .containsExactly("Build Agent from Prompt", "Get Agent Build Status", "Stop Agent Build");
        assertThat(BuilderTools.tools()).extracting(ToolSpec::category).containsOnly(Category.BUILDER);
        assertThat(spec("start_agent_build").hints()).isEqualTo(new Hints(false, false, true));
        assertThat(spec("get_agent_build_status").hints()).isEqualTo(new Hints(true, null, null));
        assertThat(spec("stop_agent_build").hints()).isEqualTo(new Hints(false, false, false));
    }

    @Test
    void startAgentBuildSchemaBoundsThePrompt() {
        var schema = spec("start_agent_build").inputSchema();
        assertThat(schema.get("required").toString()).isEqualTo("[\"prompt\"]");
        assertThat(schema.at("/properties/prompt/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/prompt/minLength").intValue()).isEqualTo(10);
        assertThat(schema.at("/properties/prompt/maxLength").intValue()).isEqualTo(5000);
        assertThat(schema.at("/properties/spaceId/type").asText()).isEqualTo("number");
        assertThat(schema.at("/properties/prompt/description").asText()).contains("https://", "10", "5000");
        assertThat(spec("get_agent_build_status").inputSchema().get("required").toString()).isEqualTo("[\"sessionId\"]");
        assertThat(spec("stop_agent_build").inputSchema().get("required").toString()).isEqualTo("[\"sessionId\"]");
    }

    @Test
    void startAgentBuildDescriptionEndsWithThePreCallCheckAndThePromptPolicy() {
        String d = spec("start_agent_build").description();
        assertThat(d).endsWith(Policies.PRE_CALL_CHECK + "\n\n" + Policies.PROMPT_HANDLING_POLICY);
        assertThat(d).contains("sessionId", "get_agent_build_status", "stop_agent_build", "search_space_by_name",
                "SUFFICIENCY POLICY");
    }

    @Test
    void buildStatusDescriptionCarriesStatusesAndPollingCadence() {
        String d = spec("get_agent_build_status").description();
        assertThat(d).contains("processing", "ready", "completed", "error", "cancelled", "agentId");
        assertThat(d).contains("\n\nPOLLING CADENCE: ");
        assertThat(spec("stop_agent_build").description()).contains("204 No Content");
    }

    // ---- start_agent_build ---------------------------------------------------------------------

    @Test
    void startAgentBuildPostsTheTrimmedPromptWithoutSpace() {
        api.json("{\"sessionId\":\"sess-1\"}");

        ToolResult r = api.call("start_agent_build", Map.of("prompt", "  " + PROMPT + "\n"));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent-builder/start");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(ApiStub.body(req)).isEqualTo("{\"prompt\":\"" + PROMPT + "\"}");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("{\n  \"sessionId\": \"sess-1\"\n}");
    }

    @Test
    void startAgentBuildSendsTheSpaceId() {
        api.json("{\"sessionId\":\"sess-2\"}");

        api.call("start_agent_build", Map.of("prompt", PROMPT, "spaceId", 7));

        assertThat(ApiStub.body(api.take())).isEqualTo("{\"prompt\":\"" + PROMPT + "\",\"spaceId\":7}");
    }

    @Test
    void startAgentBuildRejectsAShortPromptWithoutCallingTheApi() {
        ToolResult r = api.call("start_agent_build", Map.of("prompt", "short"));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).containsIgnoringCase("at least 10");
        assertThat(r.text()).isEqualTo("Error: Invalid parameter 'prompt': must be at least 10 characters after trimming, got 5");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void startAgentBuildMeasuresThePromptAfterTrimmingLikeJavaScript() {
        // 9 characters surrounded by spaces JavaScript trims (no-break space, BOM, line separator).
        ToolResult r = api.call("start_agent_build", Map.of("prompt", "\u00A0\uFEFF123456789\u2028  "));

        assertThat(r.text()).isEqualTo("Error: Invalid parameter 'prompt': must be at least 10 characters after trimming, got 9");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void startAgentBuildAcceptsExactlyTheBounds() {
        api.json("{\"sessionId\":\"a\"}").json("{\"sessionId\":\"b\"}");

        assertThat(api.call("start_agent_build", Map.of("prompt", "0123456789")).isError()).isFalse();
        assertThat(api.call("start_agent_build", Map.of("prompt", "p".repeat(5000))).isError()).isFalse();
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void startAgentBuildRejectsAnOverlongPromptAndBadArguments() {
        assertThat(api.call("start_agent_build", Map.of("prompt", "p".repeat(5001))).text())
                .isEqualTo("Error: Invalid parameter 'prompt': must be at most 5000 characters, got 5001");
        assertThat(api.call("start_agent_build", Map.of("spaceId", 0)).text())
                .isEqualTo("Error: Missing required parameter: prompt");
        assertThat(api.call("start_agent_build", Map.of("prompt", 12345678901L)).text())
                .isEqualTo("Error: Invalid parameter 'prompt': expected a string, got number");
        assertThat(api.call("start_agent_build", Map.of("prompt", PROMPT, "spaceId", 0)).text())
                .isEqualTo("Error: Invalid parameter 'spaceId': must be >= 1, got 0");
        assertThat(api.call("start_agent_build", Map.of("prompt", PROMPT, "spaceId", "7")).text())
                .isEqualTo("Error: Invalid parameter 'spaceId': expected a number, got string");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void startAgentBuildIsNotRetriedOnAServerError() {
        api.json(503, "{\"message\":\"Builder busy\"}").json("{\"sessionId\":\"x\"}");

        ToolResult r = api.call("start_agent_build", Map.of("prompt", PROMPT));

        assertThat(r.text()).isEqualTo("Server Error: The Sequentum API encountered an internal error (503). "
                + "This is a server-side issue \u2014 please try again later.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void startAgentBuildReportsAValidationRefusal() {
        api.json(400, "{\"title\":\"One or more validation errors occurred.\",\"status\":400}");

        assertThat(api.call("start_agent_build", Map.of("prompt", PROMPT)).text())
                .isEqualTo("API Error (400): One or more validation errors occurred.");
    }

    // ---- get_agent_build_status ----------------------------------------------------------------

    @Test
    void buildStatusReplacesTheRawErrorInPlace() {
        api.json("{\"status\":\"error\",\"error\":\"NullReferenceException at BuildOrchestrator.cs:42\",\"agentId\":null,"
                + "\"agentName\":null}");

        ToolResult r = api.call("get_agent_build_status", Map.of("sessionId", "sess-test-123"));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent-builder/sess-test-123/status");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).doesNotContain("NullReferenceException");
        assertThat(r.text()).isEqualTo("{\n  \"status\": \"error\",\n"
                + "  \"error\": \"Build failed. Please review your prompt and try again.\",\n"
                + "  \"agentId\": null,\n  \"agentName\": null\n}");
    }

    @Test
    void buildStatusAddsTheGenericErrorLastWhenTheApiLeftItOut() {
        api.json("{\"status\":\"error\",\"agentId\":12}");

        ToolResult r = api.call("get_agent_build_status", Map.of("sessionId", "s"));

        assertThat(r.text()).isEqualTo("{\n  \"status\": \"error\",\n  \"agentId\": 12,\n"
                + "  \"error\": \"Build failed. Please review your prompt and try again.\"\n}");
    }

    @Test
    void buildStatusDropsTheErrorFieldForEveryOtherStatus() {
        api.json("{\"status\":\"completed\",\"agentId\":501,\"agentName\":\"Products\",\"error\":null,\"configId\":9}")
                .json("{\"error\":\"stale\",\"status\":\"processing\"}");

        ToolResult completed = api.call("get_agent_build_status", Map.of("sessionId", "s1"));
        ToolResult processing = api.call("get_agent_build_status", Map.of("sessionId", "s2"));

        assertThat(completed.text()).isEqualTo(
                "{\n  \"status\": \"completed\",\n  \"agentId\": 501,\n  \"agentName\": \"Products\",\n  \"configId\": 9\n}");
        assertThat(processing.text()).isEqualTo("{\n  \"status\": \"processing\"\n}");
    }

    @Test
    void buildStatusEncodesTheSessionIdAndDoesNotTrimIt() {
        api.json("{\"status\":\"ready\"}");

        api.call("get_agent_build_status", Map.of("sessionId", " a/b c "));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent-builder/%20a%2Fb%20c%20/status");
    }

    @Test
    void buildStatusBoundsTheSessionId() {
        api.json("{\"status\":\"ready\"}");

        assertThat(api.call("get_agent_build_status", Map.of("sessionId", "s".repeat(256))).isError()).isFalse();
        assertThat(api.call("get_agent_build_status", Map.of("sessionId", "s".repeat(257))).text())
                .isEqualTo("Error: Invalid parameter 'sessionId': must be at most 256 characters, got 257");
        assertThat(api.call("get_agent_build_status", Map.of()).text())
                .isEqualTo("Error: Missing required parameter: sessionId");
        assertThat(api.call("get_agent_build_status", Map.of("sessionId", 5)).text())
                .isEqualTo("Error: Invalid parameter 'sessionId': expected a string, got number");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void buildStatusRetriesAnUnavailableBuilderAndReportsAnEndedSession() {
        api.text(503, "down").json(404, "{\"message\":\"Session not found\"}");

        ToolResult r = api.call("get_agent_build_status", Map.of("sessionId", "gone"));

        assertThat(r.text()).isEqualTo("Not Found: Session not found");
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void buildStatusPassesANonObjectAnswerThrough() {
        api.text(200, "processing");

        assertThat(api.call("get_agent_build_status", Map.of("sessionId", "s")).text()).isEqualTo("\"processing\"");
    }

    // ---- stop_agent_build ----------------------------------------------------------------------

    @Test
    void stopAgentBuildPostsAndConfirms() {
        api.empty(204);

        ToolResult r = api.call("stop_agent_build", Map.of("sessionId", "sess-stop-456"));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent-builder/sess-stop-456/stop");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(ApiStub.body(req)).isEmpty();
        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.parse(r.text())).isEqualTo(ApiStub.parse("{\"stopped\": true, \"sessionId\": \"sess-stop-456\"}"));
        assertThat(r.text()).isEqualTo("{\n  \"stopped\": true,\n  \"sessionId\": \"sess-stop-456\"\n}");
    }

    @Test
    void stopAgentBuildValidatesTheSessionId() {
        assertThat(api.call("stop_agent_build", Map.of("sessionId", "x".repeat(300))).text())
                .isEqualTo("Error: Invalid parameter 'sessionId': must be at most 256 characters, got 300");
        assertThat(api.call("stop_agent_build", Map.of()).text()).isEqualTo("Error: Missing required parameter: sessionId");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void stopAgentBuildReportsForbidden() {
        api.json(403, "{\"message\":\"nope\"}");

        assertThat(api.call("stop_agent_build", Map.of("sessionId", "s")).text()).isEqualTo(
                "Access Denied: You don't have permission to perform this action. Check your API key permissions.");
    }
}
