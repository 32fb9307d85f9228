package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Body;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Query;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.AgentVersion;
import com.sequentum.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A1–A3 (agents) and V1–V2 (versions). */
public final class AgentRoutes {
    static final String[] CONFIG_TYPES = {"Agent", "Command", "Api", "Shared"};
    private static final String[] SORT_COLUMNS = {"id", "name", "description", "configType", "status", "spaceId",
            "created", "updated", "lastActivity", "version", "validationStatus"};

    private AgentRoutes() {}

    public static void register(Router r, SandboxState st) {
        r.get("/api/v1/agent/all", c -> list(st, c.query));
        r.get("/api/v1/agent/search", c -> search(st, c.query));
        r.get("/api/v1/agent/{id}", c -> st.read(() -> Reply.ok(st.agent(c.id(1)))));
        r.get("/api/v1/agent/{id}/versions", c -> st.read(() -> {
            List<AgentVersion> v = new ArrayList<>(st.agent(c.id(1)).versions());
            v.sort(Comparator.comparingInt((AgentVersion x) -> x.version).reversed());
            return Reply.ok(v);
        }));
        r.post("/api/v1/agent/{id}/version/{id}/restore", c -> {
            Body b = c.json();
            int agentId = c.id(1);
            int version = c.id(2);
            String content = b.str("content");
            st.restoreVersion(agentId, version, content == null ? "Restored version " + version : content, "api-user");
            return Reply.noContent();
        });
    }

    private static Reply list(SandboxState st, Query q) {
        Integer status = q.integer("status", 0, 12);
        Integer spaceId = q.integer("spaceId");
        String name = q.str("name");
        String configType = q.oneOf("configType", CONFIG_TYPES);
        String sortColumn = q.oneOf("sortColumn", SORT_COLUMNS);
        Integer sortOrder = q.integer("sortOrder", 0, 1);
        boolean paged = q.has("pageIndex") || q.has("recordsPerPage");
        Paging paging = paged ? Paging.of(q, 50) : null;
        return st.read(() -> {
            List<Agent> out = new ArrayList<>();
            String needle = name == null ? null : name.trim().toLowerCase(Locale.ROOT);
            for (Agent a : st.agents().values()) {
                if (status != null && !status.equals(a.status)) continue;
                if (spaceId != null && a.spaceId != spaceId) continue;
                if (needle != null && !a.name.toLowerCase(Locale.ROOT).contains(needle)) continue;
                if (configType != null && !configType.equals(a.configType)) continue;
                out.add(a);
            }
            Comparator<Agent> cmp = comparator(sortColumn == null ? "id" : sortColumn);
            if (sortOrder != null && sortOrder == 1) cmp = cmp.reversed();
            out.sort(cmp);
            if (paging == null) return Reply.ok(out);
            ObjectNode n = Json.object();
            n.set("agents", Json.tree(paging.slice(out)));
            n.put("totalRecordCount", out.size());
            return Reply.ok(n);
        });
    }

    private static Comparator<Agent> comparator(String col) {
        Comparator<Agent> byId = Comparator.comparingInt(a -> a.id);
        Comparator<Agent> c = switch (col) {
            case "name" -> Comparator.comparing((Agent a) -> a.name, String.CASE_INSENSITIVE_ORDER);
            case "description" -> Comparator.comparing((Agent a) -> a.description == null ? "" : a.description, String.CASE_INSENSITIVE_ORDER);
            case "configType" -> Comparator.comparing((Agent a) -> a.configType);
            case "status" -> Comparator.comparing((Agent a) -> a.status, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "spaceId" -> Comparator.comparingInt((Agent a) -> a.spaceId);
            case "created" -> Comparator.comparing((Agent a) -> a.created);
            case "updated" -> Comparator.comparing((Agent a) -> a.updated);
            case "lastActivity" -> Comparator.comparing((Agent a) -> a.lastActivity, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "version" -> Comparator.comparingInt((Agent a) -> a.version);
            case "validationStatus" -> Comparator.comparing((Agent a) -> a.validationStatus);
            default -> byId;
        };
        return c.thenComparing(byId);
    }

    private static Reply search(SandboxState st, Query q) {
        if (!q.has("query")) throw ApiException.badRequest("The query parameter 'query' is required.");
        String query = q.str("query") == null ? "" : q.str("query").trim().toLowerCase(Locale.ROOT);
        Integer max = q.integer("maxRecords", 1, 1000);
        int limit = max == null ? 50 : max;
        return st.read(() -> {
            List<Agent> out = new ArrayList<>();
            for (Agent a : st.agents().values()) {
                if (out.size() >= limit) break;
                if (a.name.toLowerCase(Locale.ROOT).contains(query)
                        || (a.description != null && a.description.toLowerCase(Locale.ROOT).contains(query))) out.add(a);
            }
            return Reply.ok(out);
        });
    }
}
