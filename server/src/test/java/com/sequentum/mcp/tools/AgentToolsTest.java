package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.testing.ApiStub;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: list_agents, get_agent, search_agents — the exact upstream request and the shaped result. */
class AgentToolsTest {
    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    @Test
    void listAgentsAlwaysSendsDefaultPaginationWithTheApiKey() {
        api.json("{\"agents\":[{\"id\":1,\"name\":\"A\",\"status\":9,\"extra\":true}],\"totalRecordCount\":1}");

        ToolResult r = api.call("list_agents", Map.of());

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/all?pageIndex=1&recordsPerPage=50");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.parse(r.text())).isEqualTo(ApiStub.parse(
                "{\"agents\":[{\"id\":1,\"name\":\"A\",\"status\":\"Completed\"}],"
                        + "\"pagination\":{\"totalRecordCount\":1,\"pageIndex\":1,\"recordsPerPage\":50}}"));
    }

    @Test
    void listAgentsMapsEveryFilterInTheReferenceOrder() {
        api.json("[]");

        api.call("list_agents", Map.of("status", 1, "spaceId", 5, "search", "test agent", "configType", "Agent",
                "sortColumn", "name", "sortOrder", "asc", "pageIndex", 1, "recordsPerPage", 20));

        assertThat(ApiStub.target(api.take())).isEqualTo(
                "/api/v1/agent/all?status=1&spaceId=5&name=test+agent&configType=Agent&sortColumn=name&sortOrder=0&pageIndex=1&recordsPerPage=20");
    }

    @Test
    void listAgentsLabelsStatusesOfABareArray() {
        api.json("[{\"id\":1,\"status\":null},{\"id\":2},{\"id\":3,\"status\":99},{\"id\":4,\"status\":\"Completed\"}]");

        ToolResult r = api.call("list_agents", Map.of());

        assertThat(ApiStub.parse(r.text())).isEqualTo(ApiStub.parse(
                "[{\"id\":1,\"status\":\"Never Run\"},{\"id\":2,\"status\":\"Never Run\"},"
                        + "{\"id\":3,\"status\":\"Unknown (99)\"},{\"id\":4,\"status\":\"Unknown (Completed)\"}]"));
    }

    @Test
    void listAgentsRejectsABadSortOrderWithoutCallingTheApi() {
        ToolResult r = api.call("list_agents", Map.of("sortOrder", "up"));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: Invalid parameter 'sortOrder': must be \"asc\" or \"desc\", got \"up\"");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void listAgentsReportsAnUnexpectedResponseShape() {
        api.json("\"hello\"");

        assertThat(api.call("list_agents", Map.of()).text()).isEqualTo("Error: Unexpected response type: string");
    }

    @Test
    void getAgentReturnsTheApiObjectAsPrettyJson() {
        api.json("{\"id\":42,\"name\":\"Amazon\",\"inputParameters\":{}}");

        ToolResult r = api.call("get_agent", Map.of("agentId", 42));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42");
        assertThat(r.text()).isEqualTo("{\n  \"id\": 42,\n  \"name\": \"Amazon\",\n  \"inputParameters\": {}\n}");
    }

    @Test
    void getAgentValidatesTheId() {
        assertThat(api.call("get_agent", Map.of()).text()).isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("get_agent", Map.of("agentId", "42")).text())
                .isEqualTo("Error: Invalid parameter 'agentId': expected a number, got string");
        assertThat(api.call("get_agent", Map.of("agentId", 1.5)).text())
                .isEqualTo("Error: Invalid parameter 'agentId': expected an integer, got 1.5");
        assertThat(api.call("get_agent", Map.of("agentId", 0)).text())
                .isEqualTo("Error: Invalid parameter 'agentId': must be >= 1, got 0");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void searchAgentsSendsTheUntrimmedQuery() {
        api.json("[{\"id\":7,\"name\":\"Price bot\",\"status\":10}]");

        ToolResult r = api.call("search_agents", Map.of("query", " price ", "maxRecords", 5));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/search?query=+price+&maxRecords=5");
        assertThat(ApiStub.parse(r.text())).isEqualTo(ApiStub.parse("[{\"id\":7,\"name\":\"Price bot\",\"status\":\"Success\"}]"));
    }

    @Test
    void searchAgentsRefusesABlankQuery() {
        assertThat(api.call("search_agents", Map.of("query", "   ")).text()).isEqualTo("Error: Search query cannot be empty");
        assertThat(api.requestCount()).isZero();
    }
}
