package com.sequentum.mcp.tools;

/** Tool categories; {@link #key()} is the toolset name used for tool selection, {@link #title()} the documentation heading. */
public enum Category {
    AGENTS("agents", "Agent Management"),
    RUNS("runs", "Run Management"),
    FILES("files", "File Management"),
    VERSIONS("versions", "Version Management"),
    SCHEDULES("schedules", "Schedule Management"),
    BILLING("billing", "Billing & Credits"),
    SPACES("spaces", "Space Management"),
    ANALYTICS("analytics", "Analytics & Diagnostics"),
    BUILDER("builder", "Agent Builder");

    private final String key;
    private final String title;

    Category(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() { return key; }
    public String title() { return title; }
}
