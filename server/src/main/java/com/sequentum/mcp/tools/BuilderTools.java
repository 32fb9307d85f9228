package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.policy.Policies;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Agent Builder: start_agent_build, get_agent_build_status, stop_agent_build. */
public final class BuilderTools {
    private static final Logger LOG = LoggerFactory.getLogger(BuilderTools.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static final int PROMPT_MIN = 10;
    static final int PROMPT_MAX = 5000;
    static final int SESSION_ID_MAX = 256;
    /** Shown instead of the builder's raw error, which may hold internal details (stack traces, file names). */
    static final String BUILD_FAILED = "Build failed. Please review your prompt and try again.";
    static final String SESSION_ID = "The build session id returned by start_agent_build (at most 256 characters).";

    private BuilderTools() {}

    public static List<ToolSpec> tools() {
        return List.of(startAgentBuild(), getAgentBuildStatus(), stopAgentBuild());
    }

    static ToolSpec startAgentBuild() {
        return new ToolSpec("start_agent_build", "Build Agent from Prompt", Category.BUILDER,
                "Creates a new web-scraping agent from a natural-language description using Sequentum's AI Agent Builder. "
                        + "The build runs asynchronously: this call returns a sessionId straight away, and the agent is "
                        + "saved to the workspace as soon as the AI has created it. Next step: poll get_agent_build_status "
                        + "with the sessionId until the status is completed, ready or error, then stop polling. While the "
                        + "build is still processing you may abort it with stop_agent_build. To build into a particular "
                        + "space, resolve its name with search_space_by_name first and pass its id as spaceId; without "
                        + "spaceId the agent goes to the default space. With waitForCompletion=true the call itself "
                        + "follows the build for up to 45 seconds (with progress notifications) and returns the final "
                        + "status, agentId and the next step; a build still processing then is polled as above. "
                        + Policies.PRE_CALL_CHECK + "\n\n" + Policies.PROMPT_HANDLING_POLICY,
                Schema.object()
                        .stringLength("prompt", "What to scrape or automate, in the user's own words, passed through as "
                                + "closely as possible. Do not add fields, output formats or techniques the user did not ask "
                                + "for. 10 to 5000 characters after trimming. Trivial normalisation only, e.g. turning "
                                + "'example.com/products' into 'https://example.com/products'.", true, PROMPT_MIN, PROMPT_MAX)
                        .number("spaceId", "Optional ID of the space to create the agent in (resolve a space name with "
                                + "search_space_by_name). Omit it to use the default space.", false)
                        .bool("waitForCompletion", "Optional: true = wait up to 45 seconds for the build to finish "
                                + "before answering; false (default) = return the sessionId at once.", false)
                        .build(),
                Hints.write(false, true), (ctx, a) -> {
                    String prompt = a.boundedString("prompt", true, true, PROMPT_MIN, PROMPT_MAX);
                    Long spaceId = a.optionalId("spaceId");
                    boolean wait = Boolean.TRUE.equals(a.bool("waitForCompletion", false));
                    JsonNode started = ctx.api().startAgentBuild(prompt, spaceId);
                    return wait ? Waits.awaitBuild(ctx, started) : ToolResult.json(started);
                });
    }

    static ToolSpec getAgentBuildStatus() {
        return new ToolSpec("get_agent_build_status", "Get Agent Build Status", Category.BUILDER,
                "Reports the state of an agent build started with start_agent_build: {status, agentId, agentName, "
                        + "error}. status is processing (still building: keep polling), ready (the agent exists and may "
                        + "still be saving), completed (the agent is saved), error (the build failed) or cancelled (the "
                        + "build was stopped). Stop polling once the status is completed, ready, error or cancelled; the "
                        + "session then tears itself down. agentId is the agent's permanent workspace id and works with "
                        + "every tool that takes an agentId (get_agent, start_agent, create_agent_schedule, ...).\n\n"
                        + "POLLING CADENCE: if the user asked for a particular polling interval, follow it. Otherwise back "
                        + "off moderately: wait about 5 seconds before the first poll, lengthen the wait gradually, and "
                        + "never wait more than about 30 seconds between polls.",
                Schema.object().string("sessionId", SESSION_ID, true).build(),
                Hints.reading(), (ctx, a) -> {
                    String sessionId = a.boundedString("sessionId", true, false, null, SESSION_ID_MAX);
                    return ToolResult.json(sanitise(sessionId, ctx.api().agentBuildStatus(sessionId)));
                });
    }

    /**
     * Never passes the builder's raw error on: for status {@code error} the {@code error} field becomes a generic
     * message (added last when the API left it out), for any other status it is dropped. Other fields keep the
     * API's order. The raw error is only written to the debug log.
     */
    static JsonNode sanitise(String sessionId, JsonNode status) {
        if (!status.isObject()) return status;
        boolean failed = "error".equals(status.path("status").textValue());
        if (failed) {
            JsonNode raw = status.get("error");
            LOG.debug("Agent build session {} failed: {}", sessionId,
                    raw == null || raw.isNull() ? null : raw.isTextual() ? raw.textValue() : raw.toString());
        }
        ObjectNode out = F.objectNode();
        boolean wroteError = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = status.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("error")) {
                if (failed) {
                    out.put("error", BUILD_FAILED);
                    wroteError = true;
                }
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        if (failed && !wroteError) out.put("error", BUILD_FAILED);
        return out;
    }

    static ToolSpec stopAgentBuild() {
        return new ToolSpec("stop_agent_build", "Stop Agent Build", Category.BUILDER,
                "Optionally aborts an agent build that is still processing (the API answers 204 No Content). It has no "
                        + "effect once the build has reached a final status. An agent the builder already saved stays in "
                        + "the workspace; delete it through the agents API if it is not wanted.",
                Schema.object().string("sessionId", SESSION_ID, true).build(),
                Hints.write(false, false), (ctx, a) -> {
                    String sessionId = a.boundedString("sessionId", true, false, null, SESSION_ID_MAX);
                    ctx.api().stopAgentBuild(sessionId);
                    ObjectNode out = F.objectNode();
                    out.put("stopped", true);
                    out.put("sessionId", sessionId);
                    return ToolResult.json(out);
                });
    }
}
