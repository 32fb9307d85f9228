package com.sequentum.mcp.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.testing.ApiStub;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest.CompleteArgument;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest.CompleteContext;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ResourceReference;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** completion/complete: ids and names from the account, capped at 100, never an error. */
class CompletionsTest {
    private final ApiStub api = ApiStub.start();
    private final Completions completions = new Completions(ctx -> api.api());

    @AfterEach
    void close() { api.close(); }

    private CompleteCompletion complete(String ref, String arg, String value, Map<String, String> context) {
        var reference = ref.startsWith("sequentum://") ? new ResourceReference(ref) : new PromptReference(ref);
        return completions.complete(api.api(), new CompleteRequest(reference, new CompleteArgument(arg, value),
                context == null ? null : new CompleteContext(context))).completion();
    }

    @Test
    void oneSpecificationPerTemplateAndPerPromptWithANameArgument() {
        assertThat(completions.specifications()).extracting(s -> s.referenceKey().identifier()).containsExactly(
                "sequentum://agents/{agentId}", "sequentum://agents/{agentId}/versions",
                "sequentum://agents/{agentId}/schedules", "sequentum://agents/{agentId}/cost-breakdown",
                "sequentum://spaces/{spaceId}", "sequentum://spaces/{spaceId}/agents", "sequentum://agents/{agentId}/runs",
                "sequentum://agents/{agentId}/runs/{runId}", "sequentum://agents/{agentId}/runs/{runId}/files",
                "sequentum://agents/{agentId}/runs/{runId}/diagnostics", "sequentum://agents/{agentId}/latest-failure",
                "debug-agent", "agent-health-check", "run-and-monitor", "space-overview", "schedule-agent",
                "compare-runs", "build-agent-from-prompt");
    }

    @Test
    void agentIdsMatchTheTypedPrefixOnIdOrName() {
        api.json("{\"agents\":[{\"id\":12,\"name\":\"Zeta\"},{\"id\":7,\"name\":\"1st Shop\"},{\"id\":31,\"name\":\"B\"},"
                + "{\"id\":120,\"name\":\"C\"}],\"totalRecordCount\":4}");

        CompleteCompletion c = complete("sequentum://agents/{agentId}", "agentId", "1", null);

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/all?pageIndex=1&recordsPerPage=100");
        assertThat(c.values()).containsExactly("12", "7", "120");
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.hasMore()).isFalse();
    }

    @Test
    void aTypedNameIsSentAsTheSearchFilterAndMatchedCaseInsensitively() {
        api.json("{\"agents\":[{\"id\":5,\"name\":\"Amazon Prices\"},{\"id\":6,\"name\":\"Shop amazon\"}],\"totalRecordCount\":2}");

        CompleteCompletion c = complete("sequentum://agents/{agentId}/runs", "agentId", "ama", null);

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/all?name=ama&pageIndex=1&recordsPerPage=100");
        assertThat(c.values()).containsExactly("5");
    }

    @Test
    void moreThanOneHundredMatchesAreCappedWithHasMore() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= 150; i++) b.append(i > 1 ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"s").append(i).append("\"}");
        api.json(b.append("]").toString());

        CompleteCompletion c = complete("sequentum://spaces/{spaceId}", "spaceId", "", null);

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/spaces");
        assertThat(c.values()).hasSize(100).startsWith("1", "2").endsWith("100");
        assertThat(c.total()).isEqualTo(150);
        assertThat(c.hasMore()).isTrue();
    }

    @Test
    void moreAgentsUpstreamThanFetchedMeansHasMore() {
        api.json("{\"agents\":[{\"id\":1,\"name\":\"A\"}],\"totalRecordCount\":500}");
        CompleteCompletion c = complete("sequentum://agents/{agentId}", "agentId", "", null);
        assertThat(c.values()).containsExactly("1");
        assertThat(c.hasMore()).isTrue();
    }

    @Test
    void runIdsComeFromTheRunsOfTheAgentInTheContext() {
        api.json("[{\"id\":100,\"status\":\"Completed\"},{\"id\":201},{\"id\":105}]");

        CompleteCompletion c = complete("sequentum://agents/{agentId}/runs/{runId}", "runId", "10", Map.of("agentId", "42"));

        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/runs");
        assertThat(c.values()).containsExactly("100", "105");
    }

    @Test
    void runIdsWithoutAValidAgentIdInTheContextAreEmptyWithoutACall() {
        assertThat(complete("sequentum://agents/{agentId}/runs/{runId}", "runId", "", null).values()).isEmpty();
        assertThat(complete("sequentum://agents/{agentId}/runs/{runId}", "runId", "", Map.of("agentId", "abc")).values()).isEmpty();
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void agentAndSpaceNamesByPrefix() {
        api.json("[{\"id\":1,\"name\":\"Price Monitor\"},{\"id\":2,\"name\":\"price feed\"},{\"id\":3,\"name\":\"Other price\"}]");
        assertThat(complete("debug-agent", "agentName", "pri", null).values()).containsExactly("Price Monitor", "price feed");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/all?name=pri&pageIndex=1&recordsPerPage=100");

        api.json("[{\"id\":1,\"name\":\"Production\"},{\"id\":2,\"name\":\"Staging\"}]");
        assertThat(complete("space-overview", "spaceName", "Pro", null).values()).containsExactly("Production");
    }

    @Test
    void upstreamFailuresGiveAnEmptyCompletion() {
        api.json(500, "{\"message\":\"boom\"}");
        CompleteCompletion c = complete("sequentum://spaces/{spaceId}/agents", "spaceId", "1", null);
        assertThat(c.values()).isEmpty();
        assertThat(c.hasMore()).isFalse();

        api.json("\"not a list\"");
        assertThat(complete("sequentum://agents/{agentId}", "agentId", "1", null).values()).isEmpty();
    }
}
