package com.sequentum.mcp.api;

/** Helpers that keep secrets and personal data out of log lines. */
public final class LogRedaction {
    private LogRedaction() {}

    /** The path with every query value replaced by {@code *}: search terms can be personal. */
    public static String endpoint(String endpoint) {
        int q = endpoint.indexOf('?');
        if (q < 0) return endpoint;
        StringBuilder sb = new StringBuilder(endpoint.substring(0, q + 1));
        String[] pairs = endpoint.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) sb.append('&');
            int eq = pairs[i].indexOf('=');
            sb.append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq) + "=*");
        }
        return sb.toString();
    }
}
