package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolMentionsTest {
    @Test
    void aHiddenToolLeavesAListOfToolNames() {
        assertThat(ToolMentions.without("Find it with list_agents or search_agents, or take it from "
                + "get_agent_build_status when you have just built a new agent.", Set.of("search_agents")))
                .isEqualTo("Find it with list_agents, or take it from get_agent_build_status when you have just built a "
                        + "new agent.");
        assertThat(ToolMentions.without("Use get_agent, start_agent and get_agent_runs.", Set.of("start_agent")))
                .isEqualTo("Use get_agent and get_agent_runs.");
    }

    @Test
    void aTrailingClauseNamingAHiddenToolIsDropped() {
        assertThat(ToolMentions.without("Find it with list_agents or search_agents, or take it from "
                + "get_agent_build_status when you have just built a new agent.", Set.of("get_agent_build_status")))
                .isEqualTo("Find it with list_agents or search_agents.");
        assertThat(ToolMentions.without("Asks the run to stop. Use this first; kill_agent is only for runs that do not "
                + "stop.", Set.of("kill_agent"))).isEqualTo("Asks the run to stop. Use this first.");
    }

    @Test
    void aSentenceWhoseMainClauseNamesAHiddenToolIsDropped() {
        assertThat(ToolMentions.without("Lists runs. Poll get_run_status after start_agent to follow it. Newest first.",
                Set.of("start_agent"))).isEqualTo("Lists runs. Newest first.");
    }

    @Test
    void aParenthesisNamingAHiddenToolIsDropped() {
        assertThat(ToolMentions.without("Only agents in this space (see list_spaces).", Set.of("list_spaces")))
                .isEqualTo("Only agents in this space.");
    }

    @Test
    void stepsThatNeedAHiddenToolAreDroppedAndTheRestRenumbered() {
        String text = "Do this:\n1. Call search_agents.\n2. Call start_agent.\n3. Call get_run_status.\n\nFinish.";
        assertThat(ToolMentions.without(text, Set.of("start_agent")))
                .isEqualTo("Do this:\n1. Call search_agents.\n2. Call get_run_status.\n\nFinish.");
    }

    @Test
    void namesAreMatchedWhole() {
        assertThat(ToolMentions.without("See get_agent_runs.", Set.of("get_agent"))).isEqualTo("See get_agent_runs.");
        assertThat(ToolMentions.mentioned("Use `start_agent` then get_run_status.")).containsExactly("start_agent",
                "get_run_status");
    }

    @Test
    void textWithoutHiddenToolsIsUntouched() {
        String text = "Starts a run (e.g. status=7). Then ask.\n\n1. One.\n3. Odd numbering kept.";
        assertThat(ToolMentions.without(text, Set.of("delete_run"))).isSameAs(text);
    }
}
