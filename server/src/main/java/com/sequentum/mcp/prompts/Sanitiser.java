package com.sequentum.mcp.prompts;

import java.util.regex.Pattern;

/**
 * Makes a prompt argument safe to interpolate into a prompt text as quoted data: control characters
 * (including runs of CR/LF and the whitespace around them) become one space, back-ticks are removed so
 * the value cannot close its quoting, the result is trimmed and cut to a per-argument cap.
 */
public final class Sanitiser {
    /** C0/C1 controls, Unicode line/paragraph separators and bidirectional overrides/isolates. */
    private static final String CONTROL = "\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069";
    private static final Pattern CONTROL_RUN =
            Pattern.compile("[\\s" + CONTROL + "]*[" + CONTROL + "][\\s" + CONTROL + "]*");

    private Sanitiser() {}

    /** The cleaned value, or {@code null} when nothing is left (an absent value stays absent). */
    public static String clean(Object raw, int cap) {
        if (raw == null) return null;
        String s = raw.toString().replace("`", "");
        s = CONTROL_RUN.matcher(s).replaceAll(" ").strip();
        if (s.length() > cap) {
            int cut = cap;
            if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) cut--;
            s = s.substring(0, cut).strip();
        }
        return s.isEmpty() ? null : s;
    }
}
