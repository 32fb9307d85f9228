package com.sequentum.mcp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sequentum.mcp.prompts.PromptCatalogue;
import com.sequentum.mcp.tools.ToolCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each policy text lives once in {@link Policies} and reaches every place it must appear (J7–J9). */
class PolicyWiringTest {

    @Test
    void sufficiencyPolicyStartsWithItsHeading() {
        assertThat(Policies.SUFFICIENCY_POLICY).startsWith("SUFFICIENCY POLICY");
        assertThat(Policies.PROMPT_HANDLING_POLICY).startsWith("PROMPT-HANDLING POLICY:");
    }

    @Test
    void promptHandlingPolicyFollowsTheGuardrailLabelOfTheBuildPrompt() {
        String text = PromptCatalogue.render("build-agent-from-prompt",
                Map.of("prompt", "scrape https://example.com/products for product names"));
        assertThat(text).contains("**GUARDRAIL:** " + Policies.PROMPT_HANDLING_POLICY);
    }

    @Test
    void promptHandlingPolicyIsPartOfTheStartAgentBuildDescription() {
        var tool = ToolCatalogue.find("start_agent_build");
        assumeTrue(tool.isPresent(), "start_agent_build is not in the catalogue yet");
        assertThat(tool.get().description()).contains(Policies.PROMPT_HANDLING_POLICY);
    }

    @Test
    void thePromptTemplatesDoNotCopyThePolicyText() throws Exception {
        try (var in = PolicyWiringTest.class.getResourceAsStream("/prompts/build-agent-from-prompt.md")) {
            String source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(source).contains("**GUARDRAIL:** {{guardrail}}").doesNotContain("PROMPT-HANDLING POLICY");
        }
    }
}
