package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Version category (being written). */
public final class VersionTools {
    private VersionTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
