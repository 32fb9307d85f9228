package com.sequentum.mcp.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The single list of tools, in {@code tools/list} order. Docs, snapshots and tests all read from here. */
public final class ToolCatalogue {
    private static final List<ToolSpec> ALL;

    static {
        List<ToolSpec> all = new ArrayList<>();
        all.addAll(AgentTools.tools());
        all.addAll(RunTools.tools());
        all.addAll(FileTools.tools());
        all.addAll(VersionTools.tools());
        all.addAll(ScheduleTools.tools());
        all.addAll(BillingTools.tools());
        all.addAll(SpaceTools.tools());
        all.addAll(AnalyticsTools.tools());
        all.addAll(BuilderTools.tools());
        ALL = Collections.unmodifiableList(all);
    }

    private ToolCatalogue() {}

    public static List<ToolSpec> all() { return ALL; }

    public static Optional<ToolSpec> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
