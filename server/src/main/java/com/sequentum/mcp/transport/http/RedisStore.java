package com.sequentum.mcp.transport.http;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redis connection of a replica ({@code REDIS_URL}), with short timeouts so that an unreachable Redis costs a
 * request at most {@link #COMMAND_TIMEOUT}. Never blocks start-up: when Redis is down the connection is attempted
 * again at most every {@link #RECONNECT_INTERVAL}, and Lettuce reconnects an established connection by itself while
 * refusing commands in the meantime (so callers fail fast instead of queueing).
 */
final class RedisStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(2);
    static final String PREFIX = "sequentum-mcp:";

    private final RedisClient client;
    private final String display;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private final AtomicLong nextAttemptNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - Duration.ofMinutes(1).toNanos());

    RedisStore(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        this.display = uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase(); // never the password
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
    }

    /** Host, port and database, for log lines (no credentials). */
    String display() {
        return display;
    }

    /** The live connection, or null when Redis cannot be reached right now. */
    StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) return c;
        long now = System.nanoTime();
        long next = nextAttemptNanos.get();
        if (now - next < 0 || !nextAttemptNanos.compareAndSet(next, now + RECONNECT_INTERVAL.toNanos())) return null;
        synchronized (this) {
            if (connection != null) return connection;
            try {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                LOG.info("[MCP] Connected to Redis at {}", display);
                return connection;
            } catch (RuntimeException e) {
                warn("Redis at " + display + " is unreachable (" + e.getClass().getSimpleName() + ")");
                return null;
            }
        }
    }

    /** Logs at most one warning per 30 seconds (an outage must not flood the log). */
    void warn(String message) {
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= Duration.ofSeconds(30).toNanos() && lastWarningNanos.compareAndSet(last, now)) {
            LOG.warn("[MCP] {}", message);
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) c.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
