package com.sequentum.mcp.tools;

import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.calls.CallControl;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.time.Clock;

/**
 * Everything a tool handler may use for one call: the API bound to the caller's credentials, the clock
 * (injected so date rules are testable), the MCP exchange (null in unit tests), the call's control (cancellation,
 * pauses, progress) and the result budget in bytes.
 */
public record ToolContext(SequentumApi api, Clock clock, McpSyncServerExchange exchange, Object progressToken, boolean debug,
        CallControl control, int budgetBytes) {
    public ToolContext(SequentumApi api, Clock clock, McpSyncServerExchange exchange, Object progressToken, boolean debug) {
        this(api, clock, exchange, progressToken, debug, CallControl.none(), ResultBudget.DEFAULT_BYTES);
    }

    public static ToolContext of(SequentumApi api, Clock clock) {
        return new ToolContext(api, clock, null, null, false);
    }

    public ToolContext with(CallControl c) { return new ToolContext(api, clock, exchange, progressToken, debug, c, budgetBytes); }

    public ToolContext withBudget(int bytes) { return new ToolContext(api, clock, exchange, progressToken, debug, control, bytes); }
}
