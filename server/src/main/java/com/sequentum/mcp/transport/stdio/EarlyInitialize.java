package com.sequentum.mcp.transport.stdio;

import com.sequentum.mcp.json.JsonText;
import com.sequentum.mcp.json.StrictJson;
import com.sequentum.mcp.validation.InitializeParams;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the client's first stdio message, {@code initialize}, while the MCP server is still being built.
 *
 * <p>An MCP client spawns the server and sends {@code initialize} at once; building the SDK server (tool catalogue,
 * JSON library, Reactor) takes most of the start-up time, but the answer to {@code initialize} depends on none of
 * it: it is the negotiated protocol version, the server's name and version, its fixed capabilities and its
 * instructions. This class computes that answer with nothing but {@code java.base}, so the client gets it as soon
 * as the JVM is up; the message is then still handed to the SDK server (which records the client's capabilities as
 * usual) and the SDK's own answer, byte for byte the same, is dropped ({@link RobustStdioTransport#serve(InputStream,
 * byte[], byte[])}).
 *
 * <p>Only a plain, well-formed request is answered early ({@link #answer} returns empty for anything else, and the
 * message then takes the normal path): valid JSON with {@code "jsonrpc":"2.0"}, {@code "method":"initialize"}, an
 * integer or escape-free ASCII string {@code id}, and {@code params} the SDK can read ({@link InitializeParams}). Tests hold the answer equal to
 * the SDK's for every supported protocol version, and the normal path equal for every refused shape.
 */
public final class EarlyInitialize {
    /** The protocol versions the SDK's stdio transport accepts, oldest first (a test checks this against the SDK). */
    public static final List<String> PROTOCOL_VERSIONS = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    /**
     * The capabilities {@code McpServerFactory.capabilities()} advertises, written as the SDK writes them (a test
     * checks both).
     */
    static final String CAPABILITIES = "{\"completions\":{},\"logging\":{},\"prompts\":{\"listChanged\":false},"
            + "\"resources\":{\"subscribe\":false,\"listChanged\":false},\"tools\":{\"listChanged\":false}}";

    private static final int MAX_INTEGER_ID_DIGITS = 18;

    private final String serverName;
    private final String serverVersion;
    private final String instructions;

    public EarlyInitialize(String serverName, String serverVersion, String instructions) {
        this.serverName = serverName;
        this.serverVersion = serverVersion;
        this.instructions = instructions;
    }

    /** The complete answer line (without the newline) for {@code line[0, len)}, or empty to take the normal path. */
    public Optional<byte[]> answer(byte[] line, int len) {
        Object parsed;
        try {
            parsed = StrictJson.parse(line, len);
        } catch (StrictJson.Refused e) {
            return Optional.empty();
        }
        if (!(parsed instanceof Map<?, ?> message)) return Optional.empty();
        if (!isPlain(message.get("jsonrpc"), "2.0") || !isPlain(message.get("method"), "initialize")) return Optional.empty();
        String id = idText(message.get("id"));
        if (id == null) return Optional.empty();
        // Params the SDK could not read get an error from the normal path (the same rule, InitializeParams).
        if (InitializeParams.problem(message.get("params")) != null) return Optional.empty();
        StrictJson.Str requested = (StrictJson.Str) ((Map<?, ?>) message.get("params")).get("protocolVersion");
        String version = PROTOCOL_VERSIONS.contains(requested.text()) ? requested.text()
                : PROTOCOL_VERSIONS.get(PROTOCOL_VERSIONS.size() - 1);
        String out = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result(version) + "}";
        return Optional.of(out.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code result} object for a negotiated protocol version. */
    String result(String protocolVersion) {
        StringBuilder sb = new StringBuilder(256 + instructions.length());
        sb.append("{\"protocolVersion\":");
        quote(sb, protocolVersion);
        sb.append(",\"capabilities\":").append(CAPABILITIES);
        sb.append(",\"serverInfo\":{\"name\":");
        quote(sb, serverName);
        sb.append(",\"version\":");
        quote(sb, serverVersion);
        sb.append('}');
        if (instructions != null) {
            sb.append(",\"instructions\":");
            quote(sb, instructions);
        }
        return sb.append('}').toString();
    }

    private static boolean isPlain(Object value, String expected) {
        return value instanceof StrictJson.Str s && !s.escaped() && s.text().equals(expected);
    }

    /** The id as the SDK would write it back, or null when this class does not answer for such an id. */
    private static String idText(Object id) {
        if (id instanceof StrictJson.Num n) {
            String s = n.source();
            String digits = s.startsWith("-") ? s.substring(1) : s;
            // -0 would come back as 0; very long numbers change type inside the SDK: the normal path handles both.
            if (!n.integer() || s.equals("-0") || digits.length() > MAX_INTEGER_ID_DIGITS) return null;
            return s;
        }
        if (id instanceof StrictJson.Str s && !s.escaped()) {
            String t = s.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < 0x20 || c > 0x7e) return null;
            }
            return "\"" + t + "\"";
        }
        return null;
    }

    /** Appends {@code s} as a JSON string, escaped as Jackson escapes it (upper-case hex). */
    static void quote(StringBuilder sb, String s) {
        JsonText.quote(sb, s, true);
    }
}
