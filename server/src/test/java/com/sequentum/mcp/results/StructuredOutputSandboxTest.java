package com.sequentum.mcp.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.RetryPolicy;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.calls.CallControl;
import com.sequentum.mcp.calls.Cancellation;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolContext;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolRunner;
import com.sequentum.mcp.tools.ToolSpec;
import com.sequentum.sandbox.SandboxConfig;
import com.sequentum.sandbox.SandboxServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tool, at least once, against the in-process sandbox: each successful result's structuredContent validates
 * against the tool's outputSchema with the SDK's own validator, and the text is unchanged JSON of the same value.
 */
class StructuredOutputSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static SandboxServer sb;
    static SequentumApi api;
    static final Set<String> covered = new TreeSet<>();

    @BeforeAll
    static void start() {
        sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000));
        ApiHttp http = new ApiHttp(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), sb.baseUrl(),
                Duration.ofSeconds(10), RetryPolicy.none(), d -> { }, Clock.systemUTC(), new ObjectMapper());
        api = new SequentumApi(http, Credentials.apiKey(sb.apiKey()));
    }

    @AfterAll
    static void stop() { sb.close(); }

    static ToolResult call(String tool, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) args.put((String) kv[i], kv[i + 1]);
        ToolSpec spec = ToolCatalogue.find(tool).orElseThrow();
        CallControl fast = new CallControl(new Cancellation(), System::nanoTime, (d, c) -> Thread.sleep(20),
                CallControl.ProgressSink.NONE);
        ToolResult r = ToolRunner.run(spec, new ToolContext(api, Clock.systemUTC(), null, null, false, fast, 100 * 1024), args);
        Structured.assertValid(tool, r);
        covered.add(tool);
        return r;
    }

    static JsonNode s(ToolResult r) { return r.structured(); }

    @Test
    void everyToolsStructuredContentValidatesAgainstItsOutputSchema() throws Exception {
        int agentId = sb.state().reliableStartableAgents().get(0);
        int failing = sb.state().agentsFailingByDesign().get(0);
        // Agents
        JsonNode page = s(call("list_agents", "recordsPerPage", 100));
        assertThat(page.get("agents").size()).isEqualTo(page.at("/pagination/totalRecordCount").asInt());
        call("get_agent", "agentId", agentId);
        assertThat(s(call("search_agents", "query", "a")).get("items").isArray()).isTrue();
        // Runs: a waited start that completes, then its data
        JsonNode run = s(call("start_agent", "agentId", agentId, "waitSeconds", 30));
        assertThat(run.get("status").asText()).isEqualTo("Completed");
        assertThat(run.get("finished").asBoolean()).isTrue();
        long runId = run.get("runId").asLong();
        call("get_run_status", "agentId", agentId, "runId", runId);
        call("get_agent_runs", "agentId", agentId, "maxRecords", 5);
        JsonNode files = s(call("get_run_files", "agentId", agentId, "runId", runId)).get("items");
        long fileId = files.get(0).get("id").asLong();
        call("get_file_download_url", "agentId", agentId, "runId", runId, "fileId", fileId);
        JsonNode data = s(call("get_run_data", "agentId", agentId, "runId", runId, "fileId", fileId, "limit", 3));
        assertThat(data.get("returnedRows").asInt()).isEqualTo(Math.min(3, run.get("recordsExported").asInt()));
        // Stop and kill runs that are in flight (seeded), found through the tools
        long[] active = activeRuns(page, 2);
        call("stop_agent", "agentId", active[0], "runId", active[1]);
        call("kill_agent", "agentId", active[2], "runId", active[3]);
        // Versions
        JsonNode versions = s(call("get_agent_versions", "agentId", agentId)).get("items");
        call("restore_agent_version", "agentId", agentId, "versionNumber", versions.get(0).get("version").asLong(),
                "comments", "structured output test");
        // Schedules
        call("list_agent_schedules", "agentId", agentId);
        JsonNode created = s(call("create_agent_schedule", "agentId", agentId, "name", "daily", "cronExpression", "0 9 * * *",
                "timezone", "UTC"));
        long scheduleId = created.get("id").asLong();
        call("get_agent_schedule", "agentId", agentId, "scheduleId", scheduleId);
        call("update_agent_schedule", "agentId", agentId, "scheduleId", scheduleId, "name", "daily 10",
                "cronExpression", "0 10 * * *");
        call("disable_agent_schedule", "agentId", agentId, "scheduleId", scheduleId);
        call("enable_agent_schedule", "agentId", agentId, "scheduleId", scheduleId);
        call("get_scheduled_runs");
        call("delete_agent_schedule", "agentId", agentId, "scheduleId", scheduleId);
        // Billing
        String end = Instant.now().toString();
        String startDate = Instant.now().minus(Duration.ofDays(30)).toString();
        call("get_credits_balance");
        call("get_spending_summary", "startDate", startDate, "endDate", end);
        call("get_credit_history", "pageIndex", 1, "recordsPerPage", 10);
        call("get_agents_usage", "startDate", startDate, "endDate", end);
        call("get_agent_cost_breakdown", "agentId", agentId, "startDate", startDate, "endDate", end, "timeUnit", "day");
        call("get_agent_runs_cost", "agentId", agentId, "startDate", startDate, "endDate", end);
        // Spaces
        JsonNode spaces = s(call("list_spaces")).get("items");
        long spaceId = spaces.get(0).get("id").asLong();
        call("get_space", "spaceId", spaceId);
        call("get_space_agents", "spaceId", spaceId);
        JsonNode retail = s(call("search_space_by_name", "name", "Retail Price Intelligence"));
        call("run_space_agents", "spaceId", retail.get("id").asLong());
        // Analytics
        call("get_runs_summary", "startDate", startDate, "endDate", end, "includeDetails", true);
        call("get_records_summary", "agentId", agentId);
        JsonNode failure = s(call("get_latest_failure", "agentId", failing));
        call("get_run_diagnostics", "agentId", failing, "runId", failure.get("runId").asLong());
        // Agent Builder: one build followed to the end, one started and stopped
        JsonNode built = s(call("start_agent_build", "prompt", "Collect every product title and price on https://example.com/shop",
                "waitForCompletion", true));
        assertThat(built.get("finished").asBoolean()).as(built.toString()).isTrue();
        call("get_agent_build_status", "sessionId", built.get("sessionId").asText());
        JsonNode session = s(call("start_agent_build", "prompt", "Collect every headline on https://news.example.com"));
        call("stop_agent_build", "sessionId", session.get("sessionId").asText());
        // Deleting the finished run last
        call("delete_run", "agentId", agentId, "runId", runId);

        assertThat(covered).containsExactlyInAnyOrderElementsOf(ToolCatalogue.all().stream().map(ToolSpec::name).toList());
    }

    /** n (agentId, runId) pairs of runs that are in flight, found with get_agent_runs. */
    private static long[] activeRuns(JsonNode page, int n) {
        Set<String> inFlight = Set.of("Running", "Queued", "Queuing", "Starting", "WaitingOnFailure");
        long[] out = new long[n * 2];
        int found = 0;
        for (JsonNode a : page.get("agents")) {
            ToolResult r = ToolRunner.run(ToolCatalogue.find("get_agent_runs").orElseThrow(), ToolContext.of(api, Clock.systemUTC()),
                    Map.of("agentId", a.get("id").asInt()));
            for (JsonNode run : r.structured().path("items")) {
                if (found < n && inFlight.contains(run.path("status").asText())) {
                    out[found * 2] = a.get("id").asLong();
                    out[found * 2 + 1] = run.get("id").asLong();
                    found++;
                }
            }
        }
        assertThat(found).as("in-flight runs in the seeded account").isEqualTo(n);
        return out;
    }
}
