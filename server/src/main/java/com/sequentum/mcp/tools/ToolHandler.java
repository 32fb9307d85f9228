package com.sequentum.mcp.tools;

import com.sequentum.mcp.validation.Args;

/** The body of a tool: validate the arguments, call the API, shape the result. Throw to report a failure. */
@FunctionalInterface
public interface ToolHandler {
    ToolResult call(ToolContext ctx, Args args) throws Exception;
}
