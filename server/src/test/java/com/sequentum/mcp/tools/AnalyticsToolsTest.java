package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.testing.ApiStub;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: get_runs_summary, get_records_summary, get_run_diagnostics, get_latest_failure. */
class AnalyticsToolsTest {
    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static ToolSpec spec(String name) { return ToolCatalogue.find(name).orElseThrow(); }

    @Test
    void analyticsToolsAreReadOnlyWithTitlesAndSchemas() {
        assertThat(AnalyticsTools.tools()).extracting(ToolSpec::name).containsExactly(
                "get_runs_summary", "get_records_summary", "get_run_diagnostics", "get_latest_failure");
        assertThat(AnalyticsTools.tools()).extracting(ToolSpec::title).containsExactly(
                "Get Runs Summary", "Get Records Summary", "Get Run Diagnostics", "Get Latest Failure");
        assertThat(AnalyticsTools.tools()).extracting(ToolSpec::hints).containsOnly(new Hints(true, null, null));
        assertThat(AnalyticsTools.tools()).extracting(ToolSpec::category).containsOnly(Category.ANALYTICS);
        var runs = spec("get_runs_summary").inputSchema();
        assertThat(runs.get("required").toString()).isEqualTo("[]");
        assertThat(runs.get("properties").fieldNames()).toIterable()
                .containsExactly("startDate", "endDate", "status", "includeDetails");
        assertThat(runs.at("/properties/includeDetails/type").asText()).isEqualTo("boolean");
        var records = spec("get_records_summary").inputSchema();
        assertThat(records.get("required").toString()).isEqualTo("[]");
        assertThat(records.at("/properties/agentId/type").asText()).isEqualTo("number");
        assertThat(spec("get_run_diagnostics").inputSchema().get("required").toString()).isEqualTo("[\"agentId\",\"runId\"]");
        assertThat(spec("get_latest_failure").inputSchema().get("required").toString()).isEqualTo("[\"agentId\"]");
        assertThat(spec("get_latest_failure").inputSchema().at("/properties/agentId/description").asText())
                .contains("list_agents", "search_agents", "get_agent_build_status");
    }

    @Test
    void getRunsSummaryWithoutArgumentsSendsNoQuery() {
        api.json("{\"totalRuns\":3,\"failedRuns\":1,\"failedRunDetails\":[]}");

        ToolResult r = api.call("get_runs_summary", Map.of());

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/analytics/runs/summary");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(r.text()).isEqualTo("{\n  \"totalRuns\": 3,\n  \"failedRuns\": 1,\n  \"failedRunDetails\": []\n}");
    }

    @Test
    void getRunsSummaryForwardsEveryFilterInOrder() {
        api.json("{}");

        api.call("get_runs_summary", Map.of("includeDetails", true, "status", "Failed", "endDate", "2024-01-31",
                "startDate", "2024-01-01"));

        assertThat(ApiStub.target(api.take())).isEqualTo(
                "/api/v1/analytics/runs/summary?startDate=2024-01-01&endDate=2024-01-31&status=Failed&includeDetails=true");
    }

    @Test
    void getRunsSummarySkipsEmptyStringsButSendsAFalseFlag() {
        api.json("{}");

        api.call("get_runs_summary", Map.of("startDate", "", "endDate", "", "status", "", "includeDetails", false));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/analytics/runs/summary?includeDetails=false");
    }

    @Test
    void getRunsSummaryFormEncodesDates() {
        api.json("{}");

        api.call("get_runs_summary", Map.of("startDate", "2024-01-01T00:00:00Z", "status", "Completed With Errors"));

        assertThat(ApiStub.target(api.take())).isEqualTo(
                "/api/v1/analytics/runs/summary?startDate=2024-01-01T00%3A00%3A00Z&status=Completed+With+Errors");
    }

    @Test
    void getRunsSummaryValidatesTypesInOrder() {
        assertThat(api.call("get_runs_summary", Map.of("startDate", 20240101, "includeDetails", "yes")).text())
                .isEqualTo("Error: Invalid parameter 'startDate': expected a string, got number");
        assertThat(api.call("get_runs_summary", Map.of("status", false)).text())
                .isEqualTo("Error: Invalid parameter 'status': expected a string, got boolean");
        assertThat(api.call("get_runs_summary", Map.of("includeDetails", "true")).text())
                .isEqualTo("Error: Invalid parameter 'includeDetails': expected a boolean, got string");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getRunsSummaryRetriesABadGateway() {
        api.text(502, "<html>Bad Gateway</html>").json("{\"totalRuns\":0}");

        ToolResult r = api.call("get_runs_summary", Map.of());

        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("{\n  \"totalRuns\": 0\n}");
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void getRecordsSummarySendsNoQueryByDefault() {
        api.json("{\"totalRecordsExtracted\":1200}");

        ToolResult r = api.call("get_records_summary", Map.of());

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/analytics/records/summary");
        assertThat(r.text()).isEqualTo("{\n  \"totalRecordsExtracted\": 1200\n}");
    }

    @Test
    void getRecordsSummaryForwardsDatesAndAgent() {
        api.json("{}");

        api.call("get_records_summary", Map.of("startDate", "2024-01-01", "endDate", "2024-01-31", "agentId", 42));

        assertThat(ApiStub.target(api.take()))
                .isEqualTo("/api/v1/analytics/records/summary?startDate=2024-01-01&endDate=2024-01-31&agentId=42");
    }

    @Test
    void getRecordsSummaryValidatesTheOptionalAgentId() {
        assertThat(api.call("get_records_summary", Map.of("agentId", 0)).text())
                .isEqualTo("Error: Invalid parameter 'agentId': must be >= 1, got 0");
        assertThat(api.call("get_records_summary", Map.of("endDate", 5, "agentId", 0)).text())
                .isEqualTo("Error: Invalid parameter 'endDate': expected a string, got number");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getRunDiagnosticsAddressesTheRun() {
        api.json("{\"runId\":123,\"status\":\"Failed\",\"possibleCauses\":[\"Timeout\"],\"stats\":{\"errorCount\":4}}");

        ToolResult r = api.call("get_run_diagnostics", Map.of("agentId", 42, "runId", 123));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/analytics/agents/42/runs/123/diagnostics");
        assertThat(r.text()).isEqualTo("{\n  \"runId\": 123,\n  \"status\": \"Failed\",\n  \"possibleCauses\": [\n"
                + "    \"Timeout\"\n  ],\n  \"stats\": {\n    \"errorCount\": 4\n  }\n}");
    }

    @Test
    void getRunDiagnosticsValidatesIds() {
        assertThat(api.call("get_run_diagnostics", Map.of("agentId", 42)).text())
                .isEqualTo("Error: Missing required parameter: runId");
        assertThat(api.call("get_run_diagnostics", Map.of("agentId", 4.2, "runId", 1)).text())
                .isEqualTo("Error: Invalid parameter 'agentId': expected an integer, got 4.2");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getLatestFailureAddressesTheAgent() {
        api.json("{\"runId\":9,\"errorMessage\":\"Selector not found\"}");

        ToolResult r = api.call("get_latest_failure", Map.of("agentId", 42));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/analytics/agents/42/latest-failure");
        assertThat(r.text()).isEqualTo("{\n  \"runId\": 9,\n  \"errorMessage\": \"Selector not found\"\n}");
    }

    @Test
    void getLatestFailureReportsAnAgentThatNeverFailed() {
        api.json(404, "{\"message\": \"No failures found for this agent\"}");

        ToolResult r = api.call("get_latest_failure", Map.of("agentId", 42));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Not Found: No failures found for this agent");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void getLatestFailureValidatesTheAgentId() {
        assertThat(api.call("get_latest_failure", Map.of()).text()).isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void anEmptyNotFoundBodyUsesTheStatusLine() {
        api.empty(404);

        assertThat(api.call("get_run_diagnostics", Map.of("agentId", 42, "runId", 1)).text())
                .isEqualTo("Not Found: API Error 404: Not Found");
    }
}
