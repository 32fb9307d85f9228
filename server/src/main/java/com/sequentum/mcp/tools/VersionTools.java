package com.sequentum.mcp.tools;

import java.util.List;

/** Version Management: get_agent_versions, restore_agent_version. */
public final class VersionTools {
    private VersionTools() {}

    public static List<ToolSpec> tools() {
        return List.of(getAgentVersions(), restoreAgentVersion());
    }

    static ToolSpec getAgentVersions() {
        return new ToolSpec("get_agent_versions", "Get Agent Versions", Category.VERSIONS,
                "Lists the saved versions of an agent's configuration: version number, who saved it, when, the comment "
                        + "and the file size. Use it to review changes or to pick a version for restore_agent_version.",
                Schema.object().number("agentId", RunTools.AGENT_ID, true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().getAgentVersions(a.id("agentId"))));
    }

    static ToolSpec restoreAgentVersion() {
        return new ToolSpec("restore_agent_version", "Restore Agent Version", Category.VERSIONS,
                "Rolls an agent back to an earlier version. Nothing is overwritten: the API creates a new version whose "
                        + "content is a copy of the chosen one, so the current version stays in the history. Find version "
                        + "numbers with get_agent_versions.",
                Schema.object()
                        .number("agentId", RunTools.AGENT_ID, true)
                        .number("versionNumber", "The version number to restore, from get_agent_versions.", true)
                        .string("comments", "Why the version is being restored; saved as the new version's comment "
                                + "(may be empty).", true)
                        .build(),
                Hints.write(false, false), (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long version = a.id("versionNumber");
                    String comments = a.string("comments", true);
                    ctx.api().restoreAgentVersion(agentId, version, comments);
                    return ToolResult.text("Successfully restored agent " + agentId + " to version " + version
                            + ".\n\nA new version has been created based on version " + version + ".",
                            ToolResult.fields("restored", true, "agentId", agentId, "versionNumber", version));
                });
    }
}
