package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.testing.ApiStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract: the six billing tools — metadata, exact upstream URLs (form-encoded, fixed parameter order),
 * the default current-month range from the injected clock, date validation and error reporting.
 * The stub's clock is fixed at {@link ApiStub#NOW} = 2026-03-15T14:30:00Z.
 */
class BillingToolsTest {
    private static final String AUTH = "ApiKey sk-test-key-123";
    private static final String DEFAULT_RANGE = "startDate=2026-03-01T00%3A00%3A00.000Z&endDate=2026-03-15T14%3A30%3A00.000Z";
    private static final String JAN = "startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-31T23%3A59%3A59Z";
    private static final String FORMAT_HINT = "': expected ISO 8601 format (e.g., '2026-01-01' or '2026-01-01T00:00:00Z')";

    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private RecordedRequest expectGet(String target) {
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo(target);
        assertThat(req.getHeaders().get("Authorization")).isEqualTo(AUTH);
        assertThat(ApiStub.body(req)).isEmpty();
        return req;
    }

    private void assertRejected(String tool, Map<String, Object> arguments, String message) {
        ToolResult r = api.call(tool, arguments);
        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: " + message);
        assertThat(api.requestCount()).isZero();
    }

    // ---- metadata ------------------------------------------------------------------------------

    @Test
    void catalogueListsTheSixReadOnlyBillingToolsInOrder() {
        List<ToolSpec> tools = BillingTools.tools();
        assertThat(tools).extracting(ToolSpec::name).containsExactly("get_credits_balance", "get_spending_summary",
                "get_credit_history", "get_agents_usage", "get_agent_cost_breakdown", "get_agent_runs_cost");
        assertThat(tools).extracting(ToolSpec::title).containsExactly("Get Credits Balance", "Get Spending Summary",
                "Get Credit History", "Get Agents Usage", "Get Agent Cost Breakdown", "Get Agent Runs Cost");
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.hints()).isEqualTo(Hints.reading());
            assertThat(t.category()).isEqualTo(Category.BILLING);
            assertThat(t.description()).isNotBlank();
        });
    }

    @Test
    void schemasDeclareTypesEnumsAndRequiredParameters() {
        assertThat(schema("get_credits_balance")).isEqualTo(ApiStub.parse("{\"type\":\"object\",\"properties\":{},\"required\":[]}"));
        assertThat(schema("get_spending_summary").get("required")).isEmpty();
        assertThat(schema("get_credit_history").get("properties").get("recordsPerPage").get("type").asText()).isEqualTo("number");
        JsonNode usage = schema("get_agents_usage");
        assertThat(usage.get("required")).isEmpty();
        assertThat(usage.get("properties").get("sortOrder").get("type").asText()).isEqualTo("number");
        assertThat(usage.get("properties").get("sortOrder").get("enum")).isEqualTo(ApiStub.parse("[0,1]"));
        assertThat(usage.get("properties").get("startDate").get("type").asText()).isEqualTo("string");
        JsonNode breakdown = schema("get_agent_cost_breakdown");
        assertThat(breakdown.get("required")).isEqualTo(ApiStub.parse("[\"agentId\"]"));
        assertThat(breakdown.get("properties").get("timeUnit").get("enum")).isEqualTo(ApiStub.parse("[\"day\",\"month\"]"));
        JsonNode runs = schema("get_agent_runs_cost");
        assertThat(runs.get("required")).isEqualTo(ApiStub.parse("[\"agentId\"]"));
        assertThat(runs.get("properties").get("sortColumn").get("enum")).isEqualTo(ApiStub.parse("[\"date\",\"cost\",\"duration\"]"));
    }

    @Test
    void descriptionsCarryTheDocumentedFacts() {
        assertThat(ToolCatalogue.find("get_agents_usage").orElseThrow().description())
                .contains("Server Time", "Export GB", "Agent Inputs", "Proxy Data", "Export CPM");
        assertThat(ToolCatalogue.find("get_agent_cost_breakdown").orElseThrow().description())
                .contains("labels", "usageTypes[]", "data array", "aligned");
    }

    private static JsonNode schema(String tool) { return ToolCatalogue.find(tool).orElseThrow().inputSchema(); }

    // ---- balance / spending / history ------------------------------------------------------------

    @Test
    void creditsBalanceIgnoresArguments() {
        api.json("{\"availableCredits\":1250.5,\"organizationId\":7,\"retrievedAt\":\"2026-03-15T14:30:00Z\"}");

        ToolResult r = api.call("get_credits_balance", args("anything", 1));

        expectGet("/api/v1/billing/credits");
        assertThat(r.text()).isEqualTo(
                "{\n  \"availableCredits\": 1250.5,\n  \"organizationId\": 7,\n  \"retrievedAt\": \"2026-03-15T14:30:00Z\"\n}");
    }

    @Test
    void spendingSummarySendsDatesOnlyWhenNonEmpty() {
        api.json("{\"totalSpent\":10.0}").json("{}").json("{}");

        ToolResult r = api.call("get_spending_summary", args());
        api.call("get_spending_summary", args("startDate", "2024-01-01", "endDate", "2024-01-07"));
        api.call("get_spending_summary", args("startDate", "", "endDate", "whenever"));

        expectGet("/api/v1/billing/spending");
        expectGet("/api/v1/billing/spending?startDate=2024-01-01&endDate=2024-01-07");
        expectGet("/api/v1/billing/spending?endDate=whenever");
        assertThat(r.text()).isEqualTo("{\n  \"totalSpent\": 10\n}");
    }

    @Test
    void spendingSummaryRejectsNonStringDates() {
        assertRejected("get_spending_summary", args("endDate", false),
                "Invalid parameter 'endDate': expected a string, got boolean");
    }

    @Test
    void creditHistorySendsPagingOnlyWhenGiven() {
        api.json("{\"transactions\":[],\"totalCount\":0}").json("{}");

        ToolResult r = api.call("get_credit_history", args());
        api.call("get_credit_history", args("pageIndex", 2, "recordsPerPage", 100));

        expectGet("/api/v1/billing/history");
        expectGet("/api/v1/billing/history?pageIndex=2&recordsPerPage=100");
        assertThat(r.text()).isEqualTo("{\n  \"transactions\": [],\n  \"totalCount\": 0\n}");
    }

    @Test
    void creditHistoryValidatesPaging() {
        assertRejected("get_credit_history", args("pageIndex", 0), "Invalid parameter 'pageIndex': must be >= 1, got 0");
        assertRejected("get_credit_history", args("recordsPerPage", 101),
                "Invalid parameter 'recordsPerPage': must be <= 100, got 101");
        assertRejected("get_credit_history", args("recordsPerPage", "10"),
                "Invalid parameter 'recordsPerPage': expected a number, got string");
    }

    // ---- agents usage ----------------------------------------------------------------------------

    @Test
    void agentsUsageDefaultsToTheCurrentMonthSoFar() {
        api.json("{\"agents\":[],\"totalRecordCount\":0,\"totalCost\":0}");

        ToolResult r = api.call("get_agents_usage", args());

        expectGet("/api/v1/billing/agents?" + DEFAULT_RANGE);
        assertThat(r.text()).isEqualTo("{\n  \"agents\": [],\n  \"totalRecordCount\": 0,\n  \"totalCost\": 0\n}");
    }

    @Test
    void agentsUsageDefaultRangeFollowsTheClock() {
        api.clock(Clock.fixed(Instant.parse("2026-01-01T00:00:01.250Z"), ZoneOffset.UTC)).json("{}");

        api.call("get_agents_usage", args());

        expectGet("/api/v1/billing/agents?startDate=2026-01-01T00%3A00%3A00.000Z&endDate=2026-01-01T00%3A00%3A01.250Z");
    }

    @Test
    void agentsUsageMapsEveryParameterInOrder() { // A30
        api.json("{}");

        api.call("get_agents_usage", args("usageTypes", "Server Time,Export GB", "name", "Test", "sortOrder", 1,
                "sortColumn", "cost", "recordsPerPage", 100, "pageIndex", 2,
                "endDate", "2024-01-31T23:59:59Z", "startDate", "2024-01-01T00:00:00Z"));

        expectGet("/api/v1/billing/agents?" + JAN
                + "&pageIndex=2&recordsPerPage=100&sortColumn=cost&sortOrder=1&name=Test&usageTypes=Server+Time%2CExport+GB");
    }

    @Test
    void agentsUsageDefaultsOnlyTheMissingDateAndSendsUntrimmedValues() {
        api.json("{}").json("{}");

        api.call("get_agents_usage", args("startDate", " 2026-03-02 "));
        api.call("get_agents_usage", args("endDate", "2026-03-31", "sortColumn", "", "name", "", "usageTypes", "",
                "sortOrder", 0));

        expectGet("/api/v1/billing/agents?startDate=+2026-03-02+&endDate=2026-03-15T14%3A30%3A00.000Z");
        expectGet("/api/v1/billing/agents?startDate=2026-03-01T00%3A00%3A00.000Z&endDate=2026-03-31&sortOrder=0");
    }

    @Test
    void agentsUsageValidatesDates() {
        assertRejected("get_agents_usage", args("startDate", ""), "Missing or invalid startDate");
        assertRejected("get_agents_usage", args("endDate", "   "), "Missing or invalid endDate");
        assertRejected("get_agents_usage", args("startDate", 20260101), "Missing or invalid startDate");
        assertRejected("get_agents_usage", args("startDate", "January 1, 2026"), "Invalid date format for 'startDate" + FORMAT_HINT);
        assertRejected("get_agents_usage", args("startDate", "2026-01-01", "endDate", "2026-13-01"),
                "Invalid date format for 'endDate" + FORMAT_HINT);
        assertRejected("get_agents_usage", args("startDate", "2026-01-31", "endDate", "2026-01-01"),
                "startDate must be before or equal to endDate");
        // the default end (now) is before an explicit future start
        assertRejected("get_agents_usage", args("startDate", "2026-04-01"), "startDate must be before or equal to endDate");
    }

    @Test
    void agentsUsageValidatesTheRestAfterTheDates() {
        assertRejected("get_agents_usage", args("startDate", "bad", "pageIndex", 0), "Invalid date format for 'startDate" + FORMAT_HINT);
        assertRejected("get_agents_usage", args("pageIndex", 0), "Invalid parameter 'pageIndex': must be >= 1, got 0");
        assertRejected("get_agents_usage", args("recordsPerPage", 1001),
                "Invalid parameter 'recordsPerPage': must be <= 1000, got 1001");
        assertRejected("get_agents_usage", args("sortColumn", 3), "Invalid parameter 'sortColumn': expected a string, got number");
        assertRejected("get_agents_usage", args("sortOrder", 2), "Invalid parameter 'sortOrder': must be <= 1, got 2");
        assertRejected("get_agents_usage", args("sortOrder", "desc"), "Invalid parameter 'sortOrder': expected a number, got string");
        assertRejected("get_agents_usage", args("name", List.of()), "Invalid parameter 'name': expected a string, got object");
        assertRejected("get_agents_usage", args("usageTypes", true), "Invalid parameter 'usageTypes': expected a string, got boolean");
    }

    @Test
    void agentsUsageAcceptsAnyStringAsSortColumn() {
        api.json("{}");

        api.call("get_agents_usage", args("sortColumn", "spaceId"));

        expectGet("/api/v1/billing/agents?" + DEFAULT_RANGE + "&sortColumn=spaceId");
    }

    // ---- cost breakdown ----------------------------------------------------------------------------

    @Test
    void costBreakdownWithDefaultsAndWithEveryParameter() { // A31
        api.json("{\"agentId\":123,\"labels\":[\"2024-01-01\"],\"usageTypes\":[{\"type\":\"Server Time\",\"data\":[1.5],\"totalCost\":1.5}]}")
                .json("{}");

        ToolResult r = api.call("get_agent_cost_breakdown", args("agentId", 123));
        api.call("get_agent_cost_breakdown", args("agentId", 123, "startDate", "2024-01-01T00:00:00Z",
                "endDate", "2024-01-03T23:59:59Z", "timeUnit", "month", "usageTypes", "Server Time"));

        expectGet("/api/v1/billing/agents/123?" + DEFAULT_RANGE);
        expectGet("/api/v1/billing/agents/123?startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-03T23%3A59%3A59Z"
                + "&timeUnit=month&usageTypes=Server+Time");
        assertThat(r.text()).isEqualTo("{\n  \"agentId\": 123,\n  \"labels\": [\n    \"2024-01-01\"\n  ],\n"
                + "  \"usageTypes\": [\n    {\n      \"type\": \"Server Time\",\n      \"data\": [\n        1.5\n      ],\n"
                + "      \"totalCost\": 1.5\n    }\n  ]\n}");
    }

    @Test
    void costBreakdownValidatesInOrder() {
        assertRejected("get_agent_cost_breakdown", args("startDate", "bad"), "Missing required parameter: agentId");
        assertRejected("get_agent_cost_breakdown", args("agentId", 123, "startDate", "bad", "timeUnit", "week"),
                "Invalid date format for 'startDate" + FORMAT_HINT);
        assertRejected("get_agent_cost_breakdown", args("agentId", 123, "timeUnit", "week"),
                "Invalid parameter 'timeUnit': 'week'. Must be one of: day, month");
        assertRejected("get_agent_cost_breakdown", args("agentId", 123, "timeUnit", "Day"),
                "Invalid parameter 'timeUnit': 'Day'. Must be one of: day, month");
        assertRejected("get_agent_cost_breakdown", args("agentId", 123, "usageTypes", 5),
                "Invalid parameter 'usageTypes': expected a string, got number");
    }

    @Test
    void costBreakdownReportsAProblemDetails404() {
        api.json(404, "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\","
                + "\"status\":404,\"detail\":\"Agent with ID 999 was not found\",\"instance\":\"/api/v1/billing/agents/999\"}");

        ToolResult r = api.call("get_agent_cost_breakdown", args("agentId", 999));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Not Found: Not Found: Agent with ID 999 was not found");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    // ---- runs cost -----------------------------------------------------------------------------------

    @Test
    void runsCostWithDefaultsAndWithEveryParameter() { // A32
        api.json("{\"runs\":[],\"totalRecordCount\":0}").json("{}");

        ToolResult r = api.call("get_agent_runs_cost", args("agentId", 123));
        api.call("get_agent_runs_cost", args("agentId", 123, "usageTypes", "Proxy Data", "sortOrder", 1,
                "sortColumn", "cost", "recordsPerPage", 50, "pageIndex", 1,
                "startDate", "2024-01-01T00:00:00Z", "endDate", "2024-01-31T23:59:59Z"));

        expectGet("/api/v1/billing/agents/123/runs?" + DEFAULT_RANGE);
        expectGet("/api/v1/billing/agents/123/runs?" + JAN
                + "&pageIndex=1&recordsPerPage=50&sortColumn=cost&sortOrder=1&usageTypes=Proxy+Data");
        assertThat(r.text()).isEqualTo("{\n  \"runs\": [],\n  \"totalRecordCount\": 0\n}");
    }

    @Test
    void runsCostValidatesInOrder() {
        assertRejected("get_agent_runs_cost", args("agentId", 0), "Invalid parameter 'agentId': must be >= 1, got 0");
        assertRejected("get_agent_runs_cost", args("agentId", 1, "startDate", "2026-02-01", "endDate", "2026-01-01",
                "sortColumn", "name"), "startDate must be before or equal to endDate");
        assertRejected("get_agent_runs_cost", args("agentId", 1, "pageIndex", 1.5),
                "Invalid parameter 'pageIndex': expected an integer, got 1.5");
        assertRejected("get_agent_runs_cost", args("agentId", 1, "recordsPerPage", 0),
                "Invalid parameter 'recordsPerPage': must be >= 1, got 0");
        assertRejected("get_agent_runs_cost", args("agentId", 1, "sortColumn", "name"),
                "Invalid parameter 'sortColumn': 'name'. Must be one of: date, cost, duration");
        assertRejected("get_agent_runs_cost", args("agentId", 1, "sortOrder", -1),
                "Invalid parameter 'sortOrder': must be >= 0, got -1");
        assertRejected("get_agent_runs_cost", args("agentId", 1, "usageTypes", Map.of("a", 1)),
                "Invalid parameter 'usageTypes': expected a string, got object");
    }

    // ---- upstream failures --------------------------------------------------------------------------

    @Test
    void aBadRequestShowsTheApiMessage() {
        api.json(400, "{\"message\":\"Date range cannot exceed 366 days\"}");

        ToolResult r = api.call("get_agents_usage", args("startDate", "2020-01-01"));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("API Error (400): Date range cannot exceed 366 days");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotRetried() {
        api.json(500, "{\"message\":\"Internal error\"}");

        ToolResult r = api.call("get_credits_balance", args());

        assertThat(r.text()).isEqualTo("Server Error: The Sequentum API encountered an internal error (500). "
                + "This is a server-side issue \u2014 please try again later.");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void aRateLimitedReadIsRetriedAndSucceeds() {
        api.rateLimited("0").json("{\"availableCredits\":3}");

        ToolResult r = api.call("get_credits_balance", args());

        assertThat(r.text()).isEqualTo("{\n  \"availableCredits\": 3\n}");
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(api.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void persistentRateLimitingEndsWithTheRateLimitedText() {
        api.rateLimited("30").rateLimited("30").rateLimited("30").rateLimited("30");

        ToolResult r = api.call("get_spending_summary", args());

        assertThat(r.text()).isEqualTo("Rate Limited: The Sequentum API rate limit has been reached. Try again in 30 seconds.");
        assertThat(api.requestCount()).isEqualTo(4);
        assertThat(api.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void anUnauthorizedAnswerHidesTheApiMessage() {
        api.json(401, "{\"message\":\"Invalid API key\"}");

        assertThat(api.call("get_credit_history", args()).text()).isEqualTo(
                "Authentication Failed: Your API key or OAuth token is invalid or has expired. Please check your credentials.");
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        api.credentials(Credentials.none());

        ToolResult r = api.call("get_credits_balance", args());

        assertThat(r.text()).isEqualTo(
                "Authentication Error: No authentication configured. Set either an API key or OAuth2 access token.");
        assertThat(api.requestCount()).isZero();
    }
}
