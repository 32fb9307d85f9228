package com.sequentum.mcp.tools;

/** A tool-level failure whose message is safe to show the model (e.g. an unexpected response shape). */
public final class ToolFailure extends RuntimeException {
    public ToolFailure(String message) {
        super(message, null, false, false);
    }
}
