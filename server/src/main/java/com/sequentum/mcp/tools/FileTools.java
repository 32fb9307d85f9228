package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the File category (being written). */
public final class FileTools {
    private FileTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
