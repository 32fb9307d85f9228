package com.sequentum.mcp.validation;

import com.sequentum.mcp.json.StrictJson;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code params} of an {@code initialize} request against what the SDK can read. The SDK answers a
 * malformed one with {@code -32603} and a Java deserialisation message (class names, no id when params are missing)
 * and logs a stack trace; stdio, HTTP and the early stdio answer use this one rule instead, so each answers
 * {@code -32602 Invalid params: …} naming the member, with the request's id.
 *
 * <p>As lenient as the SDK where it is lenient: {@code capabilities} and {@code clientInfo} may be missing (the SDK
 * fills in empty ones), unknown members are ignored. Works on {@link StrictJson} values so that it needs nothing
 * beyond {@code java.base}.
 */
public final class InitializeParams {
    private static final List<String> OBJECT_CAPABILITIES = List.of("experimental", "roots", "sampling", "elicitation");
    private static final List<String> STRING_CLIENT_INFO = List.of("name", "title", "version", "description", "websiteUrl");

    private InitializeParams() {}

    /** The problem with {@code params} (the request's {@code params} value; null when absent), or null when none. */
    public static String problem(Object params) {
        if (!(params instanceof Map<?, ?> p)) {
            return "Invalid params: initialize needs \"params\" with \"protocolVersion\", \"capabilities\" and \"clientInfo\"";
        }
        if (!(p.get("protocolVersion") instanceof StrictJson.Str)) {
            return "Invalid params: \"protocolVersion\" must be a string, e.g. \"2025-06-18\"";
        }
        if (!objectOrAbsent(p.get("_meta"))) return "Invalid params: \"_meta\" must be an object";
        Object caps = p.get("capabilities");
        if (!objectOrAbsent(caps)) return "Invalid params: \"capabilities\" must be an object";
        if (caps instanceof Map<?, ?> c) {
            for (String key : OBJECT_CAPABILITIES) {
                if (!objectOrAbsent(c.get(key))) return "Invalid params: \"capabilities." + key + "\" must be an object";
            }
        }
        Object info = p.get("clientInfo");
        if (!objectOrAbsent(info)) return "Invalid params: \"clientInfo\" must be an object";
        if (info instanceof Map<?, ?> i) {
            for (String key : STRING_CLIENT_INFO) {
                Object v = i.get(key);
                if (v != null && v != StrictJson.NULL && !(v instanceof StrictJson.Str)) return "Invalid params: \"clientInfo." + key + "\" must be a string";
            }
            Object icons = i.get("icons");
            if (icons != null && icons != StrictJson.NULL && !(icons instanceof List)) return "Invalid params: \"clientInfo.icons\" must be an array";
        }
        return null;
    }

    /**
     * The problem with the params of the {@code initialize} request in {@code message[0, len)}, or null when there is
     * none or the message is not one this reader accepts (the SDK then decides as before).
     */
    public static String problemIn(byte[] message, int len) {
        Object parsed;
        try {
            parsed = StrictJson.parse(message, len);
        } catch (StrictJson.Refused e) {
            return null;
        }
        return parsed instanceof Map<?, ?> m ? problem(m.get("params")) : null;
    }

    /** JSON null counts as absent, as it does for the SDK. */
    private static boolean objectOrAbsent(Object v) {
        return v == null || v == StrictJson.NULL || v instanceof Map;
    }
}
