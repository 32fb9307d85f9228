package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Run category (being written). */
public final class RunTools {
    private RunTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
