package com.sequentum.mcp.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one JSON line per state-changing tool call (including refused and declined ones) with the time,
 * a hash of the principal, the tool, the ids it acted on, the outcome and the duration. Free-text arguments (input
 * parameters, prompts, comments, names, CRON expressions) and credentials are never written: only the fields in
 * {@link #ID_FIELDS} are copied. {@code SEQUENTUM_AUDIT_LOG} = a file path (appended) or {@code stderr}; unset = off.
 * {@code upstreamStatus} is the HTTP status of the last API answer the tool itself got (absent when none came back).
 * The latest lines are also kept in memory per principal ({@link RecentEntries}) for the resource
 * {@code sequentum://audit/recent}.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> ID_FIELDS = List.of("agentId", "runId", "scheduleId", "spaceId", "fileId",
            "versionNumber", "sessionId", "removeMethod");

    private final OutputStream out;
    private final Clock clock;
    private final RecentEntries recent = new RecentEntries();
    /** A second destination for every line (the JSON without newline), e.g. a Redis stream; null: none. */
    private final java.util.function.Consumer<String> sink;

    private AuditLog(OutputStream out, Clock clock) {
        this(out, clock, null);
    }

    private AuditLog(OutputStream out, Clock clock, java.util.function.Consumer<String> sink) {
        this.out = out;
        this.clock = clock;
        this.sink = sink;
    }

    /** The same trail that also hands every line to {@code sink} (which must not throw); on even without a file. */
    public AuditLog alsoTo(java.util.function.Consumer<String> sink) {
        return new AuditLog(out, clock, sink);
    }

    /** Off when {@code target} is null or blank. */
    public static AuditLog open(String target, Clock clock) {
        if (target == null || target.isBlank()) return new AuditLog(null, clock);
        if (target.equals("stderr")) return new AuditLog(new NonClosing(System.err), clock);
        try {
            return new AuditLog(new FileOutputStream(target, true), clock);
        } catch (IOException e) {
            throw new IllegalArgumentException("SEQUENTUM_AUDIT_LOG: cannot open \"" + target + "\" for appending: "
                    + e.getMessage());
        }
    }

    public static AuditLog to(OutputStream out, Clock clock) { return new AuditLog(out, clock); }

    public boolean enabled() { return out != null || sink != null; }

    /** Writes one line. {@code extra} may add outcome details (never free text). */
    public void record(String principal, String tool, Map<String, Object> arguments, String outcome, long durationMs,
            Map<String, Object> extra) {
        if (!enabled()) return;
        ObjectNode line = JSON.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("principal", hash(principal));
        line.put("tool", tool);
        ObjectNode ids = line.putObject("ids");
        if (arguments != null) {
            for (String f : ID_FIELDS) {
                Object v = arguments.get(f);
                if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) ids.put(f, n.longValue());
                else if (v instanceof Number n) ids.put(f, n.doubleValue());
                else if (v instanceof String s && s.length() <= 128) ids.put(f, s);
            }
        }
        line.put("outcome", outcome);
        Object upstream = null;
        if (extra != null) {
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                if (e.getKey().equals("upstreamStatus")) upstream = e.getValue();
                else line.set(e.getKey(), JSON.valueToTree(e.getValue()));
            }
        }
        if (upstream instanceof Number n) line.put("upstreamStatus", n.intValue());
        line.put("durationMs", durationMs);
        recent.add(line.get("principal").asText(), line);
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (IOException e) {
            LOG.warn("Audit line could not be written: {}", e.toString());
            return;
        }
        if (sink != null) sink.accept(text);
        if (out == null) return;
        try {
            byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("Audit log write failed: {}", e.toString());
        }
    }

    /**
     * The principal's latest entries (at most {@link RecentEntries#PER_PRINCIPAL}), newest first, as written to the
     * log; an empty array when auditing is off or the principal made no state-changing call since start-up.
     */
    public ArrayNode recent(String principal) {
        ArrayNode entries = JSON.createArrayNode();
        if (!enabled()) return entries;
        recent.newestFirst(hash(principal)).forEach(entries::add);
        return entries;
    }

    /** First 16 hex digits of SHA-256: stable per principal, reveals nothing about it. */
    public static String hash(String principal) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.valueOf(principal).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static final class NonClosing extends OutputStream {
        private final PrintStream target;

        NonClosing(PrintStream target) { this.target = target; }

        @Override public void write(int b) { target.write(b); }
        @Override public void write(byte[] b, int off, int len) { target.write(b, off, len); }
        @Override public void flush() { target.flush(); }
    }
}
