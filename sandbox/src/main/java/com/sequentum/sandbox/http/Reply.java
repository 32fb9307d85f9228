package com.sequentum.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fully buffered HTTP answer produced by a handler (so fault injection can rewrite it). */
public final class Reply {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    public int status;
    public String contentType;
    public byte[] body;
    public final Map<String, String> headers = new LinkedHashMap<>();

    public Reply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body == null ? new byte[0] : body;
    }

    public static Reply json(int status, Object value) {
        return new Reply(status, JSON, Json.bytes(value));
    }

    public static Reply ok(Object value) { return json(200, value); }

    public static Reply noContent() { return new Reply(204, null, null); }

    public static Reply redirect(String location) {
        Reply r = new Reply(302, null, null);
        r.headers.put("Location", location);
        return r;
    }

    public static Reply text(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
