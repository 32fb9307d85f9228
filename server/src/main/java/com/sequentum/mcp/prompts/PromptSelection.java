package com.sequentum.mcp.prompts;

import com.sequentum.mcp.tools.ToolMentions;
import com.sequentum.mcp.tools.ToolSelection;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prompts a tool selection offers, with every text rendered for it. A prompt is hidden when none of the tools it
 * mentions is available, or when the one tool it exists for ({@link #ESSENTIAL}) is hidden; otherwise steps that need a
 * hidden tool are dropped and the rest renumbered ({@link ToolSelection#render}).
 */
public final class PromptSelection {
    /** The tool without which a prompt has no purpose. */
    static final Map<String, String> ESSENTIAL = Map.of(
            "run-and-monitor", "start_agent",
            "build-agent-from-prompt", "start_agent_build",
            "inspect-agent-draft", "get_agent_build_status",
            "schedule-agent", "create_agent_schedule",
            "compare-runs", "get_agent_runs",
            "spending-report", "get_spending_summary",
            "cost-analysis", "get_agents_usage");

    private PromptSelection() {}

    /** Every tool a prompt's texts mention (template, description, argument descriptions). */
    public static Set<String> toolsOf(PromptDef d) {
        Set<String> tools = new LinkedHashSet<>(ToolMentions.mentioned(PromptTemplate.load(d.name()).source()));
        tools.addAll(ToolMentions.mentioned(d.description()));
        d.arguments().forEach(a -> tools.addAll(ToolMentions.mentioned(a.description())));
        return tools;
    }

    public static boolean visible(PromptDef d, ToolSelection s) {
        String essential = ESSENTIAL.get(d.name());
        if (essential != null && !s.allows(essential)) return false;
        return toolsOf(d).stream().anyMatch(s::allows);
    }

    public static List<PromptDef> prompts(ToolSelection s) {
        return PromptCatalogue.all().stream().filter(d -> visible(d, s)).toList();
    }

    public static Prompt sdkPrompt(PromptDef d, ToolSelection s) {
        List<PromptArgument> args = d.arguments().stream()
                .map(a -> PromptArgument.builder(a.name()).description(s.render(a.description())).required(a.required())
                        .build())
                .toList();
        return Prompt.builder(d.name()).description(s.render(d.description())).arguments(args).build();
    }

    /** The prompt text for a selection. */
    public static String render(String name, Map<String, Object> arguments, ToolSelection s) {
        return s.render(PromptCatalogue.render(name, arguments));
    }

    public static List<SyncPromptSpecification> specifications(ToolSelection s) {
        if (s.isEverything()) return PromptCatalogue.specifications();
        return prompts(s).stream().map(d -> new SyncPromptSpecification(sdkPrompt(d, s),
                (exchange, request) -> PromptCatalogue.result(render(d.name(), request.arguments(), s)))).toList();
    }
}
