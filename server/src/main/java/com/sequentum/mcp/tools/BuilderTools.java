package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Builder category (being written). */
public final class BuilderTools {
    private BuilderTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
