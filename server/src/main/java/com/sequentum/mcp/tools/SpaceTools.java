package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Space category (being written). */
public final class SpaceTools {
    private SpaceTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
