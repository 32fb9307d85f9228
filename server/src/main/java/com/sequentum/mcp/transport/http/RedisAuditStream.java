package com.sequentum.mcp.transport.http;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit lines to a Redis stream ({@code SEQUENTUM_AUDIT_REDIS_STREAM}) so that the trail of all replicas is in
 * one place: one entry per line with the field {@code line} (the same JSON as in {@code SEQUENTUM_AUDIT_LOG}), trimmed
 * to about {@link #MAX_LENGTH} entries. Sending is asynchronous and never delays or fails the tool call; a line Redis
 * does not take is written to the server log instead (it holds no secrets) and counted in
 * {@code mcp_audit_backend_errors_total}.
 */
final class RedisAuditStream implements Consumer<String> {
    private static final Logger LOG = LoggerFactory.getLogger(RedisAuditStream.class);
    static final long MAX_LENGTH = 1_000_000;

    private final RedisStore store;
    private final String stream;
    private final ServerMetrics metrics;

    RedisAuditStream(RedisStore store, String stream, ServerMetrics metrics) {
        this.store = store;
        this.stream = stream;
        this.metrics = metrics;
    }

    @Override
    public void accept(String line) {
        StatefulRedisConnection<String, byte[]> c = store.connection();
        if (c == null) {
            lost(line, "not connected");
            return;
        }
        try {
            c.async().xadd(stream, XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(),
                    Map.of("line", line.getBytes(StandardCharsets.UTF_8)))
                    .whenComplete((id, error) -> {
                        if (error != null) lost(line, error.getClass().getSimpleName());
                    });
        } catch (RuntimeException e) {
            lost(line, e.getClass().getSimpleName());
        }
    }

    private void lost(String line, String why) {
        metrics.auditBackendError();
        LOG.warn("[MCP] Audit line not added to Redis stream {} ({}): {}", stream, why, line);
    }
}
