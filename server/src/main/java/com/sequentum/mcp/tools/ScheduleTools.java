package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Schedule category (being written). */
public final class ScheduleTools {
    private ScheduleTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
