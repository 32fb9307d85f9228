package com.sequentum.mcp.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.Requests.AgentListQuery;
import com.sequentum.mcp.api.Requests.AgentsUsageQuery;
import com.sequentum.mcp.api.Requests.RunsSummaryQuery;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.tools.ToolFailure;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The API as seen through {@link SpaceScope}: lists (agents, spaces, usage, run summaries, upcoming schedules) keep
 * only entries of allowed spaces, and single agents or spaces outside them read as refused. Used for tools and
 * resources alike; the checks on tool arguments before a call happen in {@link ToolGuard}.
 */
public final class ScopedApi extends SequentumApi {
    private final SequentumApi raw;
    private final SpaceScope scope;
    private final String principal;

    public ScopedApi(ApiHttp http, Credentials credentials, SpaceScope scope, String principal) {
        super(http, credentials);
        this.raw = new SequentumApi(http, credentials);
        this.scope = scope;
        this.principal = principal;
    }

    public static String outside(String what) {
        return what + " is outside the spaces this server is allowed to use (SEQUENTUM_ALLOWED_SPACES). Nothing was "
                + "read or changed.";
    }

    private Set<Long> ids() { return scope.allowedIds(raw, principal); }

    private boolean inScope(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v != null && v.canConvertToLong() && !v.isNull() && ids().contains(v.asLong());
    }

    private ArrayNode filter(JsonNode array, Predicate<JsonNode> keep) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode n : array) if (keep.test(n)) out.add(n);
        return out;
    }

    private JsonNode agentsIn(JsonNode agents) {
        if (!agents.isArray()) return agents;
        for (JsonNode a : agents) {
            if (a.path("id").canConvertToLong() && a.has("spaceId")) {
                scope.remember(principal, a.path("id").asLong(),
                        a.get("spaceId").canConvertToLong() && !a.get("spaceId").isNull() ? a.get("spaceId").asLong() : null);
            }
        }
        return filter(agents, a -> inScope(a, "spaceId"));
    }

    @Override
    public JsonNode listAgents(AgentListQuery q) {
        if (q.spaceId() != null && !ids().contains(q.spaceId())) throw new ToolFailure(outside("Space " + q.spaceId()));
        JsonNode r = super.listAgents(q);
        if (r.isObject() && r.has("agents")) {
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            JsonNode kept = agentsIn(r.get("agents"));
            if (kept.size() != r.get("agents").size()) copy.put("totalRecordCount", kept.size());
            copy.set("agents", kept);
            return copy;
        }
        return agentsIn(r);
    }

    @Override
    public JsonNode searchAgents(String query, Integer maxRecords) { return agentsIn(super.searchAgents(query, maxRecords)); }

    @Override
    public JsonNode getAgent(long agentId) {
        JsonNode a = super.getAgent(agentId);
        if (a.isObject() && !inScope(a, "spaceId")) throw new ToolFailure(outside("Agent " + agentId));
        return a;
    }

    @Override
    public JsonNode listSpaces() {
        JsonNode r = super.listSpaces();
        return r.isArray() ? filter(r, s -> inScope(s, "id")) : r;
    }

    @Override
    public JsonNode getSpace(long spaceId) {
        if (!ids().contains(spaceId)) throw new ToolFailure(outside("Space " + spaceId));
        return super.getSpace(spaceId);
    }

    @Override
    public JsonNode getSpaceAgents(long spaceId) {
        if (!ids().contains(spaceId)) throw new ToolFailure(outside("Space " + spaceId));
        return super.getSpaceAgents(spaceId);
    }

    @Override
    public JsonNode searchSpaceByName(String name) {
        JsonNode s = super.searchSpaceByName(name);
        if (s.isObject() && !inScope(s, "id")) throw new ToolFailure(outside("Space \"" + name + "\""));
        return s;
    }

    @Override
    public JsonNode agentsUsage(AgentsUsageQuery q) {
        JsonNode r = super.agentsUsage(q);
        if (r.isObject() && r.path("agents").isArray()) {
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            copy.set("agents", filter(r.get("agents"), a -> inScope(a, "spaceId")));
            return copy;
        }
        return r;
    }

    @Override
    public JsonNode runsSummary(RunsSummaryQuery q) {
        JsonNode r = super.runsSummary(q);
        if (r.isObject()) {
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            r.fields().forEachRemaining(e -> {
                if (e.getValue().isArray() && !e.getValue().isEmpty() && e.getValue().get(0).has("spaceId")) {
                    copy.set(e.getKey(), filter(e.getValue(), x -> inScope(x, "spaceId")));
                }
            });
            return copy;
        }
        return r;
    }

    @Override
    public JsonNode upcomingSchedules(String startDate, String endDate) {
        JsonNode r = super.upcomingSchedules(startDate, endDate);
        if (!r.isArray()) return r;
        return filter(r, s -> s.path("agentId").canConvertToLong()
                && scope.allowsAgent(raw, principal, s.path("agentId").asLong()));
    }
}
