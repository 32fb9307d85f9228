package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Body;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.BuilderSession;
import com.sequentum.sandbox.state.SandboxState;

/** AB1–AB3 (paths UNCONFIRMED in the spec; kept together here). */
public final class BuilderRoutes {
    public static final String START = "/api/v1/agent-builder/start";
    public static final String STATUS = "/api/v1/agent-builder/{s}/status";
    public static final String STOP = "/api/v1/agent-builder/{s}/stop";

    private BuilderRoutes() {}

    public static void register(Router r, SandboxState st) {
        r.post(START, c -> {
            Body b = c.json();
            String prompt = b.str("prompt");
            if (prompt == null || prompt.isBlank()) throw ApiException.badRequest("The prompt is required.");
            int len = prompt.trim().length();
            if (len < 10 || len > 5000) throw ApiException.badRequest("The prompt must be between 10 and 5000 characters.");
            Integer spaceId = b.integer("spaceId");
            BuilderSession s = st.startBuild(prompt.trim(), spaceId);
            ObjectNode n = Json.object();
            n.put("sessionId", s.sessionId);
            return Reply.ok(n);
        });
        r.get(STATUS, c -> st.read(() -> {
            BuilderSession s = st.session(c.group(1));
            ObjectNode n = Json.object();
            n.put("status", s.status);
            if (s.agentId == null) n.putNull("agentId");
            else n.put("agentId", s.agentId);
            n.put("agentName", s.agentName);
            n.put("error", s.error);
            return Reply.ok(n);
        }));
        r.post(STOP, c -> {
            st.stopBuild(c.group(1));
            return Reply.noContent();
        });
    }
}
