package com.sequentum.mcp.tools;

import com.sequentum.mcp.api.SequentumApi;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.time.Clock;

/**
 * Everything a tool handler may use for one call: the API bound to the caller's credentials, the clock
 * (injected so date rules are testable), and the MCP exchange (null in unit tests) for progress and logging.
 */
public record ToolContext(SequentumApi api, Clock clock, McpSyncServerExchange exchange, Object progressToken, boolean debug) {
    public static ToolContext of(SequentumApi api, Clock clock) {
        return new ToolContext(api, clock, null, null, false);
    }
}
