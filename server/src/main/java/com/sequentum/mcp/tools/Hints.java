package com.sequentum.mcp.tools;

/**
 * MCP tool annotations. Read-only tools carry only {@code readOnlyHint: true}; write tools state
 * {@code destructiveHint} and {@code openWorldHint} explicitly. {@code idempotentHint} is never set.
 */
public record Hints(boolean readOnly, Boolean destructive, Boolean openWorld) {
    public static Hints reading() { return new Hints(true, null, null); }

    public static Hints write(boolean destructive, boolean openWorld) { return new Hints(false, destructive, openWorld); }
}
