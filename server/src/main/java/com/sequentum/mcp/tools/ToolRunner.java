package com.sequentum.mcp.tools;

import com.sequentum.mcp.validation.Args;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool and guarantees a result: every failure becomes an {@code isError} result with a safe message, and a
 * success is kept within the context's result budget ({@link ResultBudget}).
 */
public final class ToolRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);

    private ToolRunner() {}

    public static ToolResult run(ToolSpec tool, ToolContext ctx, Map<String, Object> arguments) {
        try {
            ToolResult result = tool.handler().call(ctx, Args.of(arguments));
            if (result == null) return ToolResult.error(ToolErrors.UNKNOWN);
            return ResultBudget.apply(tool, arguments, result, ctx.budgetBytes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("Error: The call was interrupted");
        } catch (Throwable t) {
            String text = ToolErrors.format(t);
            if (text.equals(ToolErrors.UNKNOWN)) {
                // An internal fault: keep the details in the server log (stderr), never in the result.
                LOG.warn("Tool {} failed unexpectedly: {}", tool.name(), t.toString());
            }
            return ToolResult.error(text);
        }
    }
}
