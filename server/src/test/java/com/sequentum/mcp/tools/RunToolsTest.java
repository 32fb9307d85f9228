package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.api.RetryPolicy;
import com.sequentum.mcp.testing.ApiStub;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: get_agent_runs, get_run_status, start_agent, stop_agent, kill_agent, delete_run. */
class RunToolsTest {
    private static final String DEFAULT_START_BODY = "{\"Parallelism\":1,\"ParallelMaxConcurrency\":1,"
            + "\"ParallelExport\":\"Combined\",\"Timeout\":60,\"IsExclusive\":true,\"IsWaitOnFailure\":false,"
            + "\"IsRunSynchronously\":false,\"LogLevel\":\"Info\",\"LogMode\":\"Text\"}";

    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static ToolSpec spec(String name) { return ToolCatalogue.find(name).orElseThrow(); }

    // ---- catalogue -----------------------------------------------------------------------------

    @Test
    void runToolsAreListedInOrderWithTitlesAndAnnotations() {
        assertThat(RunTools.tools()).extracting(ToolSpec::name).containsExactly(
                "get_agent_runs", "get_run_status", "start_agent", "stop_agent", "kill_agent", "delete_run");
        assertThat(RunTools.tools()).extracting(ToolSpec::title).containsExactly(
                "Get Agent Runs", "Get Run Status", "Start Agent", "Stop Agent", "Kill Agent", "Delete Run");
        assertThat(RunTools.tools()).extracting(ToolSpec::category).containsOnly(Category.RUNS);
        assertThat(spec("get_agent_runs").hints()).isEqualTo(new Hints(true, null, null));
        assertThat(spec("get_run_status").hints()).isEqualTo(new Hints(true, null, null));
        assertThat(spec("start_agent").hints()).isEqualTo(new Hints(false, false, true));
        assertThat(spec("stop_agent").hints()).isEqualTo(new Hints(false, false, false));
        assertThat(spec("kill_agent").hints()).isEqualTo(new Hints(false, true, false));
        assertThat(spec("delete_run").hints()).isEqualTo(new Hints(false, true, false));
    }

    @Test
    void schemasDeclareTypesEnumsAndRequiredParameters() {
        assertThat(spec("get_agent_runs").inputSchema().get("required").toString()).isEqualTo("[\"agentId\"]");
        assertThat(spec("get_agent_runs").inputSchema().at("/properties/maxRecords/type").asText()).isEqualTo("number");
        assertThat(spec("get_run_status").inputSchema().get("required").toString()).isEqualTo("[\"agentId\",\"runId\"]");
        var start = spec("start_agent").inputSchema();
        assertThat(start.get("type").asText()).isEqualTo("object");
        assertThat(start.get("required").toString()).isEqualTo("[\"agentId\"]");
        assertThat(start.get("properties").fieldNames()).toIterable().containsExactly(
                "agentId", "inputParameters", "isRunSynchronously", "timeout", "parallelism", "waitSeconds");
        assertThat(start.at("/properties/inputParameters/type").asText()).isEqualTo("string");
        assertThat(start.at("/properties/isRunSynchronously/type").asText()).isEqualTo("boolean");
        assertThat(start.at("/properties/timeout/type").asText()).isEqualTo("number");
        assertThat(spec("stop_agent").inputSchema().get("required").toString()).isEqualTo("[\"agentId\",\"runId\"]");
        assertThat(spec("kill_agent").inputSchema().get("required").toString()).isEqualTo("[\"agentId\",\"runId\"]");
        var delete = spec("delete_run").inputSchema();
        assertThat(delete.get("required").toString()).isEqualTo("[\"agentId\",\"runId\"]");
        assertThat(delete.at("/properties/removeMethod/enum").toString())
                .isEqualTo("[\"RemoveEntireRun\",\"RemoveAllFiles\",\"RemoveAllFilesAndAgentInput\"]");
    }

    @Test
    void descriptionsCarryTheUsageFacts() {
        assertThat(spec("start_agent").description()).contains("isRunSynchronously", "get_run_status", "get_agent", "60 seconds");
        assertThat(spec("start_agent").inputSchema().at("/properties/agentId/description").asText())
                .contains("list_agents", "search_agents", "get_agent_build_status");
        assertThat(spec("kill_agent").description()).contains("stop_agent", "WARNING", "force");
        assertThat(spec("delete_run").description()).contains("PII", "RemoveEntireRun", "RemoveAllFiles",
                "RemoveAllFilesAndAgentInput", "cannot be undone");
    }

    // ---- get_agent_runs ------------------------------------------------------------------------

    @Test
    void getAgentRunsSendsNoQueryByDefault() {
        api.json("[{\"id\":5,\"status\":\"Completed\",\"recordsExtracted\":10}]");

        ToolResult r = api.call("get_agent_runs", Map.of("agentId", 42));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/runs");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("[\n  {\n    \"id\": 5,\n    \"status\": \"Completed\",\n    \"recordsExtracted\": 10\n  }\n]");
    }

    @Test
    void getAgentRunsForwardsMaxRecords() {
        api.json("[]");

        ToolResult r = api.call("get_agent_runs", Map.of("agentId", 42, "maxRecords", 100));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/runs?maxRecords=100");
        assertThat(r.text()).isEqualTo("[]");
    }

    @Test
    void getAgentRunsValidatesAgentIdBeforeMaxRecords() {
        assertThat(api.call("get_agent_runs", Map.of("maxRecords", 5000)).text())
                .isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("get_agent_runs", Map.of("agentId", 42, "maxRecords", 1001)).text())
                .isEqualTo("Error: Invalid parameter 'maxRecords': must be <= 1000, got 1001");
        assertThat(api.call("get_agent_runs", Map.of("agentId", 42, "maxRecords", 0)).text())
                .isEqualTo("Error: Invalid parameter 'maxRecords': must be >= 1, got 0");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getAgentRunsReportsATimeoutWithTheEndpoint() {
        api.timeout(Duration.ofMillis(200)).retry(RetryPolicy.none()).hang();

        ToolResult r = api.call("get_agent_runs", Map.of("agentId", 42, "maxRecords", 5));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: Request timeout after 200ms: /api/v1/agent/42/runs?maxRecords=5");
    }

    // ---- get_run_status ------------------------------------------------------------------------

    @Test
    void getRunStatusAddressesTheRun() {
        api.json("{\"id\":7,\"status\":\"Running\",\"startTime\":\"2026-03-15T14:00:00Z\"}");

        ToolResult r = api.call("get_run_status", Map.of("agentId", 5, "runId", 7));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/5/run/7/status");
        assertThat(r.text()).isEqualTo("{\n  \"id\": 7,\n  \"status\": \"Running\",\n  \"startTime\": \"2026-03-15T14:00:00Z\"\n}");
    }

    @Test
    void getRunStatusValidatesBothIdsInOrder() {
        assertThat(api.call("get_run_status", Map.of("runId", 0)).text())
                .isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("get_run_status", Map.of("agentId", 5)).text())
                .isEqualTo("Error: Missing required parameter: runId");
        assertThat(api.call("get_run_status", Map.of("agentId", 5, "runId", 7.5)).text())
                .isEqualTo("Error: Invalid parameter 'runId': expected an integer, got 7.5");
        assertThat(api.requestCount()).isZero();
    }

    // ---- start_agent ---------------------------------------------------------------------------

    @Test
    void startAgentPostsTheDefaultBodyAndPrefixesTheRun() {
        api.json("{\"id\":123,\"status\":\"Queuing\"}");

        ToolResult r = api.call("start_agent", Map.of("agentId", 42));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/start");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(ApiStub.body(req)).isEqualTo(DEFAULT_START_BODY);
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Agent started successfully.\n\n{\n  \"id\": 123,\n  \"status\": \"Queuing\"\n}");
    }

    @Test
    void startAgentSendsParallelism() {
        api.json("{\"id\":1}");

        api.call("start_agent", Map.of("agentId", 42, "parallelism", 5));

        assertThat(ApiStub.body(api.take())).isEqualTo(DEFAULT_START_BODY.replace("\"Parallelism\":1", "\"Parallelism\":5"));
    }

    @Test
    void startAgentSendsSynchronousModeAndTimeout() {
        api.json("[{\"title\":\"Widget\"}]");

        ToolResult r = api.call("start_agent", Map.of("agentId", 42, "isRunSynchronously", true, "timeout", 120));

        assertThat(ApiStub.body(api.take())).isEqualTo("{\"Parallelism\":1,\"ParallelMaxConcurrency\":1,"
                + "\"ParallelExport\":\"Combined\",\"Timeout\":120,\"IsExclusive\":true,\"IsWaitOnFailure\":false,"
                + "\"IsRunSynchronously\":true,\"LogLevel\":\"Info\",\"LogMode\":\"Text\"}");
        // A synchronous run answered with JSON still gets the prefix.
        assertThat(r.text()).isEqualTo("Agent started successfully.\n\n[\n  {\n    \"title\": \"Widget\"\n  }\n]");
    }

    @Test
    void startAgentPassesInputParametersAsAJsonStringBetweenExportAndTimeout() {
        api.json("{\"id\":1}");

        api.call("start_agent", Map.of("agentId", 42, "inputParameters", "{\"url\": \"https://example.com\"}"));

        assertThat(ApiStub.body(api.take())).isEqualTo("{\"Parallelism\":1,\"ParallelMaxConcurrency\":1,"
                + "\"ParallelExport\":\"Combined\",\"InputParameters\":\"{\\\"url\\\": \\\"https://example.com\\\"}\","
                + "\"Timeout\":60,\"IsExclusive\":true,\"IsWaitOnFailure\":false,\"IsRunSynchronously\":false,"
                + "\"LogLevel\":\"Info\",\"LogMode\":\"Text\"}");
    }

    @Test
    void startAgentAcceptsAnyJsonValueAsInputParameters() {
        api.json("{\"id\":1}").json("{\"id\":2}");

        assertThat(api.call("start_agent", Map.of("agentId", 42, "inputParameters", "null")).isError()).isFalse();
        assertThat(api.call("start_agent", Map.of("agentId", 42, "inputParameters", "[1, \"a\"]")).isError()).isFalse();
        assertThat(ApiStub.bodyJson(api.take()).get("InputParameters").asText()).isEqualTo("null");
        assertThat(ApiStub.bodyJson(api.take()).get("InputParameters").asText()).isEqualTo("[1, \"a\"]");
    }

    @Test
    void startAgentReturnsAPlainTextAnswerVerbatim() {
        api.text(200, "name,price\nWidget,9.99");

        ToolResult r = api.call("start_agent", Map.of("agentId", 42, "isRunSynchronously", true));

        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("name,price\nWidget,9.99");
    }

    @Test
    void startAgentReturnsATopLevelJsonStringVerbatim() {
        api.json("\"Run 77 queued\"");

        assertThat(api.call("start_agent", Map.of("agentId", 42)).text()).isEqualTo("Run 77 queued");
    }

    @Test
    void startAgentValidatesInTheDocumentedOrderWithoutCallingTheApi() {
        assertThat(api.call("start_agent", Map.of("inputParameters", "{bad")).text())
                .isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "inputParameters", "{not json}", "timeout", 0)).text())
                .isEqualTo("Error: Invalid parameter 'inputParameters': must be a valid JSON string. Got: {not json}");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "inputParameters", "{\"a\":1} trailing")).text())
                .isEqualTo("Error: Invalid parameter 'inputParameters': must be a valid JSON string. Got: {\"a\":1} trailing");
        String longBad = "x".repeat(150);
        assertThat(api.call("start_agent", Map.of("agentId", 42, "inputParameters", longBad)).text())
                .isEqualTo("Error: Invalid parameter 'inputParameters': must be a valid JSON string. Got: "
                        + "x".repeat(100) + "...");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "inputParameters", 123)).text())
                .isEqualTo("Error: Invalid parameter 'inputParameters': expected a string, got number");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "isRunSynchronously", "true", "timeout", 0)).text())
                .isEqualTo("Error: Invalid parameter 'isRunSynchronously': expected a boolean, got string");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "timeout", 3601, "parallelism", 0)).text())
                .isEqualTo("Error: Invalid parameter 'timeout': must be <= 3600, got 3601");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "timeout", 0)).text())
                .isEqualTo("Error: Invalid parameter 'timeout': must be >= 1, got 0");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "parallelism", 51)).text())
                .isEqualTo("Error: Invalid parameter 'parallelism': must be <= 50, got 51");
        assertThat(api.call("start_agent", Map.of("agentId", 42, "parallelism", 2.5)).text())
                .isEqualTo("Error: Invalid parameter 'parallelism': expected an integer, got 2.5");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void startAgentIsNotRetriedOnRateLimiting() {
        api.rateLimited("30").json("{\"id\":1}");

        ToolResult r = api.call("start_agent", Map.of("agentId", 42));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Rate Limited: The Sequentum API rate limit has been reached. Try again in 30 seconds.");
        assertThat(api.requestCount()).isEqualTo(1);
        assertThat(api.sleeps()).isEmpty();
    }

    @Test
    void startAgentTimesOutAfterOneAttempt() {
        api.timeout(Duration.ofMillis(200)).hang();

        ToolResult r = api.call("start_agent", Map.of("agentId", 42));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: Request timeout after 200ms: /api/v1/agent/42/start");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    // ---- stop_agent / kill_agent ---------------------------------------------------------------

    @Test
    void stopAgentPostsWithoutBodyAndConfirms() {
        api.empty(204);

        ToolResult r = api.call("stop_agent", Map.of("agentId", 42, "runId", 123));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/run/123/stop");
        assertThat(ApiStub.body(req)).isEmpty();
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Successfully stopped run 123 for agent 42");
    }

    @Test
    void stopAgentAcceptsIntegralFloatingIds() {
        api.empty(200);

        ToolResult r = api.call("stop_agent", Map.of("agentId", 5.0, "runId", 7));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/5/run/7/stop");
        assertThat(r.text()).isEqualTo("Successfully stopped run 7 for agent 5");
    }

    @Test
    void stopAgentWithoutRunAccessIsAnAuthenticationFailure() {
        api.json(401, "{\"message\": \"No run access\"}");

        ToolResult r = api.call("stop_agent", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo(
                "Authentication Failed: Your API key or OAuth token is invalid or has expired. Please check your credentials.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void stopAgentValidatesIds() {
        assertThat(api.call("stop_agent", Map.of("agentId", 42)).text()).isEqualTo("Error: Missing required parameter: runId");
        assertThat(api.call("stop_agent", Map.of("agentId", 42, "runId", -1)).text())
                .isEqualTo("Error: Invalid parameter 'runId': must be >= 1, got -1");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void killAgentPostsTheKillCommand() {
        api.empty(204);

        ToolResult r = api.call("kill_agent", Map.of("agentId", 42, "runId", 123));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/run/123/kill");
        assertThat(r.text()).isEqualTo("Kill command sent for run 123 of agent 42. If the agent was running, it will "
                + "initiate graceful stop. If already stopping, it will force immediate termination.");
    }

    @Test
    void killAgentReportsAnUnknownRun() {
        api.json(404, "{\"message\": \"Run not found\"}");

        ToolResult r = api.call("kill_agent", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Not Found: Run not found");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void killAgentValidatesIds() {
        assertThat(api.call("kill_agent", Map.of("runId", 1)).text()).isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("kill_agent", Map.of("agentId", true, "runId", 1)).text())
                .isEqualTo("Error: Invalid parameter 'agentId': expected a number, got boolean");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void killAgentWithoutRunAccessIsAnAuthenticationFailure() {
        api.json(401, "{\"message\": \"No run access\"}");

        assertThat(api.call("kill_agent", Map.of("agentId", 42, "runId", 123)).text()).startsWith("Authentication Failed: ");
    }

    // ---- delete_run ----------------------------------------------------------------------------

    @Test
    void deleteRunWithoutMethodDeletesTheEntireRun() {
        api.empty(204);

        ToolResult r = api.call("delete_run", Map.of("agentId", 42, "runId", 5201));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("DELETE");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/run/5201");
        assertThat(r.text()).isEqualTo("Successfully deleted run 5201 and all associated files from agent 42.");
    }

    @Test
    void deleteRunForwardsEachRemoveMethodAndDescribesWhatWasRemoved() {
        api.empty(204).empty(204).empty(204);

        ToolResult entire = api.call("delete_run", Map.of("agentId", 42, "runId", 5201, "removeMethod", "RemoveEntireRun"));
        ToolResult files = api.call("delete_run", Map.of("agentId", 42, "runId", 5201, "removeMethod", "RemoveAllFiles"));
        ToolResult input = api.call("delete_run",
                Map.of("agentId", 42, "runId", 5201, "removeMethod", "RemoveAllFilesAndAgentInput"));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/run/5201?removeMethod=RemoveEntireRun");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/run/5201?removeMethod=RemoveAllFiles");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/run/5201?removeMethod=RemoveAllFilesAndAgentInput");
        assertThat(entire.text()).isEqualTo("Successfully deleted run 5201 and all associated files from agent 42.");
        assertThat(files.text()).isEqualTo(
                "Successfully removed all files for run 5201 from agent 42. The run record has been preserved.");
        assertThat(input.text()).isEqualTo("Successfully removed all files and agent input for run 5201 from agent 42. "
                + "The run record has been preserved.");
    }

    @Test
    void deleteRunEnforcesTheRemoveMethodEnum() {
        assertThat(api.call("delete_run", Map.of("agentId", 42, "runId", 1, "removeMethod", "DropEverything")).text())
                .isEqualTo("Error: Invalid parameter 'removeMethod': 'DropEverything'. Must be one of: RemoveEntireRun, "
                        + "RemoveAllFiles, RemoveAllFilesAndAgentInput");
        assertThat(api.call("delete_run", Map.of("agentId", 42, "runId", 1, "removeMethod", "removeallfiles")).text())
                .startsWith("Error: Invalid parameter 'removeMethod': 'removeallfiles'.");
        assertThat(api.call("delete_run", Map.of("agentId", 42, "runId", 1, "removeMethod", 42)).text())
                .isEqualTo("Error: Invalid parameter 'removeMethod': expected a string, got number");
        assertThat(api.call("delete_run", Map.of("agentId", 42, "removeMethod", "Nope")).text())
                .isEqualTo("Error: Missing required parameter: runId");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void deleteRunReportsAnActiveRunRefusal() {
        api.json(400, "{\"message\": \"Run is currently active and cannot be deleted\"}");

        ToolResult r = api.call("delete_run", Map.of("agentId", 42, "runId", 5201));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("API Error (400): Run is currently active and cannot be deleted");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void deleteRunReportsAnUnknownRunAndMissingAccess() {
        api.json(404, "{\"message\": \"Run not found\"}").json(401, "{\"message\": \"No run access\"}");

        assertThat(api.call("delete_run", Map.of("agentId", 42, "runId", 1)).text()).isEqualTo("Not Found: Run not found");
        assertThat(api.call("delete_run", Map.of("agentId", 42, "runId", 1)).text()).startsWith("Authentication Failed: ");
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionIsANetworkErrorWithoutRetry() {
        api.disconnect().empty(204);

        ToolResult r = api.call("stop_agent", Map.of("agentId", 42, "runId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: Network error talking to the Sequentum API at "
                + URI.create(api.baseUrl()).getHost() + ": connection closed unexpectedly");
        assertThat(api.requestCount()).isEqualTo(1);
    }
}
