package com.sequentum.mcp.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tools a server (stdio) or a session (HTTP) offers. One precedence, applied in this order:
 * <ol>
 *   <li>Neither toolsets nor tools given: every tool.</li>
 *   <li>Toolsets and/or individual tools given: the tools of those toolsets plus the named tools (a union;
 *       {@code all} as a toolset means every toolset).</li>
 *   <li>Read-only mode: of those, only tools annotated {@code readOnlyHint: true}. It beats every other setting: a write
 *       tool named explicitly is still hidden.</li>
 * </ol>
 * A selection can only be narrowed afterwards ({@link #narrow}): HTTP request headers select within the operator's
 * selection and can never widen it.
 */
public final class ToolSelection {
    public static final String ALL_TOOLSETS = "all";
    private static final ToolSelection EVERYTHING = new ToolSelection(names(ToolCatalogue.all()), false);

    private final Set<String> visible;
    private final boolean readOnly;

    private ToolSelection(Set<String> visible, boolean readOnly) {
        this.visible = Collections.unmodifiableSet(visible);
        this.readOnly = readOnly;
    }

    public static ToolSelection all() { return EVERYTHING; }

    /**
     * Parses the three settings (comma-separated lists; null or blank = not given).
     *
     * @throws IllegalArgumentException naming the unknown entries and listing the valid names
     */
    public static ToolSelection parse(String toolsets, String tools, boolean readOnly) {
        List<String> sets = list(toolsets);
        List<String> named = list(tools);
        List<String> validSets = new ArrayList<>();
        for (Category c : Category.values()) validSets.add(c.key());
        List<String> unknownSets = sets.stream().filter(s -> !s.equals(ALL_TOOLSETS) && !validSets.contains(s)).toList();
        if (!unknownSets.isEmpty()) {
            throw new IllegalArgumentException("Unknown toolset" + (unknownSets.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknownSets) + ". Valid toolsets: " + ALL_TOOLSETS + ", " + String.join(", ", validSets));
        }
        List<String> unknownTools = named.stream().filter(t -> ToolCatalogue.find(t).isEmpty()).toList();
        if (!unknownTools.isEmpty()) {
            throw new IllegalArgumentException("Unknown tool" + (unknownTools.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknownTools) + ". Valid tools: " + String.join(", ", names(ToolCatalogue.all())));
        }
        boolean everything = sets.isEmpty() && named.isEmpty() || sets.contains(ALL_TOOLSETS);
        Set<String> chosen = new LinkedHashSet<>();
        for (ToolSpec t : ToolCatalogue.all()) {
            boolean pick = everything || sets.contains(t.category().key()) || named.contains(t.name());
            if (pick && (!readOnly || t.hints().readOnly())) chosen.add(t.name());
        }
        return new ToolSelection(chosen, readOnly);
    }

    /** The tools both selections allow; read-only if either is. */
    public ToolSelection narrow(ToolSelection other) {
        Set<String> both = new LinkedHashSet<>(visible);
        both.retainAll(other.visible);
        return new ToolSelection(both, readOnly || other.readOnly);
    }

    public boolean allows(String toolName) { return visible.contains(toolName); }

    public boolean readOnly() { return readOnly; }

    public boolean isEverything() { return visible.size() == ToolCatalogue.all().size(); }

    /** Visible tools in catalogue order. */
    public List<ToolSpec> tools() {
        return ToolCatalogue.all().stream().filter(t -> visible.contains(t.name())).toList();
    }

    /** Names of the catalogue tools this selection hides. */
    public Set<String> hidden() {
        return ToolCatalogue.all().stream().map(ToolSpec::name).filter(n -> !visible.contains(n))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Rewrites model-facing text so that it never names a hidden tool ({@link ToolMentions}). */
    public String render(String text) {
        return ToolMentions.without(text, hidden());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolSelection s && s.visible.equals(visible) && s.readOnly == readOnly;
    }

    @Override
    public int hashCode() { return visible.hashCode() * 31 + (readOnly ? 1 : 0); }

    @Override
    public String toString() {
        return (readOnly ? "read-only " : "") + (isEverything() ? "all tools" : visible.size() + " tools " + visible);
    }

    private static Set<String> names(List<ToolSpec> tools) {
        return tools.stream().map(ToolSpec::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        return Arrays.stream(csv.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
