package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.tools.IdempotencyCache;
import com.sequentum.mcp.tools.IdempotencyStore;
import com.sequentum.mcp.tools.ToolResult;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency keys shared by every replica through Redis ({@code REDIS_URL}). The first request with a key reserves it
 * with {@code SET NX} (a "pending" entry that expires after {@link #PENDING_TTL} should its replica die mid-call) and
 * only then starts the run; a successful result replaces the reservation and is kept for {@link IdempotencyCache#TTL}.
 * A request finding a pending key waits for that result (polling); a failed first call releases the key, so a retry
 * really retries. Entries are named by a hash of principal and key: no token or key text is stored in key names.
 *
 * <p>Fails <em>closed</em>: when Redis cannot be asked, the start is refused with a retry message (a duplicate paid
 * run is worse than a retry) and {@code mcp_idempotency_backend_errors_total} is counted.
 */
final class RedisIdempotencyStore implements IdempotencyStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisIdempotencyStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the slowest tool call (API retries included); bounds how long duplicates wait. */
    static final Duration PENDING_TTL = Duration.ofMinutes(5);
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** Replaces the reservation with the result, unless another request owns the key by now. */
    private static final String COMPLETE = "local v = redis.call('GET', KEYS[1]) "
            + "if v and cjson.decode(v)['owner'] ~= ARGV[1] then return 0 end "
            + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1";
    /** Deletes the reservation if it is still ours. */
    private static final String RELEASE = "local v = redis.call('GET', KEYS[1]) "
            + "if v and cjson.decode(v)['owner'] == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end return 0";

    private final RedisStore store;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final Duration ttl;
    private final Duration pendingTtl;
    private final Duration pollInterval;

    RedisIdempotencyStore(RedisStore store, ServerMetrics metrics, Clock clock) {
        this(store, metrics, clock, IdempotencyCache.TTL, PENDING_TTL, POLL_INTERVAL);
    }

    RedisIdempotencyStore(RedisStore store, ServerMetrics metrics, Clock clock, Duration ttl, Duration pendingTtl,
            Duration pollInterval) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.ttl = ttl;
        this.pendingTtl = pendingTtl;
        this.pollInterval = pollInterval;
    }

    /** Thrown inside this class when Redis cannot be asked. */
    private static final class Unavailable extends Exception {
        Unavailable(String why) {
            super(why, null, false, false);
        }
    }

    @Override
    public ToolResult run(String principal, String key, String fingerprint, Supplier<ToolResult> call) {
        String redisKey = RedisStore.PREFIX + "idem:" + sha256(principal + "\u0000" + key);
        String owner = UUID.randomUUID().toString();
        long waitUntil = System.nanoTime() + pendingTtl.toNanos();
        try {
            while (true) {
                String created = clock.instant().toString();
                ObjectNode pending = JSON.createObjectNode().put("state", "pending").put("owner", owner)
                        .put("fingerprint", fingerprint).put("created", created);
                if (reserve(redisKey, pending)) return runAndStore(redisKey, owner, key, fingerprint, created, call);
                JsonNode earlier = read(redisKey);
                if (earlier == null) continue; // released or expired meanwhile: try to reserve it ourselves
                if (!earlier.path("fingerprint").asText().equals(fingerprint)) return reused(key);
                if (earlier.path("state").asText().equals("done")) return replay(key, earlier);
                if (System.nanoTime() - waitUntil >= 0) {
                    return ToolResult.error("Error: Nothing was started: an earlier call with idempotencyKey \"" + key
                            + "\" is still running. Retry later with the same key to get its result.");
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (Unavailable e) {
            return unavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("Error: The call was interrupted");
        }
    }

    private ToolResult runAndStore(String redisKey, String owner, String key, String fingerprint, String created,
            Supplier<ToolResult> call) {
        ToolResult result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            release(redisKey, owner);
            throw e;
        }
        if (result.isError()) {
            release(redisKey, owner);
            return result;
        }
        ObjectNode done = JSON.createObjectNode().put("state", "done").put("owner", owner)
                .put("fingerprint", fingerprint).put("created", created);
        ObjectNode r = done.putObject("result").put("text", result.text());
        if (result.structured() != null) r.set("structured", result.structured());
        if (result.prefix() != null) r.put("prefix", result.prefix());
        if (result.value() != null) r.set("value", result.value());
        try {
            commands().eval(COMPLETE, ScriptOutputType.INTEGER, new String[] {redisKey}, bytes(owner),
                    JSON.writeValueAsBytes(done), bytes(String.valueOf(ttl.toMillis())));
        } catch (Unavailable | RuntimeException | IOException e) {
            // The run was started: answer it. Its reservation stays until PENDING_TTL, so duplicates are refused.
            metrics.idempotencyBackendError();
            LOG.warn("[MCP] Could not store the result of an idempotent start in Redis at {} ({})", store.display(),
                    e.getClass().getSimpleName());
        }
        return result;
    }

    private boolean reserve(String redisKey, ObjectNode pending) throws Unavailable {
        try {
            return "OK".equals(commands().set(redisKey, JSON.writeValueAsBytes(pending),
                    SetArgs.Builder.nx().px(pendingTtl.toMillis())));
        } catch (IOException | RuntimeException e) {
            throw new Unavailable(e.getClass().getSimpleName());
        }
    }

    private JsonNode read(String redisKey) throws Unavailable {
        byte[] v;
        try {
            v = commands().get(redisKey);
        } catch (RuntimeException e) {
            throw new Unavailable(e.getClass().getSimpleName());
        }
        if (v == null) return null;
        try {
            return JSON.readTree(v);
        } catch (IOException e) {
            throw new Unavailable("unreadable entry");
        }
    }

    private void release(String redisKey, String owner) {
        try {
            commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {redisKey}, bytes(owner));
        } catch (Unavailable | RuntimeException e) {
            // the reservation expires after PENDING_TTL; until then duplicates are refused, which is the safe side
            metrics.idempotencyBackendError();
            LOG.warn("[MCP] Could not release an idempotency key in Redis at {} ({})", store.display(),
                    e.getClass().getSimpleName());
        }
    }

    private RedisCommands<String, byte[]> commands() throws Unavailable {
        StatefulRedisConnection<String, byte[]> c = store.connection();
        if (c == null) throw new Unavailable("not connected");
        return c.sync();
    }

    private ToolResult unavailable(String why) {
        metrics.idempotencyBackendError();
        store.warn("Idempotent starts are refused: Redis at " + store.display() + " failed (" + why + ")");
        return ToolResult.error(UNAVAILABLE_PREFIX + " (Redis) shared by the server's replicas cannot be reached, so "
                + "a duplicate run could not be ruled out. Retry in a few seconds with the same idempotencyKey.");
    }

    private ToolResult reused(String key) {
        return ToolResult.error("Error: idempotencyKey \"" + key + "\" was already used for a different request "
                + "(another tool or other arguments) in the last " + ttl.toMinutes() + " minutes. Use a new key "
                + "for a new request.");
    }

    private static ToolResult replay(String key, JsonNode earlier) {
        JsonNode r = earlier.path("result");
        ObjectNode structured = r.get("structured") instanceof ObjectNode o ? o : null;
        JsonNode value = r.has("value") ? r.get("value") : null;
        String prefix = r.has("prefix") ? r.get("prefix").asText() : null;
        return new ToolResult(r.path("text").asText() + "\n\nNote: idempotencyKey \"" + key + "\" was already used at "
                + earlier.path("created").asText() + "; this is the result of that earlier call. Nothing new was "
                + "started.", false, structured, prefix, value);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
