package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Body;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.Run;
import com.sequentum.sandbox.state.SandboxState;
import com.sequentum.sandbox.state.SandboxState.StartOptions;
import com.sequentum.sandbox.state.Space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SP1–SP5. */
public final class SpaceRoutes {
    private SpaceRoutes() {}

    public static void register(Router r, SandboxState st) {
        r.get("/api/v1/spaces", c -> st.read(() -> Reply.ok(new ArrayList<>(st.spaces().values()))));
        r.get("/api/v1/spaces/search", c -> {
            String name = c.query.str("name");
            if (name == null || name.isBlank()) throw ApiException.badRequest("The query parameter 'name' is required.");
            return st.read(() -> Reply.ok(find(st, name.trim())));
        });
        r.get("/api/v1/spaces/{id}", c -> st.read(() -> Reply.ok(st.space(c.id(1)))));
        r.get("/api/v1/spaces/{id}/agents", c -> st.read(() -> {
            st.space(c.id(1));
            ArrayNode arr = Json.array();
            for (Agent a : st.agents().values()) {
                if (a.spaceId != c.id(1)) continue;
                ObjectNode o = arr.addObject();
                o.put("id", a.id);
                o.put("name", a.name);
                o.put("description", a.description);
                o.put("configType", a.configType);
                if (a.status == null) o.putNull("status");
                else o.put("status", a.status);
                o.put("validationStatus", a.validationStatus);
                o.put("lastActivity", a.lastActivity == null ? null : a.lastActivity.toString());
            }
            return Reply.ok(arr);
        }));
        r.post("/api/v1/spaces/{id}/run-all", c -> runAll(st, c.id(1), c.json()));
    }

    private static Space find(SandboxState st, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Space s : st.spaces().values()) if (s.name.equalsIgnoreCase(name)) return s;
        for (Space s : st.spaces().values()) if (s.name.toLowerCase(Locale.ROOT).contains(n)) return s;
        throw ApiException.notFound("Space with name '" + name + "' was not found");
    }

    private static Reply runAll(SandboxState st, int spaceId, Body b) {
        String input = b.str("InputParameters");
        if (input != null) {
            try {
                Json.MAPPER.readTree(input);
            } catch (Exception e) {
                throw ApiException.badRequest("InputParameters is not valid JSON.");
            }
        }
        Space space = st.read(() -> st.space(spaceId));
        List<Agent> agents = st.read(() -> st.agents().values().stream().filter(a -> a.spaceId == spaceId).toList());
        StartOptions d = StartOptions.defaults("API");
        StartOptions o = new StartOptions(d.parallelism(), d.parallelMaxConcurrency(), d.parallelExport(), null, input,
                d.timeoutSeconds(), true, false, false, d.logLevel(), d.logMode(), "API");
        ArrayNode results = Json.array();
        int started = 0;
        int failed = 0;
        for (Agent a : agents) {
            ObjectNode res = results.addObject();
            res.put("agentId", a.id);
            res.put("agentName", a.name);
            try {
                Run run = st.startRun(a.id, o);
                res.put("success", true);
                res.put("runId", run.id);
                res.putNull("errorMessage");
                started++;
            } catch (ApiException e) {
                res.put("success", false);
                res.putNull("runId");
                res.put("errorMessage", e.getMessage());
                failed++;
            }
        }
        ObjectNode n = Json.object();
        n.put("spaceId", space.id);
        n.put("spaceName", space.name);
        n.put("totalAgents", agents.size());
        n.put("agentsStarted", started);
        n.put("agentsFailed", failed);
        n.set("results", results);
        return Reply.ok(n);
    }
}
