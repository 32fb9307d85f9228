package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one precedence: (toolsets ∪ tools, or everything when neither is given), then read-only beats all. */
class ToolSelectionTest {
    static final List<String> RUNS = List.of("get_agent_runs", "get_run_status", "start_agent", "stop_agent", "kill_agent",
            "delete_run");
    static final List<String> RUNS_READ = List.of("get_agent_runs", "get_run_status");

    static Stream<Arguments> precedence() {
        return Stream.of(
                // toolsets, tools, readOnly, expected visible tools
                Arguments.of(null, null, false, names(ToolCatalogue.all())),
                Arguments.of("", " ", false, names(ToolCatalogue.all())),
                Arguments.of("all", null, false, names(ToolCatalogue.all())),
                Arguments.of("runs", null, false, RUNS),
                Arguments.of(" Runs , files ", null, false, List.of("get_agent_runs", "get_run_status", "start_agent",
                        "stop_agent", "kill_agent", "delete_run", "get_run_files", "get_file_download_url", "get_run_data")),
                Arguments.of(null, "get_agent,delete_run", false, List.of("get_agent", "delete_run")),
                Arguments.of("files", "get_agent", false, List.of("get_agent", "get_run_files", "get_file_download_url", "get_run_data")),
                Arguments.of("runs", null, true, RUNS_READ),
                Arguments.of(null, "delete_run,get_agent", true, List.of("get_agent")),
                Arguments.of("runs", "start_agent_build", true, RUNS_READ),
                Arguments.of("all", null, true, names(ToolCatalogue.all().stream().filter(t -> t.hints().readOnly()).toList())));
    }

    @ParameterizedTest(name = "toolsets={0} tools={1} readOnly={2}")
    @MethodSource("precedence")
    void precedenceTable(String toolsets, String tools, boolean readOnly, List<String> expected) {
        ToolSelection s = ToolSelection.parse(toolsets, tools, readOnly);
        assertThat(names(s.tools())).containsExactlyElementsOf(expected);
        assertThat(s.hidden()).hasSize(ToolCatalogue.all().size() - expected.size()).doesNotContainAnyElementsOf(expected);
    }

    @Test
    void readOnlyLeavesExactlyTheReadOnlyTools() {
        ToolSelection s = ToolSelection.parse(null, null, true);
        assertThat(s.tools()).isNotEmpty().allMatch(t -> t.hints().readOnly());
        assertThat(s.hidden()).contains("start_agent", "delete_run", "kill_agent", "delete_agent_schedule",
                "restore_agent_version", "start_agent_build", "run_space_agents");
    }

    @Test
    void unknownToolsetsAreRejectedWithTheValidNames() {
        assertThatThrownBy(() -> ToolSelection.parse("runs,agent,bills", null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown toolsets: agent, bills. Valid toolsets: all, agents, runs, files, versions, schedules, "
                        + "billing, spaces, analytics, builder");
    }

    @Test
    void unknownToolsAreRejectedWithTheValidNames() {
        assertThatThrownBy(() -> ToolSelection.parse(null, "get_agent,drop_everything", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown tool: drop_everything. Valid tools: list_agents, get_agent, search_agents, ")
                .hasMessageEndingWith("stop_agent_build");
    }

    @Test
    void narrowingNeverWidens() {
        ToolSelection operator = ToolSelection.parse("runs,agents", null, false);
        ToolSelection asked = ToolSelection.parse("runs,billing", null, false);
        assertThat(names(operator.narrow(asked).tools())).containsExactlyElementsOf(RUNS);
        assertThat(names(operator.narrow(ToolSelection.parse(null, null, true)).tools()))
                .containsExactly("list_agents", "get_agent", "search_agents", "get_agent_runs", "get_run_status");
        ToolSelection readOnlyOperator = ToolSelection.parse(null, null, true);
        assertThat(readOnlyOperator.narrow(ToolSelection.parse(null, "start_agent", false)).tools()).isEmpty();
        assertThat(readOnlyOperator.narrow(ToolSelection.all()).readOnly()).isTrue();
    }

    static List<String> names(List<ToolSpec> tools) {
        return tools.stream().map(ToolSpec::name).toList();
    }
}
