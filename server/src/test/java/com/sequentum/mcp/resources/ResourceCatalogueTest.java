package com.sequentum.mcp.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.testing.ApiStub;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract of the 7 resources and 11 templates (test-expectations G1–G8): exact upstream requests and results. */
class ResourceCatalogueTest {
    private final ApiStub api = ApiStub.start();
    private final ResourceCatalogue catalogue = new ResourceCatalogue(ctx -> api.api(), api.clock());

    @AfterEach
    void close() { api.close(); }

    private TextResourceContents read(String uri) {
        ReadResourceResult r = catalogue.read(api.api(), uri);
        assertThat(r.contents()).hasSize(1);
        TextResourceContents c = (TextResourceContents) r.contents().get(0);
        assertThat(c.uri()).isEqualTo(uri);
        assertThat(c.mimeType()).isEqualTo("application/json");
        return c;
    }

    private McpError failure(String uri) {
        Throwable t = catchThrowable(() -> catalogue.read(api.api(), uri));
        assertThat(t).isInstanceOf(McpError.class);
        return (McpError) t;
    }

    @Test
    void listsSevenStaticResourcesWithNamesAndJsonMimeType() {
        assertThat(catalogue.resourceSpecifications()).extracting(s -> s.resource().uri(), s -> s.resource().name())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents", "Agent List"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://spaces", "Spaces"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://billing/balance", "Credits Balance"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://billing/spending", "Monthly Spending"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://billing/agents-usage", "Agent Costs (Current Month)"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://analytics/runs", "Recent Runs Summary"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://analytics/upcoming-schedules", "Upcoming Schedules"));
        assertThat(catalogue.resourceSpecifications()).allSatisfy(s -> {
            assertThat(s.resource().mimeType()).isEqualTo("application/json");
            assertThat(s.resource().description()).isNotBlank();
        });
    }

    @Test
    void listsElevenTemplatesWithNamesAndJsonMimeType() {
        assertThat(catalogue.templateSpecifications())
                .extracting(s -> s.resourceTemplate().uriTemplate(), s -> s.resourceTemplate().name())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}", "Agent Detail"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/versions", "Agent Versions"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/schedules", "Agent Schedules"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/cost-breakdown", "Agent Cost Breakdown"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://spaces/{spaceId}", "Space Detail"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://spaces/{spaceId}/agents", "Space Agents"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/runs", "Agent Runs"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/runs/{runId}", "Run Status"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/runs/{runId}/files", "Run Files"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/runs/{runId}/diagnostics", "Run Diagnostics"),
                        org.assertj.core.groups.Tuple.tuple("sequentum://agents/{agentId}/latest-failure", "Latest Failure"));
        assertThat(catalogue.templateSpecifications()).allSatisfy(s -> {
            assertThat(s.resourceTemplate().mimeType()).isEqualTo("application/json");
            assertThat(s.resourceTemplate().description()).isNotBlank();
        });
    }

    @Test
    void agentListReadsTheFirstPageAndReturnsTheRawAgentsArray() {
        api.json("{\"agents\":[{\"id\":1,\"name\":\"A\",\"status\":9,\"extra\":1.0}],\"totalRecordCount\":1}");

        TextResourceContents c = read("sequentum://agents");

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/all?pageIndex=1&recordsPerPage=50");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(c.text()).isEqualTo("[\n  {\n    \"id\": 1,\n    \"name\": \"A\",\n    \"status\": 9,\n    \"extra\": 1\n  }\n]");
    }

    @Test
    void agentListPassesABareArrayThrough() {
        api.json("[{\"id\":2}]");
        assertThat(read("sequentum://agents").text()).isEqualTo("[\n  {\n    \"id\": 2\n  }\n]");
    }

    @Test
    void balanceTextParsesBackToTheApiObject() {
        api.json("{\"availableCredits\":100}");
        assertThat(read("sequentum://billing/balance").text()).isEqualTo("{\n  \"availableCredits\": 100\n}");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/billing/credits");
    }

    @ParameterizedTest
    @CsvSource({
            "sequentum://spaces, /api/v1/spaces",
            "sequentum://billing/spending, /api/v1/billing/spending",
            "sequentum://analytics/runs, /api/v1/analytics/runs/summary",
            "sequentum://analytics/upcoming-schedules, /api/v1/analytics/schedules/upcoming",
            "sequentum://agents/42, /api/v1/agent/42",
            "sequentum://agents/10/versions, /api/v1/agent/10/versions",
            "sequentum://agents/10/schedules, /api/v1/agent/10/schedules",
            "sequentum://spaces/5, /api/v1/spaces/5",
            "sequentum://spaces/5/agents, /api/v1/spaces/5/agents",
            "sequentum://agents/42/runs, /api/v1/agent/42/runs",
            "sequentum://agents/42/runs/100, /api/v1/agent/42/run/100/status",
            "sequentum://agents/42/runs/100/files, /api/v1/agent/42/run/100/files",
            "sequentum://agents/42/runs/100/diagnostics, /api/v1/analytics/agents/42/runs/100/diagnostics",
            "sequentum://agents/42/latest-failure, /api/v1/analytics/agents/42/latest-failure",
            "sequentum://agents/9007199254740993, /api/v1/agent/9007199254740993",
    })
    void everyResourceReadsExactlyOneUpstreamRequest(String uri, String target) {
        api.json("{\"b\":[1,2],\"a\":\"x\"}");

        assertThat(read(uri).text()).isEqualTo("{\n  \"b\": [\n    1,\n    2\n  ],\n  \"a\": \"x\"\n}");

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo(target);
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void agentsUsageUsesTheCurrentUtcMonthFromTheClock() {
        api.json("{\"agents\":[]}");
        read("sequentum://billing/agents-usage");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/billing/agents?startDate=2026-03-01T00%3A00%3A00.000Z"
                + "&endDate=2026-03-15T14%3A30%3A00.000Z&pageIndex=1&recordsPerPage=50&sortColumn=cost&sortOrder=1");
    }

    @Test
    void costBreakdownUsesTheCurrentMonthByDay() {
        api.json("{}");
        read("sequentum://agents/42/cost-breakdown");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/billing/agents/42?startDate=2026-03-01T00%3A00%3A00.000Z"
                + "&endDate=2026-03-15T14%3A30%3A00.000Z&timeUnit=day");
    }

    @Test
    void currentMonthRollsOverAtUtcMidnightWithMillis() {
        try (ApiStub other = ApiStub.start().clock(java.time.Clock.fixed(
                java.time.Instant.parse("2026-01-31T23:59:59.123456Z"), java.time.ZoneOffset.ofHours(5)))) {
            other.json("{}");
            new ResourceCatalogue(ctx -> other.api(), other.clock()).read(other.api(), "sequentum://agents/1/cost-breakdown");
            assertThat(ApiStub.target(other.take())).isEqualTo("/api/v1/billing/agents/1?startDate=2026-01-01T00%3A00%3A00.000Z"
                    + "&endDate=2026-01-31T23%3A59%3A59.123Z&timeUnit=day");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sequentum://agents/abc|agentId",
            "sequentum://agents/0|agentId",
            "sequentum://agents/042|agentId",
            "sequentum://agents/-1|agentId",
            "sequentum://agents/1.5|agentId",
            "sequentum://agents/42?x=1|agentId",
            "sequentum://agents/%34%32|agentId",
            "sequentum://agents/12345678901234567890|agentId",
            "sequentum://agents/42/runs/0|runId",
            "sequentum://agents/x/runs/1/files|agentId",
            "sequentum://agents/1/runs/ 2/diagnostics|runId",
            "sequentum://spaces/five|spaceId",
            "sequentum://spaces/5e2/agents|spaceId",
    })
    void invalidUriVariablesAreRejectedWithoutAnUpstreamCall(String uri, String variable) {
        McpError e = failure(uri);

        assertThat(e.getJsonRpcError().code()).isEqualTo(-32602);
        assertThat(e.getMessage()).isEqualTo("Unknown resource URI: " + uri + " (invalid " + variable + ": must be a positive integer)");
        assertThat(api.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequentum://unknown", "sequentum://agents/", "sequentum://agents/42/", "sequentum://Agents",
            "sequentum://agents/42/runs/1/files/2", "file:///etc/passwd", ""})
    void unknownUrisAreResourceNotFound(String uri) {
        McpError e = failure(uri);

        assertThat(e.getJsonRpcError().code()).isEqualTo(-32002);
        assertThat(e.getMessage()).isEqualTo("Unknown resource URI: " + uri);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void upstreamErrorsBecomeInternalErrorsWithTheApiMessage() {
        api.json(404, "{\"message\":\"Agent not found\"}");
        McpError e = failure("sequentum://agents/42");
        assertThat(e.getJsonRpcError().code()).isEqualTo(-32603);
        assertThat(e.getMessage()).isEqualTo("Failed to read resource sequentum://agents/42: Agent not found");

        api.empty(404);
        assertThat(failure("sequentum://agents/42/latest-failure").getMessage())
                .isEqualTo("Failed to read resource sequentum://agents/42/latest-failure: API Error 404: Not Found");
    }

    @Test
    void missingCredentialsAreReportedWithoutACall() {
        api.credentials(new Credentials(null, null));
        McpError e = failure("sequentum://spaces");
        assertThat(e.getMessage()).startsWith("Failed to read resource sequentum://spaces: No authentication configured");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void unauthorisedResponsesNeverEchoTheKey() {
        api.json(401, "{\"message\":\"Invalid API key\"}");
        McpError e = failure("sequentum://billing/balance");
        assertThat(e.getMessage()).isEqualTo("Failed to read resource sequentum://billing/balance: Invalid API key")
                .doesNotContain(ApiStub.API_KEY);
    }

    @Test
    void largeArraysAreCutAtElementBoundariesWithAPagingNote() {
        String row = "{\"id\":%d,\"name\":\"" + "n".repeat(1000) + "\"}";
        StringBuilder body = new StringBuilder("{\"agents\":[");
        for (int i = 1; i <= 400; i++) body.append(i > 1 ? "," : "").append(String.format(row, i));
        api.json(body.append("],\"totalRecordCount\":400}").toString());

        ReadResourceResult r = catalogue.read(api.api(), "sequentum://agents");

        assertThat(r.contents()).hasSize(2);
        String json = ((TextResourceContents) r.contents().get(0)).text();
        assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(256 * 1024);
        var parsed = ApiStub.parse(json);
        assertThat(parsed.isArray()).isTrue();
        int kept = parsed.size();
        assertThat(kept).isBetween(200, 399);
        assertThat(parsed.get(kept - 1).get("id").asInt()).isEqualTo(kept);
        TextResourceContents note = (TextResourceContents) r.contents().get(1);
        assertThat(note.mimeType()).isEqualTo("text/plain");
        assertThat(note.text()).isEqualTo("The response was larger than 256 KiB, so only the first " + kept
                + " of 400 records are shown. To see the rest, call list_agents with {\"pageIndex\": 1, "
                + "\"recordsPerPage\": 20}, then pageIndex 2, 3 and so on.");
    }

    @Test
    void largeArrayMembersOfObjectsAreCutAndTheNoteNamesTheIds() {
        StringBuilder body = new StringBuilder("{\"agentId\":42,\"runs\":[");
        for (int i = 1; i <= 300; i++) body.append(i > 1 ? "," : "").append("{\"runId\":").append(i)
                .append(",\"log\":\"").append("x".repeat(1200)).append("\"}");
        api.json(body.append("],\"totalRecordCount\":300}").toString());

        ReadResourceResult r = catalogue.read(api.api(), "sequentum://agents/42/runs");

        var parsed = ApiStub.parse(((TextResourceContents) r.contents().get(0)).text());
        assertThat(parsed.get("agentId").asInt()).isEqualTo(42);
        assertThat(parsed.get("totalRecordCount").asInt()).isEqualTo(300);
        int kept = parsed.get("runs").size();
        assertThat(kept).isBetween(100, 299);
        assertThat(((TextResourceContents) r.contents().get(1)).text()).isEqualTo("The response was larger than 256 KiB, "
                + "so only the first " + kept + " of 300 entries of \"runs\" are shown. To see the rest, call "
                + "get_agent_runs with {\"agentId\": 42, \"maxRecords\": 10}.");
    }

    @Test
    void aHugeScalarIsCutAtALineBreak() {
        api.json("{\"a\":\"" + "y".repeat(300_000) + "\",\"b\":1}");
        ReadResourceResult r = catalogue.read(api.api(), "sequentum://agents/7");
        assertThat(((TextResourceContents) r.contents().get(0)).text()).isEqualTo("{");
        assertThat(((TextResourceContents) r.contents().get(1)).text()).startsWith(
                "The response was larger than 256 KiB and was cut at a line break");
    }

    @Test
    void responsesUnderTheLimitAreUntouched() {
        api.json("[" + "1,".repeat(1000) + "1]");
        assertThat(catalogue.read(api.api(), "sequentum://spaces").contents()).hasSize(1);
    }

    @Test
    void findRoutesUrisToTheirDefinition() {
        assertThat(ResourceCatalogue.find("sequentum://agents/1/runs/2").orElseThrow().name()).isEqualTo("Run Status");
        assertThat(ResourceCatalogue.find("sequentum://agents").orElseThrow().name()).isEqualTo("Agent List");
        assertThat(ResourceCatalogue.find("sequentum://agents/1/runs/2/x")).isEmpty();
        assertThat(List.of(ResourceCatalogue.staticResources().size(), ResourceCatalogue.templates().size()))
                .containsExactly(7, 11);
    }
}
