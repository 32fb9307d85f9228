package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Query;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.Run;
import com.sequentum.sandbox.state.RunStatus;
import com.sequentum.sandbox.state.SandboxState;
import com.sequentum.sandbox.state.Space;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** AN1–AN4. */
public final class AnalyticsRoutes {
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    private static final String[] STATUSES = {"Unknown", "Queuing", "Queued", "Starting", "Running", "Stopping", "Stopped",
            "Completed", "CompletedWithErrors", "Failed", "FailedToStart", "WaitingOnFailure"};

    private AnalyticsRoutes() {}

    public static void register(Router r, SandboxState st) {
        r.get("/api/v1/analytics/runs/summary", c -> runsSummary(st, c.query));
        r.get("/api/v1/analytics/records/summary", c -> recordsSummary(st, c.query));
        r.get("/api/v1/analytics/agents/{id}/runs/{id}/diagnostics", c -> st.read(() -> {
            Run run = st.run(c.id(1), c.id(2));
            return Reply.ok(Diagnostics.of(st.agent(c.id(1)), run, st.now()));
        }));
        r.get("/api/v1/analytics/agents/{id}/latest-failure", c -> st.read(() -> {
            Agent a = st.agent(c.id(1));
            Run run = st.runsOf(a.id).stream().filter(x -> RunStatus.isFailure(x.status)).findFirst()
                    .orElseThrow(() -> ApiException.notFoundMessage("No failures found for this agent"));
            return Reply.ok(Diagnostics.of(a, run, st.now()));
        }));
    }

    private static List<Run> inPeriod(SandboxState st, Period p) {
        List<Run> out = new ArrayList<>();
        for (Run r : st.visibleRuns()) if (p.contains(r.startTime)) out.add(r);
        return out;
    }

    private static Reply runsSummary(SandboxState st, Query q) {
        String status = q.oneOf("status", STATUSES);
        Boolean details = q.bool("includeDetails");
        return st.read(() -> {
            Period p = Period.of(q, st.now(), DEFAULT_PERIOD, false);
            List<Run> runs = inPeriod(st, p);
            if (status != null) runs.removeIf(r -> !status.equals(r.status));
            int completed = 0, failed = 0, cwe = 0, running = 0, queued = 0, stopped = 0;
            List<Run> failedRuns = new ArrayList<>();
            for (Run r : runs) {
                switch (r.status) {
                    case RunStatus.COMPLETED -> completed++;
                    case RunStatus.FAILED, RunStatus.FAILED_TO_START -> {
                        failed++;
                        failedRuns.add(r);
                    }
                    case RunStatus.COMPLETED_WITH_ERRORS -> cwe++;
                    case RunStatus.RUNNING, RunStatus.STARTING, RunStatus.STOPPING, RunStatus.WAITING_ON_FAILURE -> running++;
                    case RunStatus.QUEUED, RunStatus.QUEUING -> queued++;
                    case RunStatus.STOPPED -> stopped++;
                    default -> { }
                }
            }
            ObjectNode n = Json.object();
            n.put("startDate", p.start().toString());
            n.put("endDate", p.end().toString());
            n.put("totalRuns", runs.size());
            n.put("completedRuns", completed);
            n.put("failedRuns", failed);
            n.put("completedWithErrorsRuns", cwe);
            n.put("runningRuns", running);
            n.put("queuedRuns", queued);
            n.put("stoppedRuns", stopped);
            if (Boolean.TRUE.equals(details)) {
                failedRuns.sort(Comparator.comparing((Run r) -> r.startTime).reversed());
                ArrayNode arr = n.putArray("failedRunDetails");
                for (Run r : failedRuns) {
                    Agent a = st.agents().get(r.configId);
                    Space sp = st.spaces().get(a.spaceId);
                    ObjectNode o = arr.addObject();
                    o.put("runId", r.id);
                    o.put("agentId", a.id);
                    o.put("agentName", a.name);
                    o.put("startTime", r.startTime.toString());
                    o.put("endTime", r.endTime == null ? null : r.endTime.toString());
                    o.put("status", r.status);
                    o.put("errorMessage", r.errorMessage);
                    o.put("spaceId", a.spaceId);
                    o.put("spaceName", sp == null ? null : sp.name);
                }
            } else {
                n.putArray("failedRunDetails");
            }
            return Reply.ok(n);
        });
    }

    private static Reply recordsSummary(SandboxState st, Query q) {
        Integer agentId = q.integer("agentId");
        return st.read(() -> {
            if (agentId != null) st.agent(agentId);
            Period p = Period.of(q, st.now(), DEFAULT_PERIOD, false);
            long extracted = 0, exported = 0, errors = 0, pages = 0;
            int count = 0;
            for (Run r : inPeriod(st, p)) {
                if (agentId != null && r.configId != agentId) continue;
                count++;
                extracted += r.recordsExtracted == null ? 0 : r.recordsExtracted;
                exported += r.recordsExported == null ? 0 : r.recordsExported;
                errors += r.errorCount();
                pages += r.pageCount();
            }
            ObjectNode n = Json.object();
            n.put("startDate", p.start().toString());
            n.put("endDate", p.end().toString());
            n.put("totalRecordsExtracted", extracted);
            n.put("totalRecordsExported", exported);
            n.put("totalErrors", errors);
            n.put("totalPageLoads", pages);
            n.put("runCount", count);
            if (agentId == null) n.putNull("agentId");
            else n.put("agentId", agentId);
            return Reply.ok(n);
        });
    }
}
