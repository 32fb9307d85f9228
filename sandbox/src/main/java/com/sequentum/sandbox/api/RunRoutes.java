package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Body;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Responses;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.FileContent;
import com.sequentum.sandbox.state.Run;
import com.sequentum.sandbox.state.RunFile;
import com.sequentum.sandbox.state.RunStatus;
import com.sequentum.sandbox.state.SandboxState;
import com.sequentum.sandbox.state.SandboxState.StartOptions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** R1–R6 (runs), F1–F2 (files) and the signed storage download. */
public final class RunRoutes {
    static final String[] LOG_LEVELS = {"Fatal", "Error", "Warning", "Info", "Trace", "Debug", "Critical"};
    static final String[] LOG_MODES = {"Text", "TextAndHtml", "Json"};
    static final String[] PARALLEL_EXPORTS = {"Combined", "Separated", "Separate"};
    static final String[] REMOVE_METHODS = {"RemoveEntireRun", "RemoveAllFiles", "RemoveAllFilesAndAgentInput"};

    private RunRoutes() {}

    public static void register(Router r, SandboxState st, FileSigner signer) {
        r.get("/api/v1/agent/{id}/runs", c -> {
            Integer max = c.query.integer("maxRecords", 1, 100_000);
            int agentId = c.id(1);
            return st.read(() -> {
                List<Run> runs = st.runsOf(agentId);
                return Reply.ok(max == null || runs.size() <= max ? runs : runs.subList(0, max));
            });
        });
        r.get("/api/v1/agent/{id}/run/{id}/status", c -> st.read(() -> Reply.ok(st.run(c.id(1), c.id(2)))));
        r.post("/api/v1/agent/{id}/start", c -> start(st, c.id(1), c.json(), principal(c.header("Authorization"))));
        r.post("/api/v1/agent/{id}/run/{id}/stop", c -> {
            st.stopRun(c.id(1), c.id(2));
            return Reply.noContent();
        });
        r.post("/api/v1/agent/{id}/run/{id}/kill", c -> {
            st.killRun(c.id(1), c.id(2));
            return Reply.noContent();
        });
        r.delete("/api/v1/agent/{id}/run/{id}", c -> {
            String method = c.query.oneOf("removeMethod", REMOVE_METHODS);
            st.deleteRun(c.id(1), c.id(2), method == null ? "RemoveEntireRun" : method);
            return Reply.noContent();
        });
        r.get("/api/v1/agent/{id}/run/{id}/files", c -> st.read(() -> {
            List<RunFile> files = st.run(c.id(1), c.id(2)).files();
            st.ensureSizes(files);
            return Reply.ok(files);
        }));
        r.get("/api/v1/agent/{id}/run/{id}/file/{id}/download", c -> {
            int agentId = c.id(1);
            int runId = c.id(2);
            int fileId = c.id(3);
            RunFile f = st.read(() -> file(st, agentId, runId, fileId));
            String path = "/storage/" + agentId + "/" + runId + "/" + fileId + "/" + f.name;
            return Reply.redirect(c.baseUrl + path + "?" + signer.query(path, st.now()));
        });
        r.get("/storage/{id}/{id}/{id}/{s}", c -> {
            if (!signer.verify(c.path, c.query.str("expires"), c.query.str("sig"), st.now())) {
                return Responses.problem(403, "The download link is invalid or has expired.", c.path);
            }
            int agentId = c.id(1);
            int runId = c.id(2);
            int fileId = c.id(3);
            return st.read(() -> {
                RunFile f = file(st, agentId, runId, fileId);
                byte[] bytes = st.fileBytes(f);
                String type = "CSV".equals(f.fileType) ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
                return new Reply(200, type, bytes).header("Content-Disposition", "attachment; filename=\"" + f.name + "\"");
            });
        });
    }

    private static RunFile file(SandboxState st, int agentId, int runId, int fileId) {
        return st.run(agentId, runId).files().stream().filter(f -> f.id == fileId).findFirst()
                .orElseThrow(() -> ApiException.notFound("File with ID " + fileId + " was not found for run " + runId));
    }

    /** "API" for API-key callers, the token subject for OAuth callers. */
    static String principal(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                String sub = com.nimbusds.jwt.SignedJWT.parse(authorization.substring(7).trim()).getJWTClaimsSet().getSubject();
                if (sub != null) return sub;
            } catch (java.text.ParseException ignored) {
                // opaque token accepted by a custom verifier
            }
        }
        return "API";
    }

    private static Reply start(SandboxState st, int agentId, Body b, String startedBy) throws InterruptedException {
        int parallelism = intIn(b, "Parallelism", 1, 1, 100);
        int maxConc = intIn(b, "ParallelMaxConcurrency", 1, 1, 100);
        String export = def(b.oneOf("ParallelExport", PARALLEL_EXPORTS), "Combined");
        Integer proxyPoolId = b.integer("ProxyPoolId");
        String input = inputParameters(b);
        int timeout = intIn(b, "Timeout", 60, 0, 86_400);
        boolean exclusive = def(b.bool("IsExclusive"), true);
        boolean waitOnFailure = def(b.bool("IsWaitOnFailure"), false);
        boolean sync = def(b.bool("IsRunSynchronously"), false);
        String logLevel = def(b.oneOf("LogLevel", LOG_LEVELS), "Info");
        String logMode = def(b.oneOf("LogMode", LOG_MODES), "Text");
        StartOptions o = new StartOptions(parallelism, maxConc, export, proxyPoolId, input, timeout, exclusive,
                waitOnFailure, sync, logLevel, logMode, startedBy);
        Run run = st.startRun(agentId, o);
        if (!sync) return st.read(() -> Reply.ok(run));
        Instant end = st.plannedEnd(run);
        long waitMs = end.toEpochMilli() - st.now().toEpochMilli() + 5;
        long limitMs = timeout == 0 ? Long.MAX_VALUE : timeout * 1000L;
        if (waitMs > limitMs) {
            Thread.sleep(limitMs);
            throw ApiException.badRequest("The run did not finish within the timeout of " + timeout + " seconds (run " + run.id + " continues).");
        }
        if (waitMs > 0) Thread.sleep(waitMs);
        return st.read(() -> {
            if (RunStatus.isActive(run.status)) {
                throw ApiException.badRequest("The run did not finish synchronously (status " + run.status + ").");
            }
            if (!RunStatus.hasOutput(run.status)) {
                throw ApiException.badRequest("Run " + run.id + " " + run.status + ": " + run.errorMessage);
            }
            Agent a = st.agent(agentId);
            return Reply.ok(FileContent.rows(st.seed(), a, run.id, run.recordsExported));
        });
    }

    private static String inputParameters(Body b) {
        if (!b.has("InputParameters")) return null;
        String raw;
        try {
            raw = b.str("InputParameters");
        } catch (ApiException e) {
            throw ApiException.badRequest("InputParameters must be a string containing a JSON object.");
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(raw.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw ApiException.badRequest("InputParameters is not valid JSON.");
        }
        if (n == null || !(n.isObject() || n.isArray())) {
            throw ApiException.badRequest("InputParameters must be a JSON object or array.");
        }
        return raw;
    }

    static int intIn(Body b, String name, int def, int min, int max) {
        Integer v = b.integer(name);
        if (v == null) return def;
        if (v < min || v > max) throw ApiException.badRequest(name + " must be between " + min + " and " + max + ".");
        return v;
    }

    static <T> T def(T v, T d) { return v == null ? d : v; }
}
