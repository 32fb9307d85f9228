package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.Requests.StartAgentRequest;
import com.sequentum.mcp.validation.Args;
import java.util.List;

/** Run Management: get_agent_runs, get_run_status, start_agent, stop_agent, kill_agent, delete_run. */
public final class RunTools {
    /** agentId description for tools that are often the next step after finding or building an agent. */
    static final String AGENT_ID = "The numeric ID of the agent. Find it with list_agents or search_agents; right after "
            + "building a new agent, use the agentId reported by get_agent_build_status.";
    static final String RUN_ID = "The numeric ID of the run (from get_agent_runs, or the id start_agent returned).";
    static final String IDEMPOTENCY_KEY = "Optional key (1 to 128 characters) that makes the call safe to retry: the "
            + "same key again within 15 minutes returns the first call's result instead of starting another paid run.";
    static final List<String> REMOVE_METHODS = List.of("RemoveEntireRun", "RemoveAllFiles", "RemoveAllFilesAndAgentInput");

    private RunTools() {}

    public static List<ToolSpec> tools() {
        return List.of(getAgentRuns(), getRunStatus(), startAgent(), stopAgent(), killAgent(), deleteRun());
    }

    static ToolSpec getAgentRuns() {
        return new ToolSpec("get_agent_runs", "Get Agent Runs", Category.RUNS,
                "Lists the recent runs of one agent, newest first, with run id, status, start and end time, who started "
                        + "it, error message and extracted/exported record counts. Use it to review an agent's history or to "
                        + "find the runId other run tools need.",
                Schema.object()
                        .number("agentId", AGENT_ID, true)
                        .number("maxRecords", "Maximum number of runs to return, 1 to 1000 (API default when omitted).", false)
                        .build(),
                Hints.reading(), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    Integer maxRecords = a.smallInt("maxRecords", false, 1, 1000L);
                    return ToolResult.json(ctx.api().getAgentRuns(agentId, maxRecords));
                });
    }

    static ToolSpec getRunStatus() {
        return new ToolSpec("get_run_status", "Get Run Status", Category.RUNS,
                "Returns the current state of one run: status (Queuing, Running, Completed, Failed, ...), start and end "
                        + "time, error message and record counts. Poll it after start_agent to follow an asynchronous run.",
                runIds().build(),
                Hints.reading(), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    return ToolResult.json(ctx.api().getRunStatus(agentId, runId));
                });
    }

    static ToolSpec startAgent() {
        return new ToolSpec("start_agent", "Start Agent", Category.RUNS,
                "Starts a run of an agent. By default the run is asynchronous: the call returns at once with the new run "
                        + "(its runId and status), and you follow it with get_run_status. With isRunSynchronously=true the call "
                        + "waits for the run to finish and returns the scraped data directly; use that only for quick agents "
                        + "that finish in under about 60 seconds. If the agent takes input parameters, look them up with "
                        + "get_agent first and pass them as a JSON string in inputParameters. With waitSeconds (1 to 45) "
                        + "an asynchronous start follows the run for up to that long and returns its status, timing, "
                        + "record counts, a one-line summary and the suggested next step.",
                Schema.object()
                        .number("agentId", AGENT_ID, true)
                        .string("inputParameters", "Input parameters for this run as a JSON string, e.g. "
                                + "'{\"url\": \"https://example.com\"}'. Check the agent's parameters with get_agent.", false)
                        .bool("isRunSynchronously", "true = wait for the run to finish and return its data (quick agents "
                                + "only); false (default) = return immediately with the run id.", false)
                        .number("timeout", "Run timeout in seconds, 1 to 3600 (default 60).", false)
                        .number("parallelism", "Number of parallel instances, 1 to 50 (default 1). Values above 1 are not "
                                + "meant for synchronous runs.", false)
                        .number("waitSeconds", "Optional: wait up to this many seconds (0 to 45, default 0 = return at "
                                + "once) for the run to finish, with progress notifications while waiting. Not combinable "
                                + "with isRunSynchronously=true.", false)
                        .stringLength(IdempotencyCache.FIELD, IDEMPOTENCY_KEY, false, 1, IdempotencyCache.KEY_MAX)
                        .build(),
                Hints.write(false, true), RunTools::handleStart);
    }

    static ToolResult handleStart(ToolContext ctx, Args a) throws InterruptedException {
        long agentId = a.id("agentId");
        String inputParameters = a.jsonString("inputParameters", false);
        Boolean sync = a.bool("isRunSynchronously", false);
        int timeout = AgentTools.orDefault(a.smallInt("timeout", false, 1, 3600L), 60);
        int parallelism = AgentTools.orDefault(a.smallInt("parallelism", false, 1, 50L), 1);
        int waitSeconds = AgentTools.orDefault(a.smallInt("waitSeconds", false, 0, (long) Waits.MAX_WAIT_SECONDS), 0);
        if (waitSeconds > 0 && Boolean.TRUE.equals(sync)) {
            throw new com.sequentum.mcp.validation.InvalidArgumentException(
                    "Invalid parameter 'waitSeconds': cannot be combined with isRunSynchronously=true");
        }
        StartAgentRequest request = new StartAgentRequest(parallelism, null, null, null, inputParameters, timeout, null,
                null, sync != null ? sync : false, null, null);
        JsonNode result = ctx.api().startAgent(agentId, request);
        if (waitSeconds > 0 && result.isObject()) return Waits.awaitRun(ctx, agentId, result, waitSeconds);
        if (result.isTextual()) return ToolResult.text(result.textValue(), ToolResult.structure(result));
        return ToolResult.json("Agent started successfully.\n\n", result);
    }

    static ToolSpec stopAgent() {
        return new ToolSpec("stop_agent", "Stop Agent", Category.RUNS,
                "Asks a running agent run to stop gracefully; data collected so far is kept. Use this first; kill_agent is "
                        + "only for runs that do not stop.",
                runIds().build(),
                Hints.write(false, false), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    ctx.api().stopRun(agentId, runId);
                    return ToolResult.text("Successfully stopped run " + runId + " for agent " + agentId,
                            ToolResult.fields("stopped", true, "agentId", agentId, "runId", runId));
                });
    }

    static ToolSpec killAgent() {
        return new ToolSpec("kill_agent", "Kill Agent", Category.RUNS,
                "Last resort for a run that stop_agent could not stop. The first call on a running run starts a graceful "
                        + "stop; calling it again while the run is still stopping forces immediate termination. WARNING: a "
                        + "forced termination can lose data that was not exported yet.",
                runIds().build(),
                Hints.write(true, false), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    ctx.api().killRun(agentId, runId);
                    return ToolResult.text("Kill command sent for run " + runId + " of agent " + agentId
                            + ". If the agent was running, it will initiate graceful stop. If already stopping, it will force "
                            + "immediate termination.", ToolResult.fields("killRequested", true, "agentId", agentId, "runId", runId));
                });
    }

    static ToolSpec deleteRun() {
        return new ToolSpec("delete_run", "Delete Run", Category.RUNS,
                "Deletes a run's data, typically to clean up personal data (PII). The API looks the run up in both the "
                        + "active runs and the run history; an active run cannot be deleted. This cannot be undone. "
                        + "removeMethod chooses what goes: RemoveEntireRun (default) deletes the run record and all its files; "
                        + "RemoveAllFiles deletes the files but keeps the run record; RemoveAllFilesAndAgentInput deletes the "
                        + "files and the agent input used by the run but keeps the run record.",
                runIds()
                        .stringEnum("removeMethod", "What to delete (default RemoveEntireRun).", false, REMOVE_METHODS)
                        .build(),
                Hints.write(true, false), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long runId = a.id("runId");
                    String method = a.oneOf("removeMethod", false, REMOVE_METHODS);
                    ctx.api().deleteRun(agentId, runId, method);
                    if ("RemoveAllFiles".equals(method)) {
                        return ToolResult.text("Successfully removed all files for run " + runId + " from agent " + agentId
                                + ". The run record has been preserved.", deleted(agentId, runId, method, true));
                    }
                    if ("RemoveAllFilesAndAgentInput".equals(method)) {
                        return ToolResult.text("Successfully removed all files and agent input for run " + runId
                                + " from agent " + agentId + ". The run record has been preserved.",
                                deleted(agentId, runId, method, true));
                    }
                    return ToolResult.text("Successfully deleted run " + runId + " and all associated files from agent "
                            + agentId + ".", deleted(agentId, runId, method == null ? "RemoveEntireRun" : method, false));
                });
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode deleted(long agentId, long runId, String method, boolean kept) {
        return ToolResult.fields("deleted", true, "agentId", agentId, "runId", runId, "removeMethod", method,
                "runRecordKept", kept);
    }

    /** The two required ids of every tool that acts on one run: {@code agentId} and {@code runId}. */
    static Schema runIds() {
        return Schema.object()
                .number("agentId", AGENT_ID, true)
                .number("runId", RUN_ID, true);
    }
}
