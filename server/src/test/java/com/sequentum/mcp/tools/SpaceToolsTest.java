package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.testing.ApiStub;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: list_spaces, get_space, get_space_agents, search_space_by_name, run_space_agents. */
class SpaceToolsTest {
    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static ToolSpec spec(String name) { return ToolCatalogue.find(name).orElseThrow(); }

    @Test
    void spaceToolsHaveTitlesAnnotationsAndSchemas() {
        assertThat(SpaceTools.tools()).extracting(ToolSpec::name).containsExactly(
                "list_spaces", "get_space", "get_space_agents", "search_space_by_name", "run_space_agents");
        assertThat(SpaceTools.tools()).extracting(ToolSpec::title).containsExactly(
                "List Spaces", "Get Space", "Get Space Agents", "Search Space by Name", "Run Space Agents");
        assertThat(SpaceTools.tools()).extracting(ToolSpec::category).containsOnly(Category.SPACES);
        for (String readOnly : new String[] {"list_spaces", "get_space", "get_space_agents", "search_space_by_name"}) {
            assertThat(spec(readOnly).hints()).as(readOnly).isEqualTo(new Hints(true, null, null));
        }
        assertThat(spec("run_space_agents").hints()).isEqualTo(new Hints(false, false, true));
        assertThat(spec("list_spaces").inputSchema().toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{},\"required\":[]}");
        assertThat(spec("get_space").inputSchema().get("required").toString()).isEqualTo("[\"spaceId\"]");
        assertThat(spec("get_space_agents").inputSchema().get("required").toString()).isEqualTo("[\"spaceId\"]");
        assertThat(spec("search_space_by_name").inputSchema().get("required").toString()).isEqualTo("[\"name\"]");
        assertThat(spec("search_space_by_name").inputSchema().at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(spec("run_space_agents").inputSchema().get("required").toString()).isEqualTo("[\"spaceId\"]");
        assertThat(spec("run_space_agents").inputSchema().at("/properties/inputParameters/type").asText()).isEqualTo("string");
    }

    @Test
    void listSpacesIgnoresArgumentsAndReturnsTheApiArray() {
        api.json("[{\"id\":5,\"name\":\"Production\",\"description\":null}]");

        ToolResult r = api.call("list_spaces", Map.of("unexpected", true));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/spaces");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(r.text()).isEqualTo("[\n  {\n    \"id\": 5,\n    \"name\": \"Production\",\n    \"description\": null\n  }\n]");
    }

    @Test
    void listSpacesWorksWithoutArguments() {
        api.json("[]");

        assertThat(api.call("list_spaces", null).text()).isEqualTo("[]");
    }

    @Test
    void getSpaceAddressesTheSpace() {
        api.json("{\"id\":5,\"name\":\"Production\",\"isDefaultAccess\":false}");

        ToolResult r = api.call("get_space", Map.of("spaceId", 5));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/spaces/5");
        assertThat(r.text()).isEqualTo("{\n  \"id\": 5,\n  \"name\": \"Production\",\n  \"isDefaultAccess\": false\n}");
    }

    @Test
    void getSpaceAgentsPassesTheAgentsThroughUnsummarised() {
        api.json("[{\"id\":1,\"name\":\"A\",\"status\":9,\"validationStatus\":\"Valid\"}]");

        ToolResult r = api.call("get_space_agents", Map.of("spaceId", 5));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/spaces/5/agents");
        assertThat(r.text()).isEqualTo(
                "[\n  {\n    \"id\": 1,\n    \"name\": \"A\",\n    \"status\": 9,\n    \"validationStatus\": \"Valid\"\n  }\n]");
    }

    @Test
    void spaceIdIsValidated() {
        assertThat(api.call("get_space", Map.of()).text()).isEqualTo("Error: Missing required parameter: spaceId");
        assertThat(api.call("get_space_agents", Map.of("spaceId", "5")).text())
                .isEqualTo("Error: Invalid parameter 'spaceId': expected a number, got string");
        assertThat(api.call("run_space_agents", Map.of("spaceId", 0)).text())
                .isEqualTo("Error: Invalid parameter 'spaceId': must be >= 1, got 0");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void searchSpaceByNameEncodesLikeEncodeUriComponent() {
        api.json("{\"id\":3,\"name\":\"Bot Blocking\"}").json("{\"id\":4}");

        ToolResult r = api.call("search_space_by_name", Map.of("name", "Bot Blocking"));
        api.call("search_space_by_name", Map.of("name", "Test & Demo"));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/spaces/search?name=Bot%20Blocking");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/spaces/search?name=Test%20%26%20Demo");
        assertThat(r.text()).isEqualTo("{\n  \"id\": 3,\n  \"name\": \"Bot Blocking\"\n}");
    }

    @Test
    void searchSpaceByNameAcceptsAnEmptyName() {
        api.json(404, "{\"message\":\"Space not found\"}");

        ToolResult r = api.call("search_space_by_name", Map.of("name", ""));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/spaces/search?name=");
        assertThat(r.text()).isEqualTo("Not Found: Space not found");
    }

    @Test
    void searchSpaceByNameRequiresAString() {
        assertThat(api.call("search_space_by_name", Map.of()).text()).isEqualTo("Error: Missing required parameter: name");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertThat(api.call("search_space_by_name", nullName).text()).isEqualTo("Error: Missing required parameter: name");
        assertThat(api.call("search_space_by_name", Map.of("name", java.util.List.of("a"))).text())
                .isEqualTo("Error: Invalid parameter 'name': expected a string, got object");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void runSpaceAgentsPostsAnEmptyObjectWithoutInputParameters() {
        api.json("{\"spaceId\":5,\"totalAgents\":2,\"agentsStarted\":2,\"agentsFailed\":0}");

        ToolResult r = api.call("run_space_agents", Map.of("spaceId", 5));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/spaces/5/run-all");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(ApiStub.body(req)).isEqualTo("{}");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Started agents in space.\n\n{\n  \"spaceId\": 5,\n  \"totalAgents\": 2,\n"
                + "  \"agentsStarted\": 2,\n  \"agentsFailed\": 0\n}");
    }

    @Test
    void runSpaceAgentsSendsInputParametersAsAString() {
        api.json("{}");

        ToolResult r = api.call("run_space_agents", Map.of("spaceId", 5, "inputParameters", "{\"url\": \"https://example.com\"}"));

        assertThat(ApiStub.body(api.take())).isEqualTo("{\"InputParameters\":\"{\\\"url\\\": \\\"https://example.com\\\"}\"}");
        assertThat(r.text()).isEqualTo("Started agents in space.\n\n{}");
    }

    @Test
    void runSpaceAgentsRejectsInvalidJsonWithoutCallingTheApi() {
        assertThat(api.call("run_space_agents", Map.of("spaceId", 5, "inputParameters", "{bad json}")).text())
                .isEqualTo("Error: Invalid parameter 'inputParameters': must be a valid JSON string. Got: {bad json}");
        assertThat(api.call("run_space_agents", Map.of("inputParameters", "{bad json}")).text())
                .isEqualTo("Error: Missing required parameter: spaceId");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void runSpaceAgentsRenderATextAnswerAsAQuotedString() {
        api.text(200, "queued");

        assertThat(api.call("run_space_agents", Map.of("spaceId", 5)).text()).isEqualTo("Started agents in space.\n\n\"queued\"");
    }

    @Test
    void runSpaceAgentsIsNotRetriedWhenRateLimitedWithoutRetryAfter() {
        api.rateLimited(null).json("{}");

        ToolResult r = api.call("run_space_agents", Map.of("spaceId", 5));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo(
                "Rate Limited: The Sequentum API rate limit has been reached. Please wait a moment before retrying.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void listSpacesRetriesARateLimitedGetAfterTheAdvertisedDelay() {
        api.rateLimited("2").json("[]");

        ToolResult r = api.call("list_spaces", Map.of());

        assertThat(r.text()).isEqualTo("[]");
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(api.sleeps()).containsExactly(java.time.Duration.ofSeconds(2));
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesReportsTheRetryAfter() {
        api.rateLimited("1.5").rateLimited("1.5").rateLimited("1.5").rateLimited("1.5");

        ToolResult r = api.call("list_spaces", Map.of());

        assertThat(r.text()).isEqualTo("Rate Limited: The Sequentum API rate limit has been reached. Try again in 1.5 seconds.");
        assertThat(api.requestCount()).isEqualTo(4);
    }
}
