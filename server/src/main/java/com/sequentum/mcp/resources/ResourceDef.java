package com.sequentum.mcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.SequentumApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resource or resource template: its URI (template), name, description, the API call behind it and a
 * hint naming the tool (with arguments) that pages through the same data when a response is too large.
 * Hints may use the URI's variables as {@code {agentId}} etc.
 */
public record ResourceDef(String uri, String name, String description, Reader reader, String pagingHint) {
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** Reads the data for one request; ids are the template variables, already validated. */
    @FunctionalInterface
    public interface Reader {
        JsonNode read(SequentumApi api, Map<String, Long> ids, Clock clock);
    }

    public boolean isTemplate() { return uri.contains("{"); }

    public List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(uri);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * Matches a concrete URI against the template, each variable matching one non-empty path segment
     * (the same shape the SDK routes with); the values are validated afterwards. {@code null} = no match.
     */
    public Map<String, String> match(String concrete) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = VARIABLE.matcher(uri);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(uri.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(uri.substring(last))).append('$');
        Matcher c = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(concrete);
        if (!c.matches()) return null;
        List<String> names = variables();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) values.put(names.get(i), c.group(i + 1));
        return values;
    }

    public String pagingHint(Map<String, Long> ids) {
        String hint = pagingHint;
        for (Map.Entry<String, Long> e : ids.entrySet()) hint = hint.replace("{" + e.getKey() + "}", e.getValue().toString());
        return hint;
    }
}
