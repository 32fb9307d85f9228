package com.sequentum.mcp.tools;

import java.util.List;

/** Space Management: list_spaces, get_space, get_space_agents, search_space_by_name, run_space_agents. */
public final class SpaceTools {
    static final String SPACE_ID = "The numeric ID of the space. Find it with list_spaces or search_space_by_name.";

    private SpaceTools() {}

    public static List<ToolSpec> tools() {
        return List.of(listSpaces(), getSpace(), getSpaceAgents(), searchSpaceByName(), runSpaceAgents());
    }

    static ToolSpec listSpaces() {
        return new ToolSpec("list_spaces", "List Spaces", Category.SPACES,
                "Lists the spaces (folders that group agents) the account can see, with id, name and description. "
                        + "Use the id with get_space, get_space_agents or as the spaceId filter of list_agents.",
                Schema.object().build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().listSpaces()));
    }

    static ToolSpec getSpace() {
        return new ToolSpec("get_space", "Get Space", Category.SPACES,
                "Returns one space: name, description, organization, creation and update times and whether it is the "
                        + "default-access space.",
                Schema.object().number("spaceId", SPACE_ID, true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().getSpace(a.id("spaceId"))));
    }

    static ToolSpec getSpaceAgents() {
        return new ToolSpec("get_space_agents", "Get Space Agents", Category.SPACES,
                "Lists all agents in a space exactly as the API reports them (id, name, description, configType, numeric "
                        + "last-run status, validation status, last activity).",
                Schema.object().number("spaceId", SPACE_ID, true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().getSpaceAgents(a.id("spaceId"))));
    }

    static ToolSpec searchSpaceByName() {
        return new ToolSpec("search_space_by_name", "Search Space by Name", Category.SPACES,
                "Finds a space by its name and returns that single space, including its id. Use it to turn a space name "
                        + "the user mentions into the spaceId other tools (get_space_agents, run_space_agents, "
                        + "start_agent_build) need.",
                Schema.object().string("name", "The name of the space to look up.", true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().searchSpaceByName(a.string("name", true))));
    }

    static ToolSpec runSpaceAgents() {
        return new ToolSpec("run_space_agents", "Run Space Agents", Category.SPACES,
                "Starts every agent in a space at once and reports, per agent, whether it started and its runId (plus "
                        + "totals of started and failed agents). The optional inputParameters are passed to every agent.",
                Schema.object()
                        .number("spaceId", SPACE_ID, true)
                        .string("inputParameters", "Input parameters for all the agents as a JSON string, e.g. "
                                + "'{\"url\": \"https://example.com\"}'.", false)
                        .stringLength(IdempotencyCache.FIELD, RunTools.IDEMPOTENCY_KEY, false, 1, IdempotencyCache.KEY_MAX)
                        .build(),
                Hints.write(false, true), (ctx, a) -> {
                    long spaceId = a.id("spaceId");
                    String inputParameters = a.jsonString("inputParameters", false);
                    return ToolResult.json("Started agents in space.\n\n", ctx.api().runSpaceAgents(spaceId, inputParameters));
                });
    }
}
