package com.sequentum.mcp.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.json.RecordTruncation;
import com.sequentum.mcp.testing.ApiStub;
import com.sequentum.mcp.tools.ResultBudget;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolContext;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result budget on a large account: whole records only, and the exact arguments that fetch the rest. */
class ResultBudgetTest {
    static String agents(int n) {
        StringBuilder sb = new StringBuilder("{\"agents\":[");
        for (int i = 1; i <= n; i++) {
            if (i > 1) sb.append(',');
            sb.append("{\"id\":").append(i).append(",\"name\":\"Agent ").append(i).append("\",\"description\":\"")
                    .append("x".repeat(1500)).append("\",\"status\":9}");
        }
        return sb.append("],\"totalRecordCount\":5000}").toString();
    }

    static ToolResult call(ApiStub api, int budget, String tool, Map<String, Object> args) {
        return ToolRunner.run(ToolCatalogue.find(tool).orElseThrow(), ToolContext.of(api.api(), api.clock()).withBudget(budget), args);
    }

    @Test
    void aLargePageIsCutAtARecordBoundaryWithTheNextPageArguments() {
        try (ApiStub api = ApiStub.start()) {
            api.json(agents(100));
            ToolResult r = call(api, ResultBudget.DEFAULT_BYTES, "list_agents", Map.of("recordsPerPage", 100, "pageIndex", 2, "status", 9));

            assertThat(RecordTruncation.utf8Length(r.text())).isLessThanOrEqualTo(ResultBudget.DEFAULT_BYTES);
            JsonNode s = r.structured();
            int shown = s.get("agents").size();
            assertThat(shown).isEqualTo(s.at("/truncation/shown").asInt()).isBetween(50, 99);
            assertThat(s.at("/truncation/total").asInt()).isEqualTo(100);
            assertThat(s.get("agents").get(shown - 1).get("id").asInt()).isEqualTo(shown);
            // the JSON part is whole, valid and equal to the structured list
            String json = r.text().substring(0, r.text().indexOf("\n\n[Result shortened"));
            assertThat(ApiStub.parse(json).get("agents")).isEqualTo(s.get("agents"));
            // offset 100 + shown; the largest page size <= shown that divides it
            int offset = 100 + shown;
            int per = shown;
            while (offset % per != 0) per--;
            String next = "To continue, call list_agents {\"pageIndex\":" + (offset / per + 1) + ",\"recordsPerPage\":" + per
                    + ",\"status\":9} and keep increasing pageIndex.";
            assertThat(r.text()).endsWith("[Result shortened: only the first " + shown + " of 100 entries of \"agents\" are shown, "
                    + "because the full result exceeds the 102400-byte result budget. " + next + "]");
            assertThat(s.at("/truncation/next").asText()).isEqualTo(next);
            Structured.assertValid("list_agents", r);
        }
    }

    @Test
    void aSmallerBudgetAndTheFirstPageGiveASimpleContinuation() {
        try (ApiStub api = ApiStub.start()) {
            api.json(agents(50));
            ToolResult r = call(api, 8192, "list_agents", Map.of());
            int shown = r.structured().get("agents").size();
            assertThat(shown).isEqualTo(4);
            assertThat(r.structured().at("/truncation/next").asText())
                    .isEqualTo("To continue, call list_agents {\"pageIndex\":2,\"recordsPerPage\":4} and keep increasing pageIndex.");
        }
    }

    @Test
    void listsWithoutOffsetsSayHowToGetWhatFitsAndDateListsContinueFromTheFirstOmittedDate() {
        try (ApiStub api = ApiStub.start()) {
            StringBuilder runs = new StringBuilder("[");
            for (int i = 0; i < 40; i++) runs.append(i > 0 ? "," : "").append("{\"id\":").append(i)
                    .append(",\"errorMessage\":\"").append("e".repeat(500)).append("\"}");
            api.json(runs.append("]").toString());
            ToolResult r = call(api, 8192, "get_agent_runs", Map.of("agentId", 5));
            int shown = r.structured().get("items").size();
            assertThat(r.structured().at("/truncation/next").asText()).isEqualTo("get_agent_runs cannot skip records, so the rest "
                    + "cannot be fetched page by page. Call get_agent_runs {\"agentId\":5,\"maxRecords\":" + shown
                    + "} to get only the records that fit, or narrow the request.");

            StringBuilder upcoming = new StringBuilder("[");
            for (int i = 0; i < 40; i++) upcoming.append(i > 0 ? "," : "").append("{\"scheduleId\":").append(i)
                    .append(",\"nextRunTime\":\"2026-03-").append(10 + i / 2).append("T0").append(i % 2).append(":00:00Z\",\"agentName\":\"")
                    .append("n".repeat(400)).append("\"}");
            api.json(upcoming.append("]").toString());
            r = call(api, 8192, "get_scheduled_runs", Map.of("startDate", "2026-03-01", "endDate", "2026-04-01"));
            shown = r.structured().get("items").size();
            String first = r.structured().get("items").get(0).get("nextRunTime").asText();
            assertThat(first).isEqualTo("2026-03-10T00:00:00Z");
            String omitted = "2026-03-" + (10 + shown / 2) + "T0" + (shown % 2) + ":00:00Z";
            assertThat(r.structured().at("/truncation/next").asText()).isEqualTo("The omitted records start at nextRunTime "
                    + omitted + ". To continue, call get_scheduled_runs {\"endDate\":\"2026-04-01\",\"startDate\":\""
                    + omitted + "\"} (records at exactly that time may appear again).");
        }
    }

    @Test
    void singleRecordsAndSmallResultsAreNeverCut() {
        try (ApiStub api = ApiStub.start()) {
            api.json("{\"id\":5,\"documentation\":\"" + "d".repeat(20_000) + "\"}");
            ToolResult r = call(api, 8192, "get_agent", Map.of("agentId", 5));
            assertThat(r.text()).endsWith("\"\n}");
            assertThat(r.structured().has("truncation")).isFalse();
        }
    }

    @Test
    void theBudgetComesFromTheEnvironment() {
        assertThat(ResultBudget.fromEnvironment(Map.of())).isEqualTo(102_400);
        assertThat(ResultBudget.fromEnvironment(Map.of("SEQUENTUM_RESULT_BUDGET_BYTES", "50000"))).isEqualTo(50_000);
        assertThatThrownBy(() -> ResultBudget.fromEnvironment(Map.of("SEQUENTUM_RESULT_BUDGET_BYTES", "10")))
                .hasMessage("Error: SEQUENTUM_RESULT_BUDGET_BYTES must be a whole number of bytes between 4096 and 2147483647, got \"10\"");
    }
}
