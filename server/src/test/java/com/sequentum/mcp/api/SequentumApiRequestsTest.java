package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.api.Requests.AgentListQuery;
import com.sequentum.mcp.api.Requests.AgentRunsCostQuery;
import com.sequentum.mcp.api.Requests.AgentsUsageQuery;
import com.sequentum.mcp.api.Requests.CostBreakdownQuery;
import com.sequentum.mcp.api.Requests.ScheduleRequest;
import com.sequentum.mcp.testing.ApiStub;
import java.util.function.Consumer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client-level request construction: exact URLs (A5, A30–A32) and schedule bodies without tool defaults (A22, A25). */
class SequentumApiRequestsTest {
    private static final String JAN_START = "2024-01-01T00:00:00Z";
    private static final String JAN_END = "2024-01-31T23:59:59Z";
    private static final String JAN = "startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-31T23%3A59%3A59Z";

    private final ApiStub stub = ApiStub.start();

    @AfterEach
    void close() { stub.close(); }

    private RecordedRequest sent(String answer, Consumer<SequentumApi> call) {
        stub.json(answer);
        call.accept(stub.api());
        return stub.take();
    }

    private String url(Consumer<SequentumApi> call) { return ApiStub.target(sent("{}", call)); }

    private static AgentListQuery filters(Integer status, Long spaceId, String name, String configType, String sortColumn,
            Integer sortOrder, Integer pageIndex, Integer recordsPerPage) {
        return new AgentListQuery(status, spaceId, name, configType, sortColumn, sortOrder, pageIndex, recordsPerPage);
    }

    // ---- A4/A5 agent list filters ----------------------------------------------------------------------

    @Test
    void agentListWithoutFiltersHasNoQuery() {
        assertThat(url(a -> a.listAgents(filters(null, null, null, null, null, null, null, null)))).isEqualTo("/api/v1/agent/all");
        assertThat(url(a -> a.listAgents(filters(null, null, "", "", "", null, null, null)))).isEqualTo("/api/v1/agent/all");
    }

    @Test
    void agentListSingleFilters() {
        assertThat(url(a -> a.listAgents(filters(1, null, null, null, null, null, null, null)))).isEqualTo("/api/v1/agent/all?status=1");
        assertThat(url(a -> a.listAgents(filters(null, 42L, null, null, null, null, null, null)))).isEqualTo("/api/v1/agent/all?spaceId=42");
        assertThat(url(a -> a.listAgents(filters(null, null, "test agent", null, null, null, null, null))))
                .isEqualTo("/api/v1/agent/all?name=test+agent");
        assertThat(url(a -> a.listAgents(filters(null, null, null, "Agent", null, null, null, null))))
                .isEqualTo("/api/v1/agent/all?configType=Agent");
        assertThat(url(a -> a.listAgents(filters(null, null, null, null, "name", null, null, null))))
                .isEqualTo("/api/v1/agent/all?sortColumn=name");
        assertThat(url(a -> a.listAgents(filters(null, null, null, null, null, 1, null, null)))).isEqualTo("/api/v1/agent/all?sortOrder=1");
        assertThat(url(a -> a.listAgents(filters(null, null, null, null, null, null, 2, null)))).isEqualTo("/api/v1/agent/all?pageIndex=2");
        assertThat(url(a -> a.listAgents(filters(null, null, null, null, null, null, null, 25))))
                .isEqualTo("/api/v1/agent/all?recordsPerPage=25");
        assertThat(url(a -> a.listAgents(filters(0, null, null, null, null, 0, null, null))))
                .isEqualTo("/api/v1/agent/all?status=0&sortOrder=0");
    }

    @Test
    void agentListCombinedFiltersKeepTheirOrder() {
        assertThat(url(a -> a.listAgents(filters(1, 10L, "bot", null, null, null, null, null))))
                .isEqualTo("/api/v1/agent/all?status=1&spaceId=10&name=bot");
        assertThat(url(a -> a.listAgents(filters(null, null, null, null, "lastActivity", 1, 1, 50))))
                .isEqualTo("/api/v1/agent/all?sortColumn=lastActivity&sortOrder=1&pageIndex=1&recordsPerPage=50");
        assertThat(url(a -> a.listAgents(filters(1, 5L, "test", "Agent", "name", 0, 1, 20))))
                .isEqualTo("/api/v1/agent/all?status=1&spaceId=5&name=test&configType=Agent&sortColumn=name&sortOrder=0"
                        + "&pageIndex=1&recordsPerPage=20");
        assertThat(url(a -> a.listAgents(AgentListQuery.firstPage()))).isEqualTo("/api/v1/agent/all?pageIndex=1&recordsPerPage=50");
    }

    // ---- other single-resource URLs ------------------------------------------------------------------------

    @Test
    void pathUrls() {
        assertThat(url(a -> a.getAgent(42))).isEqualTo("/api/v1/agent/42");
        assertThat(url(a -> a.searchAgents(" price ", 5))).isEqualTo("/api/v1/agent/search?query=+price+&maxRecords=5");
        assertThat(url(a -> a.getAgentRuns(42, null))).isEqualTo("/api/v1/agent/42/runs");
        assertThat(url(a -> a.getAgentRuns(42, 100))).isEqualTo("/api/v1/agent/42/runs?maxRecords=100");
        assertThat(url(a -> a.getRunStatus(5, 7))).isEqualTo("/api/v1/agent/5/run/7/status");
        assertThat(url(a -> a.getRunFiles(42, 123))).isEqualTo("/api/v1/agent/42/run/123/files");
        assertThat(url(a -> a.getAgentVersions(42))).isEqualTo("/api/v1/agent/42/versions");
        assertThat(url(a -> a.listSchedules(42))).isEqualTo("/api/v1/agent/42/schedules");
        assertThat(url(a -> a.getSchedule(42, 10))).isEqualTo("/api/v1/agent/42/schedules/10");
        assertThat(url(a -> a.upcomingSchedules("2024-01-01", "2024-01-31")))
                .isEqualTo("/api/v1/analytics/schedules/upcoming?startDate=2024-01-01&endDate=2024-01-31");
        assertThat(url(a -> a.creditsBalance())).isEqualTo("/api/v1/billing/credits");
        assertThat(url(a -> a.spendingSummary("2024-01-01", "2024-01-07")))
                .isEqualTo("/api/v1/billing/spending?startDate=2024-01-01&endDate=2024-01-07");
        assertThat(url(a -> a.creditHistory(2, 100))).isEqualTo("/api/v1/billing/history?pageIndex=2&recordsPerPage=100");
        assertThat(url(a -> a.listSpaces())).isEqualTo("/api/v1/spaces");
        assertThat(url(a -> a.getSpaceAgents(5))).isEqualTo("/api/v1/spaces/5/agents");
        assertThat(url(a -> a.searchSpaceByName("Test & Demo"))).isEqualTo("/api/v1/spaces/search?name=Test%20%26%20Demo");
        assertThat(url(a -> a.runDiagnostics(42, 123))).isEqualTo("/api/v1/analytics/agents/42/runs/123/diagnostics");
        assertThat(url(a -> a.latestFailure(42))).isEqualTo("/api/v1/analytics/agents/42/latest-failure");
    }

    // ---- A30–A32 billing ------------------------------------------------------------------------------------

    @Test
    void agentsUsageUrls() { // A30
        assertThat(url(a -> a.agentsUsage(new AgentsUsageQuery(JAN_START, JAN_END, null, null, null, null, null, null))))
                .isEqualTo("/api/v1/billing/agents?" + JAN);
        assertThat(url(a -> a.agentsUsage(new AgentsUsageQuery(JAN_START, JAN_END, 2, 100, "cost", 1, "Test",
                "Server Time,Export GB"))))
                .isEqualTo("/api/v1/billing/agents?" + JAN
                        + "&pageIndex=2&recordsPerPage=100&sortColumn=cost&sortOrder=1&name=Test&usageTypes=Server+Time%2CExport+GB");
    }

    @Test
    void costBreakdownUrls() { // A31
        assertThat(url(a -> a.agentCostBreakdown(123, new CostBreakdownQuery(JAN_START, "2024-01-03T23:59:59Z", null, null))))
                .isEqualTo("/api/v1/billing/agents/123?startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-03T23%3A59%3A59Z");
        assertThat(url(a -> a.agentCostBreakdown(123, new CostBreakdownQuery(JAN_START, "2024-01-03T23:59:59Z", "month",
                "Server Time"))))
                .isEqualTo("/api/v1/billing/agents/123?startDate=2024-01-01T00%3A00%3A00Z&endDate=2024-01-03T23%3A59%3A59Z"
                        + "&timeUnit=month&usageTypes=Server+Time");
    }

    @Test
    void agentRunsCostUrls() { // A32
        assertThat(url(a -> a.agentRunsCost(123, new AgentRunsCostQuery(JAN_START, JAN_END, null, null, null, null, null))))
                .isEqualTo("/api/v1/billing/agents/123/runs?" + JAN);
        assertThat(url(a -> a.agentRunsCost(123, new AgentRunsCostQuery(JAN_START, JAN_END, 1, 50, "cost", 1, "Proxy Data"))))
                .isEqualTo("/api/v1/billing/agents/123/runs?" + JAN
                        + "&pageIndex=1&recordsPerPage=50&sortColumn=cost&sortOrder=1&usageTypes=Proxy+Data");
    }

    // ---- A22/A25 schedule bodies at client level ----------------------------------------------------------------

    private static ScheduleRequest schedule(String name, Integer type, String cron, String start, Integer count,
            Integer period, String tz, String input, Boolean enabled, Integer parallelism) {
        return new ScheduleRequest(name, type, cron, start, count, period, tz, input, enabled, parallelism, null, null,
                null, null, null, null);
    }

    @Test
    void createWithoutATypeSendsOnlyNameCronAndTheTwoDefaults() { // A22
        RecordedRequest r = sent("{\"id\":1}", a -> a.createSchedule(42,
                schedule("New Schedule", null, "0 9 * * *", null, null, null, null, null, null, null)));

        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(r)).isEqualTo("/api/v1/agent/42/schedules");
        assertThat(ApiStub.body(r)).isEqualTo("{\"Name\":\"New Schedule\",\"IsEnabled\":true,\"Parallelism\":1,"
                + "\"CronExpression\":\"0 9 * * *\"}");
    }

    @Test
    void createWithEveryOptionKeepsTheApiOrder() { // A22
        RecordedRequest full = sent("{}", a -> a.createSchedule(42, schedule("S", 3, "0 9 * * 1,4", null, null, null,
                "America/New_York", "{\"k\":\"v\"}", false, 3)));
        assertThat(ApiStub.body(full)).isEqualTo("{\"Name\":\"S\",\"IsEnabled\":false,\"Parallelism\":3,\"ScheduleType\":3,"
                + "\"CronExpression\":\"0 9 * * 1,4\",\"Timezone\":\"America/New_York\",\"InputParameters\":\"{\\\"k\\\":\\\"v\\\"}\"}");

        RecordedRequest once = sent("{}", a -> a.createSchedule(42, schedule("O", 1, null, "2026-01-20T14:30:00Z", null, null,
                null, null, null, null)));
        assertThat(ApiStub.body(once)).isEqualTo("{\"Name\":\"O\",\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":1,"
                + "\"StartTime\":\"2026-01-20T14:30:00Z\"}");

        RecordedRequest every = sent("{}", a -> a.createSchedule(42, schedule("E", 2, null, "2026-01-17T10:00:00Z", 30, 1,
                "America/Santiago", null, null, null)));
        assertThat(ApiStub.body(every)).isEqualTo("{\"Name\":\"E\",\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":2,"
                + "\"StartTime\":\"2026-01-17T10:00:00Z\",\"RunEveryCount\":30,\"RunEveryPeriod\":1,\"Timezone\":\"America/Santiago\"}");

        RecordedRequest rest = sent("{}", a -> a.createSchedule(42, new ScheduleRequest("R", null, null, null, null, null,
                null, null, null, null, 2, "Separated", "Warning", "TextAndHtml", true, false)));
        assertThat(ApiStub.body(rest)).isEqualTo("{\"Name\":\"R\",\"IsEnabled\":true,\"Parallelism\":1,"
                + "\"ParallelMaxConcurrency\":2,\"ParallelExport\":\"Separated\",\"LogLevel\":\"Warning\","
                + "\"LogMode\":\"TextAndHtml\",\"IsExclusive\":true,\"IsWaitOnFailure\":false}");
    }

    @Test
    void updateSendsOnlyWhatIsSet() { // A25
        RecordedRequest r = sent("{}", a -> a.updateSchedule(42, 10,
                schedule("Updated", null, "0 10 * * *", null, null, null, null, null, null, null)));

        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(ApiStub.target(r)).isEqualTo("/api/v1/agent/42/schedules/10");
        assertThat(ApiStub.body(r)).isEqualTo("{\"Name\":\"Updated\",\"CronExpression\":\"0 10 * * *\"}");

        RecordedRequest every = sent("{}", a -> a.updateSchedule(42, 10, schedule("U", 2, null, null, 30, 1, null, null, false, 3)));
        assertThat(ApiStub.body(every)).isEqualTo("{\"Name\":\"U\",\"ScheduleType\":2,\"RunEveryCount\":30,\"RunEveryPeriod\":1,"
                + "\"IsEnabled\":false,\"Parallelism\":3}");
    }

    @Test
    void voidCallsUseTheRightMethodAndNoBody() {
        stub.empty(204).empty(204).empty(204).empty(204).empty(204).empty(204);
        SequentumApi api = stub.api();

        api.deleteSchedule(42, 123);
        api.enableSchedule(42, 10);
        api.disableSchedule(42, 10);
        api.stopRun(42, 123);
        api.killRun(42, 123);
        api.deleteRun(42, 5201, "RemoveAllFiles");

        String[][] expected = {{"DELETE", "/api/v1/agent/42/schedules/123"}, {"POST", "/api/v1/agent/42/schedules/10/enable"},
                {"POST", "/api/v1/agent/42/schedules/10/disable"}, {"POST", "/api/v1/agent/42/run/123/stop"},
                {"POST", "/api/v1/agent/42/run/123/kill"}, {"DELETE", "/api/v1/agent/42/run/5201?removeMethod=RemoveAllFiles"}};
        for (String[] e : expected) {
            RecordedRequest r = stub.take();
            assertThat(r.getMethod()).isEqualTo(e[0]);
            assertThat(ApiStub.target(r)).isEqualTo(e[1]);
            assertThat(ApiStub.body(r)).isEmpty();
        }
    }
}
