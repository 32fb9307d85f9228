package com.sequentum.mcp.tools;

import com.sequentum.mcp.api.Requests.RunsSummaryQuery;
import java.util.List;

/** Analytics & Diagnostics: get_runs_summary, get_records_summary, get_run_diagnostics, get_latest_failure. */
public final class AnalyticsTools {
    private AnalyticsTools() {}

    public static List<ToolSpec> tools() {
        return List.of(getRunsSummary(), getRecordsSummary(), getRunDiagnostics(), getLatestFailure());
    }

    static ToolSpec getRunsSummary() {
        return new ToolSpec("get_runs_summary", "Get Runs Summary", Category.ANALYTICS,
                "Summarises runs across all agents for a period: totals of completed, failed, completed-with-errors, "
                        + "running, queued and stopped runs, plus details of the failed runs (agent, space, times, error). "
                        + "Without dates the API covers the last 24 hours. Good for a daily health check.",
                Schema.object()
                        .string("startDate", "Start of the period, ISO 8601 (e.g. 2026-01-01 or 2026-01-01T00:00:00Z). "
                                + "Default: 24 hours ago.", false)
                        .string("endDate", "End of the period, ISO 8601. Default: now.", false)
                        .string("status", "Only runs with this status: Failed, Completed, CompletedWithErrors or Running.",
                                false)
                        .bool("includeDetails", "Include the per-run details of failed runs (default true).", false)
                        .build(),
                Hints.reading(), (ctx, a) -> {
                    String startDate = a.string("startDate", false);
                    String endDate = a.string("endDate", false);
                    String status = a.string("status", false);
                    Boolean includeDetails = a.bool("includeDetails", false);
                    return ToolResult.json(ctx.api().runsSummary(
                            new RunsSummaryQuery(startDate, endDate, status, includeDetails)));
                });
    }

    static ToolSpec getRecordsSummary() {
        return new ToolSpec("get_records_summary", "Get Records Summary", Category.ANALYTICS,
                "Totals of records extracted and exported, errors, page loads and run count for a period, for all agents "
                        + "or for one agent.",
                Schema.object()
                        .string("startDate", "Start of the period, ISO 8601 (e.g. 2026-01-01).", false)
                        .string("endDate", "End of the period, ISO 8601.", false)
                        .number("agentId", "Only count this agent's runs (ID from list_agents or search_agents).", false)
                        .build(),
                Hints.reading(), (ctx, a) -> {
                    String startDate = a.string("startDate", false);
                    String endDate = a.string("endDate", false);
                    Long agentId = a.optionalId("agentId");
                    return ToolResult.json(ctx.api().recordsSummary(startDate, endDate, agentId));
                });
    }

    static ToolSpec getRunDiagnostics() {
        return new ToolSpec("get_run_diagnostics", "Get Run Diagnostics", Category.ANALYTICS,
                "Diagnoses one run: status, error message, runtime, statistics (records, inputs, errors, pages, exports, "
                        + "traffic), likely causes and suggested actions. Use it to understand why a run failed.",
                RunTools.runIds().build(),
                Hints.reading(), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    return ToolResult.json(ctx.api().runDiagnostics(agentId, runId));
                });
    }

    static ToolSpec getLatestFailure() {
        return new ToolSpec("get_latest_failure", "Get Latest Failure", Category.ANALYTICS,
                "Diagnoses an agent's most recent failed run (same details as get_run_diagnostics) without needing its "
                        + "runId. Answers Not Found when the agent has no failed runs.",
                Schema.object().number("agentId", RunTools.AGENT_ID, true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().latestFailure(a.id("agentId"))));
    }
}
