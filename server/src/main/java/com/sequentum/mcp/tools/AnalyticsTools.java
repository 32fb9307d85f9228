package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Analytics category (being written). */
public final class AnalyticsTools {
    private AnalyticsTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
