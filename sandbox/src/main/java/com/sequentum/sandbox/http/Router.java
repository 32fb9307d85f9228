package com.sequentum.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal method + regex router. Path variables are regex groups. */
public final class Router {
    @FunctionalInterface
    public interface Handler {
        Reply handle(Ctx ctx) throws Exception;
    }

    public record Route(String method, Pattern pattern, Handler handler) {}

    public record Match(Route route, String[] groups) {}

    private final List<Route> routes = new ArrayList<>();

    /** {@code {id}} in the template matches a positive integer; {@code {s}} any single segment. */
    public Router add(String method, String template, Handler h) {
        String regex = template.replace("{id}", "([0-9]{1,10})").replace("{s}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), h));
        return this;
    }

    public Router get(String t, Handler h) { return add("GET", t, h); }
    public Router post(String t, Handler h) { return add("POST", t, h); }
    public Router put(String t, Handler h) { return add("PUT", t, h); }
    public Router delete(String t, Handler h) { return add("DELETE", t, h); }

    /** Returns the match, or null; sets {@code methodMismatch[0]} when only the method differs. */
    public Match find(String method, String path, boolean[] methodMismatch) {
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(path);
            if (!m.matches()) continue;
            if (!r.method.equals(method)) {
                methodMismatch[0] = true;
                continue;
            }
            String[] g = new String[m.groupCount() + 1];
            for (int i = 0; i <= m.groupCount(); i++) g[i] = m.group(i);
            return new Match(r, g);
        }
        return null;
    }
}
