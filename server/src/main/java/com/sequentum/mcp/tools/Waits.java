package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.api.ApiNetworkError;
import com.sequentum.mcp.api.ApiRequestError;
import com.sequentum.mcp.api.ApiTimeoutError;
import com.sequentum.mcp.calls.CallControl;
import com.sequentum.mcp.json.JsJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bounded waits for {@code start_agent waitSeconds} and {@code start_agent_build waitForCompletion}: poll with
 * backoff (1 s, ×1.5, at most 5 s) until a final status, the wait limit, a non-retryable error or the client's
 * cancellation, sending {@code notifications/progress} (elapsed seconds, status) when the client asked for them.
 */
public final class Waits {
    public static final int MAX_WAIT_SECONDS = 45;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    static final Set<String> FINAL_RUN = Set.of("Completed", "CompletedWithErrors", "Failed", "FailedToStart", "Stopped");
    static final Set<String> FINAL_BUILD = Set.of("completed", "ready", "error", "cancelled");

    /** Why polling ended. */
    enum End { FINAL, TIMEOUT, CANCELLED, ERROR }

    record Outcome(JsonNode last, End end, double waitedSeconds, String error) {}

    private Waits() {}

    /** Polls {@code poll} until {@code isFinal} or the end of the wait; {@code first} is the state before polling. */
    static Outcome poll(CallControl c, int waitSeconds, JsonNode first, Supplier<JsonNode> poll,
            java.util.function.Predicate<JsonNode> isFinal, java.util.function.Function<JsonNode, String> describe)
            throws InterruptedException {
        long t0 = c.nanoTime().getAsLong();
        long limit = Duration.ofSeconds(waitSeconds).toNanos();
        JsonNode last = first;
        Duration delay = FIRST_DELAY;
        c.progress().progress(0, (double) waitSeconds, describe.apply(last) + " (0 s elapsed, waiting at most "
                + waitSeconds + " s)");
        while (!isFinal.test(last)) {
            long elapsed = c.nanoTime().getAsLong() - t0;
            long left = limit - elapsed;
            if (left <= 0) return new Outcome(last, End.TIMEOUT, seconds(elapsed), null);
            c.pause(Duration.ofNanos(Math.min(delay.toNanos(), left)));
            if (c.cancelled()) return new Outcome(last, End.CANCELLED, seconds(c.nanoTime().getAsLong() - t0), null);
            try {
                last = poll.get();
            } catch (ApiRequestError e) {
                if (!(e.isRateLimited() || e.isServerError())) {
                    return new Outcome(last, End.ERROR, seconds(c.nanoTime().getAsLong() - t0), ToolErrors.format(e));
                }
            } catch (ApiTimeoutError | ApiNetworkError e) {
                // transient: try again after the next pause
            } catch (RuntimeException e) {
                return new Outcome(last, End.ERROR, seconds(c.nanoTime().getAsLong() - t0), ToolErrors.format(e));
            }
            double s = seconds(c.nanoTime().getAsLong() - t0);
            c.progress().progress(Math.min(s, waitSeconds), (double) waitSeconds, describe.apply(last) + " ("
                    + JsJson.number(Math.floor(s)) + " s elapsed, waiting at most " + waitSeconds + " s)");
            delay = Duration.ofNanos(Math.min((long) (delay.toNanos() * 1.5), MAX_DELAY.toNanos()));
        }
        return new Outcome(last, End.FINAL, seconds(c.nanoTime().getAsLong() - t0), null);
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 100_000_000.0) / 10.0;
    }

    // ---- start_agent ----------------------------------------------------------------------------------------

    static String runStatus(JsonNode run) {
        JsonNode s = run.path("status");
        return s.isTextual() ? s.textValue() : s.isMissingNode() || s.isNull() ? "Unknown" : s.asText();
    }

    /** Starts are answered with the run; waits for it and returns the canonical run shape. */
    static ToolResult awaitRun(ToolContext ctx, long agentId, JsonNode started, int waitSeconds) throws InterruptedException {
        JsonNode idNode = started.path("id");
        if (!started.isObject() || !idNode.canConvertToLong() || idNode.asLong() <= 0) {
            return ToolResult.json("Agent started successfully.\n\n", started);
        }
        long runId = idNode.asLong();
        Outcome o = poll(ctx.control(), waitSeconds, started, () -> ctx.api().getRunStatus(agentId, runId),
                r -> FINAL_RUN.contains(runStatus(r)), r -> "Run " + runId + ": " + runStatus(r));
        if (o.end() == End.CANCELLED) {
            return ToolResult.error("Error: The wait was cancelled by the client. Run " + runId + " of agent " + agentId
                    + " was started and keeps going; follow it with get_run_status (agentId=" + agentId + ", runId="
                    + runId + ").");
        }
        return ToolResult.json("Agent started successfully.\n\n", runOutcome(ctx, agentId, runId, o));
    }

    static ObjectNode runOutcome(ToolContext ctx, long agentId, long runId, Outcome o) {
        JsonNode run = o.last();
        String status = runStatus(run);
        boolean finished = FINAL_RUN.contains(status);
        ObjectNode out = ToolResult.fields("runId", runId, "agentId", agentId, "status", status, "finished", finished);
        copy(run, out, "startTime");
        copy(run, out, "endTime");
        Double duration = duration(run.path("startTime").asText(null),
                finished ? run.path("endTime").asText(null) : null, ctx.clock().instant());
        if (duration != null) out.put("durationSeconds", duration); else out.putNull("durationSeconds");
        copy(run, out, "recordsExtracted");
        copy(run, out, "recordsExported");
        JsonNode err = run.path("errorMessage");
        if (err.isTextual() && !err.textValue().isEmpty()) out.put("errorMessage", err.textValue());
        out.put("waitedSeconds", o.waitedSeconds());
        String ids = "(agentId=" + agentId + ", runId=" + runId + ")";
        String records = records(run);
        String took = duration == null ? "" : " in " + JsJson.number(duration) + " s";
        String summary;
        String next;
        if (o.end() == End.ERROR) {
            summary = "Run " + runId + " of agent " + agentId + " was started, but following it failed: " + o.error();
            next = "Check the run with get_run_status " + ids + ".";
        } else if (status.equals("Completed") || status.equals("CompletedWithErrors")) {
            summary = "Run " + runId + " of agent " + agentId + (status.equals("Completed") ? " completed" : " completed with errors")
                    + took + records + ".";
            next = status.equals("Completed")
                    ? "Preview the scraped data with get_run_data " + ids + "."
                    : "See what went wrong with get_run_diagnostics " + ids + ", or preview the data with get_run_data " + ids + ".";
        } else if (status.equals("Failed") || status.equals("FailedToStart")) {
            summary = "Run " + runId + " of agent " + agentId + " " + (status.equals("Failed") ? "failed" : "failed to start")
                    + took + (out.has("errorMessage") ? ": " + out.get("errorMessage").textValue() : "") + ".";
            next = "Find the cause with get_run_diagnostics " + ids + ".";
        } else if (status.equals("Stopped")) {
            summary = "Run " + runId + " of agent " + agentId + " was stopped" + took + records + ".";
            next = "List what it exported with get_run_files " + ids + ".";
        } else {
            summary = "Run " + runId + " of agent " + agentId + " is still " + status + " after waiting "
                    + JsJson.number(o.waitedSeconds()) + " s" + records + ".";
            next = "Follow it with get_run_status " + ids + ".";
        }
        out.put("summary", summary);
        out.put("nextStep", next);
        return out;
    }

    private static String records(JsonNode run) {
        JsonNode ex = run.path("recordsExtracted");
        JsonNode exp = run.path("recordsExported");
        if (!ex.isNumber() && !exp.isNumber()) return "";
        return " (" + (ex.isNumber() ? JsJson.number(ex.doubleValue()) : "?") + " records extracted, "
                + (exp.isNumber() ? JsJson.number(exp.doubleValue()) : "?") + " exported)";
    }

    static Double duration(String start, String end, Instant now) {
        Instant s = instant(start);
        if (s == null) return null;
        Instant e = end == null ? now : instant(end);
        if (e == null) return null;
        double d = Duration.between(s, e).toMillis() / 1000.0;
        return d < 0 ? null : Math.round(d * 10) / 10.0;
    }

    static Instant instant(String t) {
        if (t == null || t.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String f) {
        if (from.has(f)) to.set(f, from.get(f));
        else to.putNull(f);
    }

    // ---- start_agent_build ----------------------------------------------------------------------------------

    static ToolResult awaitBuild(ToolContext ctx, JsonNode started) throws InterruptedException {
        String sessionId = started.path("sessionId").asText(null);
        if (sessionId == null || sessionId.isEmpty()) return ToolResult.json(started);
        Outcome o = poll(ctx.control(), MAX_WAIT_SECONDS, ToolResult.fields("status", "processing"),
                () -> BuilderTools.sanitise(sessionId, ctx.api().agentBuildStatus(sessionId)),
                s -> FINAL_BUILD.contains(s.path("status").asText()),
                s -> "Build " + sessionId + ": " + s.path("status").asText("processing"));
        if (o.end() == End.CANCELLED) {
            String stopped;
            try {
                ctx.api().stopAgentBuild(sessionId);
                stopped = "the build session was stopped";
            } catch (RuntimeException e) {
                stopped = "stopping the build session failed (" + ToolErrors.format(e) + ")";
            }
            return ToolResult.error("Error: The build was cancelled by the client; " + stopped + " (sessionId: "
                    + sessionId + ").");
        }
        String status = o.last().path("status").asText("processing");
        if (status.equals("error")) {
            return ToolResult.error("Error: " + BuilderTools.BUILD_FAILED + " (sessionId: " + sessionId + ")");
        }
        ObjectNode out = ToolResult.fields("sessionId", sessionId);
        o.last().fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        boolean finished = FINAL_BUILD.contains(status);
        out.put("finished", finished);
        out.put("waitedSeconds", o.waitedSeconds());
        String agent = o.last().path("agentId").isNumber() ? " agent " + o.last().get("agentId").asText()
                + (o.last().path("agentName").isTextual() ? " (" + o.last().get("agentName").textValue() + ")" : "") : " the agent";
        if (o.end() == End.ERROR) {
            out.put("summary", "The build started, but following it failed: " + o.error());
            out.put("nextStep", "Poll get_agent_build_status with sessionId \"" + sessionId + "\".");
        } else if (status.equals("completed") || status.equals("ready")) {
            out.put("summary", "The build is " + status + ":" + agent + " is in the workspace.");
            out.put("nextStep", o.last().path("agentId").isNumber()
                    ? "Run it with start_agent (agentId=" + o.last().get("agentId").asText() + ")."
                    : "Find the new agent with list_agents.");
        } else if (status.equals("cancelled")) {
            out.put("summary", "The build was cancelled.");
            out.put("nextStep", "Start a new build with start_agent_build if the agent is still wanted.");
        } else {
            out.put("summary", "The build is still " + status + " after waiting " + JsJson.number(o.waitedSeconds()) + " s.");
            out.put("nextStep", "Keep polling get_agent_build_status with sessionId \"" + sessionId + "\".");
        }
        return ToolResult.json(out);
    }
}
