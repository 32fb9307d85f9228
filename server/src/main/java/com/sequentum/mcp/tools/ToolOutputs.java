package com.sequentum.mcp.tools;

import static com.sequentum.mcp.tools.OutputSchema.any;
import static com.sequentum.mcp.tools.OutputSchema.arrayOf;
import static com.sequentum.mcp.tools.OutputSchema.bool;
import static com.sequentum.mcp.tools.OutputSchema.list;
import static com.sequentum.mcp.tools.OutputSchema.num;
import static com.sequentum.mcp.tools.OutputSchema.plus;
import static com.sequentum.mcp.tools.OutputSchema.record;
import static com.sequentum.mcp.tools.OutputSchema.root;
import static com.sequentum.mcp.tools.OutputSchema.rootRequiring;
import static com.sequentum.mcp.tools.OutputSchema.status;
import static com.sequentum.mcp.tools.OutputSchema.str;
import static com.sequentum.mcp.tools.OutputSchema.truncation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The output side of the catalogue: for every tool its {@code outputSchema} and, for list results, which array the
 * result budget may shorten and how to fetch what was left out ({@link Paging}). Keyed by tool name; the
 * catalogue test checks that every tool has exactly one entry.
 */
public final class ToolOutputs {
    /** One tool's output: its schema, the array the budget may cut ({@code ""} = the result itself), the hint. */
    public record Output(ObjectNode schema, String pageField, Paging.Hint next) {}

    // ---- shapes of API records (fields as the API names them) -----------------------------------------------
    static final Object[] AGENT = {"id", num(), "name", str(), "description", str(), "documentation", str(),
            "icon", any(), "image", any(), "inputParameters", any(), "configType", str(), "proxyPoolId", num(),
            "spaceId", num(), "startUrl", str(), "status", status(), "userId", num(), "validationStatus", str(),
            "version", num(), "created", str(), "updated", str(), "lastActivity", str(), "agentTemplates", any()};
    static final ObjectNode SUMMARY = record("id", num(), "name", str(), "description", str(), "status", status(),
            "configType", str(), "version", num(), "lastActivity", str());
    static final Object[] RUN = {"id", num(), "configId", num(), "organizationId", num(), "status", status(),
            "startTime", str(), "endTime", str(), "startedBy", str(), "errorMessage", str(), "recordsExtracted", num(),
            "recordsExported", num(), "parallelism", num(), "parallelSet", any(), "logLevel", any(), "logMode", any()};
    static final Object[] SCHEDULE = {"id", num(), "configId", num(), "name", str(), "schedule", str(),
            "localSchedule", str(), "timezone", str(), "nextRunTime", str(), "startTime", str(), "scheduleType", status(),
            "isEnabled", bool(), "runEveryCount", num(), "runEveryPeriod", status(), "inputParameters", any(),
            "parallelism", num(), "parallelMaxConcurrency", num(), "parallelExport", any(), "proxyPoolId", num(),
            "logLevel", any(), "logMode", any(), "created", str(), "updated", str()};
    static final Object[] SPACE = {"id", num(), "name", str(), "description", str(), "organizationId", num(),
            "created", str(), "updated", str(), "isDefaultAccess", bool()};
    static final Object[] DIAGNOSTICS = {"runId", num(), "agentId", num(), "agentName", str(), "status", status(),
            "errorMessage", str(), "startTime", str(), "endTime", str(), "runtimeSeconds", num(),
            "stats", record("dataCount", num(), "inputCount", num(), "errorCount", num(), "pageCount", num(),
                    "exportCount", num(), "traffic", any()),
            "possibleCauses", arrayOf(any()), "suggestedActions", arrayOf(any())};
    /** The canonical run shape start_agent returns after a wait. */
    static final Object[] RUN_OUTCOME = {"runId", num(), "agentId", num(), "finished", bool(),
            "startTime", str(), "endTime", str(), "durationSeconds", num(), "waitedSeconds", num(), "summary", str(),
            "nextStep", str()};
    static final Object[] BUILD = {"sessionId", str(), "status", str(), "agentId", num(), "agentName", str(),
            "error", str()};

    private static final Map<String, Output> OUTPUTS = new HashMap<>();

    static {
        // Agents
        put("list_agents", root("agents", arrayOf(SUMMARY),
                "pagination", record("totalRecordCount", num(), "pageIndex", num(), "recordsPerPage", num()),
                "items", arrayOf(SUMMARY), "truncation", truncation()), "agents", Paging.LIST_AGENTS);
        put("get_agent", root(AGENT));
        put("search_agents", list(SUMMARY), "", Paging.maxRecords("search_agents", "query"));
        // Runs
        put("get_agent_runs", list(record(RUN)), "", Paging.maxRecords("get_agent_runs", "agentId"));
        put("get_run_status", root(RUN));
        put("start_agent", root(plus(plus(RUN, RUN_OUTCOME), "items", arrayOf(any()), "value", any())));
        put("stop_agent", fixed("stopped", "agentId", "runId"));
        put("kill_agent", fixed("killRequested", "agentId", "runId"));
        put("delete_run", rootRequiring(new String[] {"deleted", "agentId", "runId", "removeMethod", "runRecordKept"},
                "deleted", bool(), "agentId", num(), "runId", num(), "removeMethod", str(), "runRecordKept", bool()));
        // Files
        put("get_run_files", list(record("id", num(), "name", str(), "fileType", str(), "fileSize", str(),
                "created", str())));
        put("get_file_download_url", rootRequiring(new String[] {"downloadUrl", "agentId", "runId", "fileId"},
                "downloadUrl", OutputSchema.type("string"), "temporary", bool(), "agentId", num(), "runId", num(),
                "fileId", num()));
        put("get_run_data", RunDataTool.OUTPUT_SCHEMA, "rows", Paging.RUN_DATA);
        // Versions
        put("get_agent_versions", list(record("userName", str(), "version", num(), "created", str(), "comments", str(),
                "fileSize", num())));
        put("restore_agent_version", fixed("restored", "agentId", "versionNumber"));
        // Schedules
        put("list_agent_schedules", list(record(SCHEDULE)));
        put("create_agent_schedule", root(SCHEDULE));
        put("delete_agent_schedule", fixed("deleted", "agentId", "scheduleId"));
        put("get_agent_schedule", root(SCHEDULE));
        put("update_agent_schedule", root(SCHEDULE));
        put("enable_agent_schedule", fixed("enabled", "agentId", "scheduleId"));
        put("disable_agent_schedule", fixed("disabled", "agentId", "scheduleId"));
        put("get_scheduled_runs", list(record("scheduleId", num(), "agentId", num(), "agentName", str(),
                "scheduleName", str(), "nextRunTime", str(), "timezone", str(), "isEnabled", bool())), "",
                Paging.dateRange("get_scheduled_runs", "nextRunTime"));
        // Billing
        put("get_credits_balance", root("availableCredits", num(), "organizationId", num(), "retrievedAt", str()));
        put("get_spending_summary", root("totalSpent", num(), "startDate", str(), "endDate", str(),
                "organizationId", num(), "currentBalance", num()));
        put("get_credit_history", root("transactions", arrayOf(record("id", num(), "transactionType", any(),
                        "amount", num(), "balance", num(), "created", str(), "expiresAt", str(), "message", str())),
                "totalCount", num(), "pageIndex", num(), "recordsPerPage", num(), "truncation", truncation()),
                "transactions", Paging.pages("get_credit_history", 1, 0));
        put("get_agents_usage", root("agents", arrayOf(record("agentId", num(), "agentName", str(), "cost", num(),
                        "spaceId", num())), "totalRecordCount", num(), "totalCost", num(), "startDate", str(),
                "endDate", str(), "truncation", truncation()), "agents", Paging.pages("get_agents_usage", 1, 0));
        put("get_agent_cost_breakdown", root("agentId", num(), "agentName", str(), "labels", arrayOf(any()),
                "usageTypes", arrayOf(record("type", str(), "data", arrayOf(any()), "totalCost", num())),
                "totalCost", num(), "startDate", str(), "endDate", str()));
        put("get_agent_runs_cost", root("runs", arrayOf(record("runId", num(), "date", str(), "startTime", str(),
                        "endTime", str(), "cost", num(), "billingType", any())), "totalRecordCount", num(),
                "totalCost", num(), "agentId", num(), "agentName", str(), "truncation", truncation()), "runs",
                Paging.pages("get_agent_runs_cost", 1, 0));
        // Spaces
        put("list_spaces", list(record(SPACE)));
        put("get_space", root(SPACE));
        put("get_space_agents", list(record("id", num(), "name", str(), "description", str(), "configType", str(),
                "status", status(), "validationStatus", str(), "lastActivity", str())));
        put("search_space_by_name", root(SPACE));
        put("run_space_agents", root("spaceId", num(), "spaceName", str(), "totalAgents", num(),
                "agentsStarted", num(), "agentsFailed", num(), "results", arrayOf(record("agentId", num(),
                        "agentName", str(), "success", bool(), "runId", num(), "errorMessage", str()))));
        // Analytics
        put("get_runs_summary", root("startDate", str(), "endDate", str(), "totalRuns", num(), "completedRuns", num(),
                "failedRuns", num(), "completedWithErrorsRuns", num(), "runningRuns", num(), "queuedRuns", num(),
                "stoppedRuns", num(), "failedRunDetails", arrayOf(record("runId", num(), "agentId", num(),
                        "agentName", str(), "startTime", str(), "endTime", str(), "status", status(),
                        "errorMessage", str(), "spaceId", num(), "spaceName", str())), "truncation", truncation()),
                "failedRunDetails", Paging.dateRange("get_runs_summary", "startTime"));
        put("get_records_summary", root("startDate", str(), "endDate", str(), "totalRecordsExtracted", num(),
                "totalRecordsExported", num(), "totalErrors", num(), "totalPageLoads", num(), "runCount", num(),
                "agentId", num()));
        put("get_run_diagnostics", root(DIAGNOSTICS));
        put("get_latest_failure", root(DIAGNOSTICS));
        // Agent Builder
        put("start_agent_build", root(plus(BUILD, "finished", bool(), "waitedSeconds", num(), "summary", str(),
                "nextStep", str())));
        put("get_agent_build_status", root(BUILD));
        put("stop_agent_build", rootRequiring(new String[] {"stopped", "sessionId"}, "stopped", bool(),
                "sessionId", str()));
    }

    private ToolOutputs() {}

    private static void put(String tool, ObjectNode schema) { put(tool, schema, null, null); }

    private static void put(String tool, ObjectNode schema, String pageField) { put(tool, schema, pageField, null); }

    private static void put(String tool, ObjectNode schema, String pageField, Paging.Hint next) {
        if (OUTPUTS.put(tool, new Output(schema, pageField, next != null ? next : Paging.noPaging(tool))) != null) {
            throw new IllegalStateException("two outputs for " + tool);
        }
    }

    /** A fixed-sentence result as an object: the flag (always true) and the ids the sentence names. */
    private static ObjectNode fixed(String flag, String... ids) {
        String[] required = new String[ids.length + 1];
        required[0] = flag;
        System.arraycopy(ids, 0, required, 1, ids.length);
        Object[] members = new Object[required.length * 2];
        members[0] = flag;
        members[1] = OutputSchema.type("boolean");
        for (int i = 0; i < ids.length; i++) {
            members[2 + 2 * i] = ids[i];
            members[3 + 2 * i] = OutputSchema.type("number");
        }
        return rootRequiring(required, members);
    }

    /** The output of a tool; throws for a tool without one (a catalogue bug the tests catch). */
    public static Output of(String tool) {
        Output o = OUTPUTS.get(tool);
        if (o == null) throw new IllegalStateException("no output schema for tool " + tool);
        return o;
    }

    public static boolean has(String tool) { return OUTPUTS.containsKey(tool); }

    static int size() { return OUTPUTS.size(); }
}
