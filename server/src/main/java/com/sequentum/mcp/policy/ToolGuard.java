package com.sequentum.mcp.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.api.UpstreamStatus;
import com.sequentum.mcp.audit.AuditLog;
import com.sequentum.mcp.tools.Confirmations;
import com.sequentum.mcp.tools.IdempotencyCache;
import com.sequentum.mcp.tools.IdempotencyStore;
import com.sequentum.mcp.tools.ToolContext;
import com.sequentum.mcp.tools.ToolErrors;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolRunner;
import com.sequentum.mcp.tools.ToolSpec;
import com.sequentum.mcp.validation.Args;
import com.sequentum.mcp.validation.InvalidArgumentException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the operator controls around one tool call, in this order: space scoping (refused before any request
 * that could change something), the {@code idempotencyKey} check, confirmation of destructive tools, the call itself
 * (answered from {@link IdempotencyCache} for a repeated key) and the audit line for state-changing tools. One guard
 * serves a whole process, so idempotency keys and caches are shared by all sessions of a principal.
 */
public final class ToolGuard {
    public static final Set<String> IDEMPOTENT_STARTS = Set.of("start_agent", "run_space_agents");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ControlSettings settings;
    private final IdempotencyStore idempotency;
    private final SpaceScope scope;
    private final AuditLog audit;

    public ToolGuard(ControlSettings settings, Clock clock) {
        this(settings, clock, new IdempotencyCache(clock));
    }

    /** With another idempotency store (HTTP replicas with {@code REDIS_URL} share one in Redis). */
    public ToolGuard(ControlSettings settings, Clock clock, IdempotencyStore idempotency) {
        this(settings, idempotency, new SpaceScope(settings.allowedSpaces(), clock),
                AuditLog.open(settings.auditLog(), clock));
    }

    public ToolGuard(ControlSettings settings, IdempotencyStore idempotency, SpaceScope scope, AuditLog audit) {
        this.settings = settings;
        this.idempotency = idempotency;
        this.scope = scope;
        this.audit = audit;
    }

    public ControlSettings settings() { return settings; }

    public SpaceScope scope() { return scope; }

    public AuditLog audit() { return audit; }

    /** Runs {@code tool} for {@code principal}; never throws. {@code rawApi} is the unscoped client for lookups. */
    public ToolResult call(ToolSpec tool, ToolContext ctx, SequentumApi rawApi, Map<String, Object> arguments,
            String principal) {
        long start = System.nanoTime();
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        String[] outcome = {"ok"};
        Map<String, Object> extra = new LinkedHashMap<>();
        ToolResult result;
        try {
            result = guarded(tool, ctx, rawApi, args, principal, outcome, extra);
        } catch (InvalidArgumentException e) {
            outcome[0] = "invalid";
            result = ToolResult.error(ToolErrors.format(e));
        } catch (RuntimeException e) {
            outcome[0] = "error";
            result = ToolResult.error(ToolErrors.format(e));
        }
        if (outcome[0].equals("ok") && result.isError()) {
            outcome[0] = "error";
            String text = result.text();
            int colon = text.indexOf(':');
            extra.put("error", colon > 0 && colon < 40 ? text.substring(0, colon) : "Error");
        }
        if (!tool.hints().readOnly()) {
            audit.record(principal, tool.name(), args, outcome[0], (System.nanoTime() - start) / 1_000_000, extra);
        }
        return result;
    }

    private ToolResult guarded(ToolSpec tool, ToolContext ctx, SequentumApi rawApi, Map<String, Object> args,
            String principal, String[] outcome, Map<String, Object> extra) {
        Args a = Args.of(args);
        String refusal = scopeRefusal(tool, a, rawApi, principal);
        if (refusal != null) {
            outcome[0] = "refused-out-of-scope";
            return ToolResult.error("Error: " + refusal);
        }
        String key = null;
        if (IDEMPOTENT_STARTS.contains(tool.name())) {
            key = a.boundedString(IdempotencyCache.FIELD, false, false, 1, IdempotencyCache.KEY_MAX);
        }
        Confirmations.Decision d = Confirmations.check(tool.name(), settings.confirm(), ctx, a);
        if (!d.proceed()) {
            outcome[0] = d.outcome();
            return d.result();
        }
        if (!d.outcome().equals("not-asked")) extra.put("confirmation", d.outcome());
        if (key == null) return runNotingStatus(tool, ctx, args, extra);
        String fingerprint = fingerprint(tool.name(), args);
        boolean[] ran = {false};
        ToolResult r = idempotency.run(principal, key, fingerprint, () -> {
            ran[0] = true;
            return runNotingStatus(tool, ctx, args, extra);
        });
        if (!ran[0]) {
            outcome[0] = !r.isError() ? "replayed"
                    : r.text().startsWith(IdempotencyStore.UNAVAILABLE_PREFIX) ? "refused-idempotency-unavailable"
                    : "refused-key-reuse";
            extra.put("idempotent", true);
        }
        return r;
    }

    /**
     * Runs the tool itself and puts the HTTP status of the last API answer it got into the audit line
     * ({@code upstreamStatus}); absent when the call never got an answer (refused, timed out, unreachable, replayed).
     * Lookups made before the call (scope check, confirmation preview) do not count.
     */
    private static ToolResult runNotingStatus(ToolSpec tool, ToolContext ctx, Map<String, Object> args,
            Map<String, Object> extra) {
        UpstreamStatus.Captured<ToolResult> c = UpstreamStatus.capture(() -> ToolRunner.run(tool, ctx, args));
        if (c.status() != null) extra.put("upstreamStatus", c.status());
        return c.value();
    }

    /** Why the call is refused under {@code SEQUENTUM_ALLOWED_SPACES}, or null. Lookups use the unscoped API. */
    String scopeRefusal(ToolSpec tool, Args a, SequentumApi rawApi, String principal) {
        if (!scope.active()) return null;
        Long spaceId = a.has("spaceId") ? quietId(a, "spaceId") : null;
        if (spaceId != null && !scope.allowsSpace(rawApi, principal, spaceId)) {
            return ScopedApi.outside("Space " + spaceId);
        }
        if (tool.name().equals("start_agent_build") && !a.has("spaceId")) {
            return "With SEQUENTUM_ALLOWED_SPACES set, pass the spaceId of an allowed space: without it the agent would "
                    + "be built in the account's default space. Nothing was changed.";
        }
        Long agentId = a.has("agentId") ? quietId(a, "agentId") : null;
        if (agentId != null && !scope.allowsAgent(rawApi, principal, agentId)) {
            return ScopedApi.outside("Agent " + agentId);
        }
        return null;
    }

    private static Long quietId(Args a, String field) {
        try {
            return a.optionalId(field);
        } catch (InvalidArgumentException e) {
            return null; // the tool reports the invalid value with its own message
        }
    }

    static String fingerprint(String tool, Map<String, Object> args) {
        TreeMap<String, Object> sorted = new TreeMap<>(args);
        sorted.remove(IdempotencyCache.FIELD);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((tool + "\u0000" + JSON.writeValueAsString(sorted))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (Exception e) {
            return tool + sorted.hashCode();
        }
    }
}
