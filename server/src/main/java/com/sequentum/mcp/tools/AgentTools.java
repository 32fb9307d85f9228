package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.api.Requests.AgentListQuery;
import com.sequentum.mcp.validation.Args;
import com.sequentum.mcp.validation.InvalidArgumentException;
import java.util.List;

/** Agent Management: list_agents, get_agent, search_agents. */
public final class AgentTools {
    static final String AGENT_ID = "The numeric ID of the agent. Find it with list_agents or search_agents, or take it from get_agent_build_status "
            + "when you have just built a new agent.";

    private AgentTools() {}

    public static List<ToolSpec> tools() {
        return List.of(listAgents(), getAgent(), searchAgents());
    }

    static ToolSpec listAgents() {
        return new ToolSpec("list_agents", "List Agents", Category.AGENTS,
                "Lists the web-scraping agents in the Sequentum account as compact summaries (id, name, description, "
                        + "last-run status label, configType, version, lastActivity). Start here to discover agents and their IDs. "
                        + "Results are always paginated: page 1 with 50 agents unless pageIndex/recordsPerPage say otherwise, and "
                        + "the answer carries totalRecordCount. Filter by last-run status (e.g. status=7 for failed agents), by "
                        + "spaceId, by configType, or by a name fragment with search; sort with sortColumn and sortOrder.",
                Schema.object()
                        .numberEnum("status", "Only agents whose last run has this status code: " + AgentSummaries.statusLegend()
                                + ". Agents that never ran have a null status and show as 'Never Run'.", false,
                                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
                        .number("spaceId", "Only agents in this space (see list_spaces).", false)
                        .string("search", "Case-insensitive fragment of the agent name.", false)
                        .stringEnum("configType", "Only agents of this configuration type.", false,
                                List.of("Agent", "Command", "Api", "Shared"))
                        .stringEnum("sortColumn", "Column to sort by.", false,
                                List.of("name", "lastActivity", "created", "updated", "status", "configType"))
                        .stringEnum("sortOrder", "Sort direction: asc or desc.", false, List.of("asc", "desc"))
                        .number("pageIndex", "Page number, starting at 1 (default 1).", false)
                        .number("recordsPerPage", "Agents per page, 1 to 100 (default 50).", false)
                        .build(),
                Hints.reading(), AgentTools::handleList);
    }

    static ToolResult handleList(ToolContext ctx, Args a) {
        Integer status = a.smallInt("status", false, 0, 12L);
        Long spaceId = a.optionalId("spaceId");
        String search = a.string("search", false);
        String configType = a.string("configType", false);
        String sortColumn = a.string("sortColumn", false);
        String sortOrder = a.string("sortOrder", false);
        int pageIndex = orDefault(a.smallInt("pageIndex", false, 1, null), 1);
        int recordsPerPage = orDefault(a.smallInt("recordsPerPage", false, 1, 100L), 50);
        Integer order = null;
        if (sortOrder != null && !sortOrder.isEmpty()) {
            if (sortOrder.equals("asc")) order = 0;
            else if (sortOrder.equals("desc")) order = 1;
            else throw new InvalidArgumentException(
                    "Invalid parameter 'sortOrder': must be \"asc\" or \"desc\", got \"" + sortOrder + "\"");
        }
        JsonNode response = ctx.api().listAgents(new AgentListQuery(status, spaceId, search, configType, sortColumn, order,
                pageIndex, recordsPerPage));
        if (AgentSummaries.isPaged(response)) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("agents", AgentSummaries.summaries(response.get("agents")));
            ObjectNode pagination = out.putObject("pagination");
            if (response.has("totalRecordCount")) pagination.set("totalRecordCount", response.get("totalRecordCount"));
            pagination.put("pageIndex", pageIndex);
            pagination.put("recordsPerPage", recordsPerPage);
            return ToolResult.json(out);
        }
        if (response.isArray()) return ToolResult.json(AgentSummaries.summaries(response));
        throw new ToolFailure("Unexpected response type: " + AgentSummaries.jsTypeOf(response));
    }

    static ToolSpec getAgent() {
        return new ToolSpec("get_agent", "Get Agent", Category.AGENTS,
                "Returns everything about one agent: name, description, documentation, configType, start URL, input "
                        + "parameters (check these before start_agent), version, space, validation status and timestamps.",
                Schema.object().number("agentId", AGENT_ID, true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().getAgent(a.id("agentId"))));
    }

    static ToolSpec searchAgents() {
        return new ToolSpec("search_agents", "Search Agents", Category.AGENTS,
                "Finds agents whose name or description matches a text query and returns compact summaries "
                        + "(same shape as list_agents). Use it when the user names an agent instead of giving its ID.",
                Schema.object()
                        .string("query", "Text to look for in agent names and descriptions (must not be blank).", true)
                        .number("maxRecords", "Maximum number of agents to return, 1 to 1000.", false)
                        .build(),
                Hints.reading(), AgentTools::handleSearch);
    }

    static ToolResult handleSearch(ToolContext ctx, Args a) {
        String query = a.string("query", true);
        if (Args.jsTrim(query).isEmpty()) throw new InvalidArgumentException("Search query cannot be empty");
        Integer maxRecords = a.smallInt("maxRecords", false, 1, 1000L);
        JsonNode response = ctx.api().searchAgents(query, maxRecords);
        if (!response.isArray()) throw new ToolFailure("Unexpected response type: " + AgentSummaries.jsTypeOf(response));
        return ToolResult.json(AgentSummaries.summaries(response));
    }

    static int orDefault(Integer v, int d) { return v != null ? v : d; }
}
