package com.sequentum.mcp.policy;

import com.sequentum.mcp.tools.ToolSelection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operator controls shared by stdio and HTTP: tool selection ({@code SEQUENTUM_TOOLSETS}, {@code SEQUENTUM_TOOLS},
 * {@code SEQUENTUM_READ_ONLY}, or the stdio flags {@code --toolsets}, {@code --tools}, {@code --read-only}, which win
 * over the environment), confirmation of destructive tools ({@code CONFIRM_DESTRUCTIVE}), space scoping
 * ({@code SEQUENTUM_ALLOWED_SPACES}) and the audit trail ({@code SEQUENTUM_AUDIT_LOG}).
 */
public record ControlSettings(ToolSelection selection, Confirm confirm, List<String> allowedSpaces, String auditLog) {

    /** When destructive tools ask the human first. */
    public enum Confirm {
        /** Ask when the client supports elicitation, otherwise proceed. */
        ELICIT,
        /** Ask; refuse when the client cannot ask. */
        ALWAYS,
        /** Never ask. */
        NEVER
    }

    public static ControlSettings defaults() {
        return new ControlSettings(ToolSelection.all(), Confirm.ELICIT, List.of(), null);
    }

    public ControlSettings withSelection(ToolSelection s) {
        return new ControlSettings(s, confirm, allowedSpaces, auditLog);
    }

    public ControlSettings withConfirm(Confirm c) {
        return new ControlSettings(selection, c, allowedSpaces, auditLog);
    }

    public ControlSettings withAllowedSpaces(List<String> spaces) {
        return new ControlSettings(selection, confirm, List.copyOf(spaces), auditLog);
    }

    public ControlSettings withAuditLog(String target) {
        return new ControlSettings(selection, confirm, allowedSpaces, target);
    }

    /** The command-line flags this class understands (each takes a value except {@code --read-only}). */
    public static boolean isFlag(String arg) {
        return arg.equals("--read-only") || arg.startsWith("--read-only=") || arg.equals("--toolsets")
                || arg.startsWith("--toolsets=") || arg.equals("--tools") || arg.startsWith("--tools=");
    }

    /**
     * Reads the environment and (stdio) the flags.
     *
     * @throws IllegalArgumentException with a message for stderr (unknown toolsets/tools list the valid names)
     */
    public static ControlSettings parse(Map<String, String> env, String[] args) {
        return read(env, args).resolve();
    }

    /**
     * The settings as given, every value checked except the tool and toolset names: reading them needs no tool
     * catalogue, so the stdio start-up can check its settings before the catalogue is loaded ({@link #resolve}).
     *
     * @throws IllegalArgumentException with a message for stderr
     */
    public static Given read(Map<String, String> env, String[] args) {
        String toolsets = env.get("SEQUENTUM_TOOLSETS");
        String tools = env.get("SEQUENTUM_TOOLS");
        boolean readOnly = flag("SEQUENTUM_READ_ONLY", env.get("SEQUENTUM_READ_ONLY"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--read-only")) {
                readOnly = true;
            } else if (a.startsWith("--read-only=")) {
                readOnly = flag("--read-only", a.substring("--read-only=".length()));
            } else if (a.equals("--toolsets") || a.equals("--tools")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a comma-separated list");
                if (a.equals("--toolsets")) toolsets = args[++i];
                else tools = args[++i];
            } else if (a.startsWith("--toolsets=")) {
                toolsets = a.substring("--toolsets=".length());
            } else if (a.startsWith("--tools=")) {
                tools = a.substring("--tools=".length());
            }
        }
        return new Given(toolsets, tools, readOnly, confirm(env.get("CONFIRM_DESTRUCTIVE")),
                spaces(env.get("SEQUENTUM_ALLOWED_SPACES")), blankToNull(env.get("SEQUENTUM_AUDIT_LOG")));
    }

    /** Settings read by {@link #read}; {@link #resolve} checks the tool and toolset names against the catalogue. */
    public record Given(String toolsets, String tools, boolean readOnly, Confirm confirm, List<String> allowedSpaces,
            String auditLog) {

        /** No toolsets, no tools, not read-only: every tool is offered, whatever the catalogue holds. */
        public boolean selectsEverything() {
            return (toolsets == null || toolsets.isBlank()) && (tools == null || tools.isBlank()) && !readOnly;
        }

        /** @throws IllegalArgumentException naming unknown toolsets or tools (never when {@link #selectsEverything}) */
        public ControlSettings resolve() {
            return new ControlSettings(ToolSelection.parse(toolsets, tools, readOnly), confirm, allowedSpaces, auditLog);
        }
    }

    /** {@code true/1/yes/on} or {@code false/0/no/off} (case-insensitive); unset or blank = false. */
    public static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) return false;
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got \"" + raw + "\"");
        };
    }

    static Confirm confirm(String raw) {
        if (raw == null || raw.isBlank()) return Confirm.ELICIT;
        try {
            return Confirm.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CONFIRM_DESTRUCTIVE must be elicit, always or never, got \"" + raw + "\"");
        }
    }

    static List<String> spaces(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
