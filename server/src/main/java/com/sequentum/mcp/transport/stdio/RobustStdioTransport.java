package com.sequentum.mcp.transport.stdio;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.calls.InFlightCalls;
import com.sequentum.mcp.validation.InitializeParams;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stdio front for the SDK's {@link StdioServerTransportProvider} that survives bad input.
 *
 * <p>The SDK ends its read loop (and with it the server) on the first line it cannot parse, and may drop a
 * response when stdin closes right after a request. This class owns stdin and stdout instead:
 * <ul>
 * <li>each stdin line is checked first: invalid JSON gets a {@code -32700} reply, JSON that is not a JSON-RPC
 * message (arrays/batches, missing {@code jsonrpc} or {@code method}, bad {@code id}) and over-long lines get
 * {@code -32600}; the server keeps serving. Only well-formed messages reach the SDK (through a queue);</li>
 * <li>stdout is written by one {@link LineWriter}: whole lines, never interleaved, shared by the SDK's output and
 * our own replies;</li>
 * <li>{@code notifications/cancelled} (which the SDK ignores) cancels the matching {@code tools/call}: each call gets
 * a key in its {@code _meta} (see {@link InFlightCalls}) that the tool handler uses to see the cancellation;</li>
 * <li>at end of input it waits (bounded) until every request already forwarded has been answered, and only then
 * ends the SDK's input.</li>
 * </ul>
 */
public final class RobustStdioTransport {
    private static final Logger LOG = LoggerFactory.getLogger(RobustStdioTransport.class);
    /** Longest accepted line; longer lines are answered with -32600 and skipped. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** How long end-of-input waits for answers to requests already forwarded. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final InputStream in;
    private final LineWriter writer;
    private final int maxLineBytes;
    private final Duration drainTimeout;
    private final LineQueueInputStream sdkIn = new LineQueueInputStream();
    private final StdioServerTransportProvider provider;
    /** Requests forwarded to the SDK and not answered yet, by id (JSON text), with a count for duplicate ids. */
    private final Map<String, Integer> pending = new HashMap<>();
    /** Distinguishes this transport's request ids from other servers' in {@link InFlightCalls}. */
    private final String scope = "stdio-" + java.util.UUID.randomUUID();
    /** The id (JSON text) of a first request answered early, until the SDK's own answer to it has been dropped. */
    private volatile String earlyId;
    private volatile byte[] earlyAnswer;

    public RobustStdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out) {
        this(mapper, in, out, DEFAULT_MAX_LINE_BYTES, DEFAULT_DRAIN_TIMEOUT);
    }

    public RobustStdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, int maxLineBytes,
            Duration drainTimeout) {
        this.in = in;
        this.writer = new LineWriter(out);
        this.maxLineBytes = maxLineBytes;
        this.drainTimeout = drainTimeout;
        // The SDK counts characters, we count bytes (>= characters), so its own limit is never the one that trips.
        this.provider = new StdioServerTransportProvider(mapper, sdkIn, new LineSplittingOutputStream(this::fromSdk),
                Math.max(maxLineBytes, DEFAULT_MAX_LINE_BYTES) + 1);
    }

    /** The transport provider to build the SDK server on. */
    public StdioServerTransportProvider provider() {
        return provider;
    }

    /**
     * Reads stdin until end of input, then waits up to the drain timeout for outstanding answers and ends the SDK's
     * input. Returns the number of requests that were still unanswered when it gave up waiting (normally 0).
     */
    public int serve() {
        return serve(in);
    }

    /**
     * Serves a client whose first line a front has already read and answered ({@link EarlyInitialize}): the line goes
     * to the SDK like any other, the SDK's answer to it is not written (the client has its answer; a differing SDK
     * answer is logged), then {@code rest} is served as by {@link #serve()}.
     *
     * @param firstLine the first line as read, without its line break
     * @param answerSent the answer line already written to stdout
     * @param rest the input after the first line
     */
    public int serve(InputStream rest, byte[] firstLine, byte[] answerSent) {
        try {
            earlyId = json.readTree(firstLine).get("id").toString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the first line is not a request with an id", e);
        }
        earlyAnswer = answerSent;
        endOfLine(firstLine, firstLine.length, false);
        return serve(rest);
    }

    /** Like {@link #serve()}, reading {@code input} instead of the stream given to the constructor. */
    public int serve(InputStream input) {
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        try {
            int n;
            while ((n = input.read(buf)) != -1) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') continue;
                    tooLong = append(line, tooLong, buf, start, i - start);
                    endOfLine(line.toByteArray(), line.size(), tooLong);
                    line.reset();
                    tooLong = false;
                    start = i + 1;
                }
                tooLong = append(line, tooLong, buf, start, n - start);
            }
        } catch (IOException e) {
            LOG.warn("stdin read failed, stopping: {}", e.toString());
        }
        if (line.size() > 0 || tooLong) endOfLine(line.toByteArray(), line.size(), tooLong);
        int unanswered = drain();
        sdkIn.finish();
        return unanswered;
    }

    private boolean append(ByteArrayOutputStream line, boolean tooLong, byte[] b, int off, int len) {
        if (tooLong || len == 0) return tooLong;
        if ((long) line.size() + len > maxLineBytes) {
            line.reset();
            return true;
        }
        line.write(b, off, len);
        return false;
    }

    private void endOfLine(byte[] line, int length, boolean tooLong) {
        if (tooLong) {
            LOG.warn("stdin: skipped a line longer than {} bytes", maxLineBytes);
            reply(NullNode.instance, -32600, "Invalid Request: message longer than " + maxLineBytes + " bytes");
            return;
        }
        int len = length;
        if (len > 0 && line[len - 1] == '\r') len--;
        if (len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
            // A UTF-8 byte order mark: JSON readers may ignore it, and we must, because the SDK's reader cannot parse
            // a line that starts with one and would stop reading for good.
            line = java.util.Arrays.copyOfRange(line, 3, len);
            len -= 3;
        }
        boolean blank = true;
        for (int i = 0; i < len && blank; i++) {
            blank = line[i] == ' ' || line[i] == '\t' || line[i] == '\r';
        }
        if (blank) return;
        try {
            handle(line, len);
        } catch (RuntimeException e) {
            // Never let one message stop the reader.
            LOG.warn("stdin: could not process a message: {}", e.toString());
        }
    }

    private void handle(byte[] line, int len) {
        JsonNode node;
        try {
            node = json.readTree(line, 0, len);
        } catch (JsonProcessingException e) {
            reply(NullNode.instance, -32700, "Parse error: " + describe(e));
            return;
        } catch (IOException e) {
            reply(NullNode.instance, -32700, "Parse error: unreadable input");
            return;
        }
        if (node == null || node.isMissingNode()) return;
        if (node.isArray()) {
            reply(NullNode.instance, -32600, "Invalid Request: JSON-RPC batches (arrays) are not supported; send one message per line");
            return;
        }
        if (!node.isObject()) {
            reply(NullNode.instance, -32600, "Invalid Request: expected a JSON-RPC message object");
            return;
        }
        JsonNode id = node.get("id");
        boolean hasId = id != null;
        // Integer ids must fit in 64 bits: the SDK never answers a request with a larger one.
        boolean idValid = hasId && (id.isTextual() || id.isIntegralNumber() && id.canConvertToLong());
        JsonNode replyId = idValid ? id : NullNode.instance;
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
            reply(replyId, -32600, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
            return;
        }
        if (hasId && !idValid) {
            reply(NullNode.instance, -32600, "Invalid Request: \"id\" must be a string or an integer (at most 64 bits)");
            return;
        }
        JsonNode method = node.get("method");
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                reply(replyId, -32600, "Invalid Request: \"method\" must be a non-empty string");
                return;
            }
            JsonNode params = node.get("params");
            if (params != null && !params.isObject() && !params.isNull()) {
                if (hasId) {
                    reply(id, -32602, "Invalid params: \"params\" must be an object");
                } else {
                    LOG.warn("stdin: dropped notification {} whose params are not an object", method.asText());
                }
                return;
            }
            if (hasId && method.asText().equals("initialize")) {
                String problem = InitializeParams.problemIn(line, len);
                if (problem != null) {
                    reply(id, -32602, problem);
                    return;
                }
            }
            if (hasId) track(id);
            LOG.debug("stdin: {} {}", hasId ? "request " + id : "notification", method.asText());
            if (!hasId && method.asText().equals("notifications/cancelled")) {
                // The SDK has no handler for this; signal the call ourselves (an unknown id is simply ignored).
                JsonNode target = node.path("params").path("requestId");
                if (target.isTextual() || target.isIntegralNumber()) InFlightCalls.cancel(InFlightCalls.key(scope, target));
                return;
            }
            if (hasId && method.asText().equals("tools/call") && node.path("params").isObject()) {
                ObjectNode callParams = (ObjectNode) node.get("params");
                JsonNode meta = callParams.get("_meta");
                ObjectNode m = meta instanceof ObjectNode o ? o : callParams.putObject("_meta");
                String key = InFlightCalls.key(scope, id);
                m.put(InFlightCalls.META_KEY, key);
                InFlightCalls.announce(key);
                try {
                    byte[] rewritten = json.writeValueAsBytes(node);
                    forward(rewritten, rewritten.length);
                } catch (JsonProcessingException e) {
                    forward(line, len);
                }
                return;
            }
            forward(line, len);
            return;
        }
        if (hasId && (node.has("result") || node.has("error"))) {
            forward(line, len); // a response to a server-initiated request
            return;
        }
        reply(replyId, -32600, "Invalid Request: a message needs a \"method\" (request or notification) "
                + "or an \"id\" with \"result\"/\"error\" (response)");
    }

    private void forward(byte[] line, int len) {
        byte[] copy = new byte[len];
        for (int i = 0; i < len; i++) {
            // A bare CR can only be insignificant whitespace here (valid JSON strings cannot hold one), but the
            // SDK's reader would treat it as a line break.
            copy[i] = line[i] == '\r' ? (byte) ' ' : line[i];
        }
        sdkIn.offerLine(copy);
    }

    private void fromSdk(byte[] line) {
        JsonNode id = null;
        try {
            id = responseId(line);
        } catch (IOException | RuntimeException e) {
            LOG.debug("stdout: SDK line was not JSON: {}", e.toString());
        }
        if (id != null && earlyId != null && earlyId.equals(id.toString())) {
            earlyId = null;
            checkEarlyAnswer(line);
        } else {
            writer.writeLine(line);
        }
        if (id != null) answered(id);
    }

    /**
     * The id of a JSON-RPC response (an object with {@code id} and {@code result} or {@code error}, no
     * {@code method}), else null. Reads the top level only and stops as soon as it knows: the SDK writes
     * {@code jsonrpc}, {@code id}, then {@code result}/{@code error}, so a response's (possibly large) result is
     * never parsed — before, every answer was parsed into a tree just to find its id.
     */
    private JsonNode responseId(byte[] line) throws IOException {
        try (JsonParser p = json.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            JsonNode id = null;
            boolean outcome = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "method" -> { return null; }
                    case "id" -> id = switch (p.currentToken()) {
                        case VALUE_STRING -> F.textNode(p.getText());
                        case VALUE_NUMBER_INT -> F.numberNode(p.getBigIntegerValue());
                        default -> NullNode.instance; // not an id we forwarded (those are strings or integers)
                    };
                    case "result", "error" -> outcome = true;
                    default -> { }
                }
                if (outcome && id != null) return id;
                p.skipChildren();
            }
            return null;
        }
    }

    /** The client already has an answer to its first line; the SDK's must say the same (it is not sent). */
    private void checkEarlyAnswer(byte[] sdkAnswer) {
        try {
            if (!json.readTree(sdkAnswer).equals(json.readTree(earlyAnswer))) {
                LOG.warn("stdio: the early answer to the first request differed from the server's: sent {}, server {}",
                        new String(earlyAnswer, StandardCharsets.UTF_8), new String(sdkAnswer, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warn("stdio: could not compare the early answer to the first request: {}", e.toString());
        }
    }

    private void reply(JsonNode id, int code, String message) {
        ObjectNode out = F.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id);
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        LOG.debug("stdin: answered {} {}", code, message);
        try {
            writer.writeLine(json.writeValueAsBytes(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void track(JsonNode id) {
        pending.merge(id.toString(), 1, Integer::sum);
    }

    private synchronized void answered(JsonNode id) {
        if (id == null) return;
        pending.computeIfPresent(id.toString(), (k, v) -> v > 1 ? v - 1 : null);
        if (pending.isEmpty()) notifyAll();
    }

    private synchronized int drain() {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int unanswered = pending.values().stream().mapToInt(Integer::intValue).sum();
        if (unanswered > 0) {
            LOG.warn("stdin closed; {} request(s) still unanswered after {} s", unanswered, drainTimeout.toSeconds());
        }
        return unanswered;
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) message = "invalid JSON";
        int nl = message.indexOf('\n');
        if (nl >= 0) message = message.substring(0, nl);
        if (message.length() > 200) message = message.substring(0, 200) + "…";
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getColumnNr() > 0) message += " (at column " + loc.getColumnNr() + ")";
        return message;
    }
}
