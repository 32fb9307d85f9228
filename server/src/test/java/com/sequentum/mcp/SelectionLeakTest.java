package com.sequentum.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.policy.ControlSettings;
import com.sequentum.mcp.policy.Policies;
import com.sequentum.mcp.prompts.PromptCatalogue;
import com.sequentum.mcp.prompts.PromptSelection;
import com.sequentum.mcp.tools.Category;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolSelection;
import com.sequentum.mcp.tools.ToolSpec;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No session ever reads the name of a tool it does not have: tool descriptions (with every description inside the
 * schemas), prompt descriptions, argument descriptions, rendered prompt texts and the server instructions are scanned
 * for each hidden tool, for every single toolset (with and without read-only), read-only alone and every single tool.
 */
class SelectionLeakTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> PROMPT_ARGS = Map.of("agentName", "Acme Prices", "spaceName", "Main",
            "scheduleDescription", "every Monday at 9am", "prompt", "Scrape product names and prices from example.com",
            "sessionId", "sess-1", "pollingPreference", "fast");

    static Stream<Arguments> selections() {
        List<Arguments> out = new ArrayList<>();
        for (Category c : Category.values()) {
            out.add(Arguments.of("toolset " + c.key(), ToolSelection.parse(c.key(), null, false)));
            out.add(Arguments.of("toolset " + c.key() + " read-only", ToolSelection.parse(c.key(), null, true)));
        }
        out.add(Arguments.of("read-only", ToolSelection.parse(null, null, true)));
        for (ToolSpec t : ToolCatalogue.all()) out.add(Arguments.of("tool " + t.name(), ToolSelection.parse(null, t.name(), false)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void noVisibleTextNamesAHiddenTool(String label, ToolSelection selection) throws Exception {
        McpServerFactory factory = factory(selection);
        List<String> texts = new ArrayList<>();
        List<String> toolNames = new ArrayList<>();
        for (SyncToolSpecification spec : factory.tools()) {
            toolNames.add(spec.tool().name());
            texts.add(JSON.writeValueAsString(spec.tool()));
        }
        assertThat(toolNames).containsExactlyElementsOf(selection.tools().stream().map(ToolSpec::name).toList());
        texts.add(selection.render(Policies.SUFFICIENCY_POLICY));
        for (SyncPromptSpecification p : PromptSelection.specifications(selection)) {
            texts.add(JSON.writeValueAsString(p.prompt()));
            var result = p.promptHandler().apply(null, new GetPromptRequest(p.prompt().name(), PROMPT_ARGS));
            String text = ((TextContent) result.messages().get(0).content()).text();
            assertThat(text).as("prompt %s is empty for %s", p.prompt().name(), label).isNotBlank();
            texts.add(text);
        }
        for (String hidden : selection.hidden()) {
            Pattern p = Pattern.compile("(?<![A-Za-z0-9_])" + hidden + "(?![A-Za-z0-9_])");
            for (String t : texts) {
                assertThat(p.matcher(t).find()).as("%s: hidden tool %s named in %s", label, hidden, t).isFalse();
            }
        }
    }

    @Test
    void everythingSelectedChangesNothing() throws Exception {
        McpServerFactory factory = factory(ToolSelection.all());
        List<SyncToolSpecification> tools = factory.tools();
        assertThat(tools).hasSize(ToolCatalogue.all().size());
        for (int i = 0; i < tools.size(); i++) {
            assertThat(JSON.writeValueAsString(tools.get(i).tool()))
                    .isEqualTo(JSON.writeValueAsString(McpServerFactory.sdkTool(ToolCatalogue.all().get(i))));
        }
        assertThat(PromptSelection.specifications(ToolSelection.all())).hasSize(PromptCatalogue.all().size());
    }

    @Test
    void promptsWhoseToolsAreAllHiddenAreHidden() {
        assertThat(names(ToolSelection.parse("billing", null, false)))
                .containsExactly("spending-report", "cost-analysis", "daily-operations-report");
        assertThat(names(ToolSelection.parse("builder", null, false)))
                .containsExactly("build-agent-from-prompt", "inspect-agent-draft");
        // read-only: prompts whose purpose is a write (start, build, schedule) go; the reading ones stay
        assertThat(names(ToolSelection.parse(null, null, true))).containsExactly("debug-agent", "agent-health-check",
                "spending-report", "cost-analysis", "space-overview", "daily-operations-report", "compare-runs",
                "inspect-agent-draft");
    }

    @Test
    void aPromptStepThatNeedsAHiddenToolIsDroppedAndTheStepsRenumbered() {
        String text = PromptSelection.render("daily-operations-report", Map.of(),
                ToolSelection.parse("analytics,schedules", null, false));
        assertThat(text).contains("1. Call get_runs_summary", "2. Call get_records_summary",
                "3. Call get_scheduled_runs").doesNotContain("get_credits_balance", "get_spending_summary", "4.");
    }

    @Test
    void descriptionsReadNaturallyWithoutTheHiddenTools() {
        McpServerFactory factory = factory(ToolSelection.parse("runs", null, false));
        var getRunStatus = factory.tools().stream().filter(t -> t.tool().name().equals("get_agent_runs")).findFirst()
                .orElseThrow().tool();
        Map<?, ?> properties = (Map<?, ?>) getRunStatus.inputSchema().get("properties");
        assertThat(((Map<?, ?>) properties.get("agentId")).get("description"))
                .isEqualTo("The numeric ID of the agent.");
    }

    private static List<String> names(ToolSelection s) {
        return PromptSelection.specifications(s).stream().map(p -> p.prompt().name()).toList();
    }

    static McpServerFactory factory(ToolSelection selection) {
        ApiHttp http = ApiHttp.create("http://127.0.0.1:9", Duration.ofSeconds(1));
        return new McpServerFactory(http, ctx -> Credentials.apiKey("sk-test-key-123"), Clock.systemUTC(), "test", false)
                .control(ControlSettings.defaults().withSelection(selection));
    }
}
