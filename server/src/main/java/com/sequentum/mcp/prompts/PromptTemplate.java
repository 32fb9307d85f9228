package com.sequentum.mcp.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt text kept as a resource file ({@code /prompts/<name>.md}) with a tiny template syntax:
 * <ul>
 *   <li>{@code {{#x}}…{{/x}}} keeps the block only when value {@code x} is present,
 *       {@code {{^x}}…{{/x}}} only when it is absent (not nested);</li>
 *   <li>{@code {{step}}} is replaced by 1, 2, 3… in order, after the blocks are resolved, so optional
 *       steps renumber the following ones;</li>
 *   <li>{@code {{x}}} is replaced by the value of {@code x} in a single pass: substituted values are never
 *       read as template syntax again.</li>
 * </ul>
 */
public final class PromptTemplate {
    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])(\\w+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern STEP = Pattern.compile("\\{\\{step}}");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");

    private final String name;
    private final String source;

    private PromptTemplate(String name, String source) {
        this.name = name;
        this.source = source;
    }

    public static PromptTemplate load(String name) {
        String path = "/prompts/" + name + ".md";
        try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing prompt template " + path);
            return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String source() { return source; }

    /** Renders with the given values; a key mapped to {@code null} or missing counts as absent. */
    public String render(Map<String, String> values) {
        Matcher sections = SECTION.matcher(source);
        StringBuilder resolved = new StringBuilder();
        while (sections.find()) {
            boolean present = values.get(sections.group(2)) != null;
            boolean keep = sections.group(1).equals("#") == present;
            sections.appendReplacement(resolved, Matcher.quoteReplacement(keep ? sections.group(3) : ""));
        }
        sections.appendTail(resolved);

        Matcher steps = STEP.matcher(resolved);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        while (steps.find()) steps.appendReplacement(numbered, Integer.toString(++n));
        steps.appendTail(numbered);

        Matcher vars = VARIABLE.matcher(numbered);
        StringBuilder out = new StringBuilder();
        while (vars.find()) {
            String v = values.get(vars.group(1));
            if (v == null && !values.containsKey(vars.group(1))) {
                throw new IllegalStateException("prompt template " + name + " uses unknown value " + vars.group(1));
            }
            vars.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        vars.appendTail(out);
        return out.toString().strip();
    }
}
