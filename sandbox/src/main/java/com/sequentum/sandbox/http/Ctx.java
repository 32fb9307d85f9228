package com.sequentum.sandbox.http;

import java.util.Map;
import java.util.function.Function;

/** One request as seen by a route handler. */
public final class Ctx {
    public final String method;
    public final String path;
    public final String[] groups;
    public final Query query;
    public final byte[] body;
    public final String baseUrl;
    public final String contentType;
    private final Function<String, String> headers;

    public Ctx(String method, String path, String[] groups, Query query, byte[] body, String baseUrl,
               String contentType, Function<String, String> headers) {
        this.method = method;
        this.path = path;
        this.groups = groups;
        this.query = query;
        this.body = body;
        this.baseUrl = baseUrl;
        this.contentType = contentType;
        this.headers = headers;
    }

    /** Path variable {@code i} (1-based) as a positive int. */
    public int id(int i) {
        try {
            return Integer.parseInt(groups[i]);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No resource with ID " + groups[i] + " exists.");
        }
    }

    public String group(int i) { return groups[i]; }

    public String header(String name) { return headers.apply(name); }

    public Body json() { return Body.of(body); }

    public static Map<String, String> none() { return Map.of(); }
}
