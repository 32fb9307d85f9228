package com.sequentum.mcp.transport.http;

import com.sequentum.mcp.api.ApiObserver;
import com.sequentum.mcp.tools.ToolResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics (Micrometer), served on {@code /metrics}. Every label value comes from a small fixed
 * set (tool names of the catalogue, outcome words, HTTP status codes, scope and reason words): never a token, a
 * session or agent id, an address or an argument value, so the series count stays bounded and scrapes leak nothing.
 *
 * <ul>
 *   <li>{@code mcp_tool_calls_total{tool,outcome}} and {@code mcp_tool_call_duration_seconds{tool}} (histogram)</li>
 *   <li>{@code mcp_upstream_responses_total{status}}, {@code mcp_upstream_retries_total{reason}},
 *       {@code mcp_upstream_failures_total{kind}} (Sequentum API)</li>
 *   <li>{@code mcp_http_requests_total{method,status}} (requests on {@code /mcp})</li>
 *   <li>{@code mcp_rate_limit_rejections_total{scope}} and {@code mcp_rate_limit_backend_errors_total} (Redis
 *       unreachable: the request was let through)</li>
 *   <li>{@code mcp_sessions_open}, {@code mcp_jwt_validation_failures_total{reason}},
 *       {@code mcp_idempotency_backend_errors_total}, {@code mcp_audit_backend_errors_total}, plus JVM memory, threads, CPU and uptime</li>
 * </ul>
 */
final class ServerMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> METHODS = Set.of("GET", "POST", "DELETE", "OPTIONS", "HEAD");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // Pre-register the error counters so dashboards see zeros rather than absent series.
        Counter.builder("mcp.rate.limit.backend.errors").description("Rate-limit checks that could not reach Redis and "
                + "let the request through (fail open)").register(registry);
        Counter.builder("mcp.idempotency.backend.errors").description("Idempotent starts refused because Redis could "
                + "not be reached (fail closed)").register(registry);
        Counter.builder("mcp.audit.backend.errors").description("Audit lines Redis did not take "
                + "(SEQUENTUM_AUDIT_REDIS_STREAM); they are in the server log instead").register(registry);
        for (String scope : new String[] {"address", "principal"}) rateLimitCounter(scope);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    void sessionsOpen(Supplier<Number> open) {
        Gauge.builder("mcp.sessions.open", open).description("Open MCP sessions on this replica").register(registry);
    }

    void toolCalled(String tool, ToolResult result, long nanos) {
        Counter.builder("mcp.tool.calls").description("Tool calls by tool and outcome")
                .tag("tool", tool).tag("outcome", outcome(result)).register(registry).increment();
        Timer.builder("mcp.tool.call.duration").description("Tool call latency, API retries included")
                .tag("tool", tool)
                .serviceLevelObjectives(ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000),
                        ms(10_000), ms(30_000), ms(60_000), ms(120_000))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A fixed word for a tool result, from the error prefixes of {@code ToolErrors}. */
    static String outcome(ToolResult r) {
        if (!r.isError()) return "ok";
        String t = r.text();
        if (t.startsWith("Rate Limited")) return "upstream_rate_limited";
        if (t.startsWith("Authentication")) return "auth_error";
        if (t.startsWith("Access Denied")) return "forbidden";
        if (t.startsWith("Not Found")) return "not_found";
        if (t.startsWith("Server Error")) return "upstream_error";
        if (t.startsWith("API Error")) return "api_error";
        return "error";
    }

    ApiObserver apiObserver() {
        return new ApiObserver() {
            @Override
            public void response(int status) {
                String s = status >= 100 && status <= 599 ? String.valueOf(status) : "other";
                Counter.builder("mcp.upstream.responses").description("Sequentum API responses by status code")
                        .tag("status", s).register(registry).increment();
            }

            @Override
            public void retry(String reason) {
                Counter.builder("mcp.upstream.retries").description("Sequentum API requests retried, by reason")
                        .tag("reason", reason).register(registry).increment();
            }

            @Override
            public void failure(String kind) {
                Counter.builder("mcp.upstream.failures").description("Sequentum API attempts without an HTTP answer")
                        .tag("kind", kind).register(registry).increment();
            }
        };
    }

    void httpResponse(String method, int status) {
        String m = method == null ? "other" : method.toUpperCase(Locale.ROOT);
        Counter.builder("mcp.http.requests").description("Requests on /mcp by method and final status")
                .tag("method", METHODS.contains(m) ? m : "other")
                .tag("status", status >= 100 && status <= 599 ? String.valueOf(status) : "other")
                .register(registry).increment();
    }

    void rateLimited(String scope) {
        rateLimitCounter(scope).increment();
    }

    private Counter rateLimitCounter(String scope) {
        return Counter.builder("mcp.rate.limit.rejections").description("Requests refused with 429, by limit")
                .tag("scope", scope).register(registry);
    }

    void rateLimitBackendError() {
        registry.counter("mcp.rate.limit.backend.errors").increment();
    }

    void idempotencyBackendError() {
        registry.counter("mcp.idempotency.backend.errors").increment();
    }

    void auditBackendError() {
        registry.counter("mcp.audit.backend.errors").increment();
    }

    /** A rejected or uncheckable JWT; the reason word is derived from the fixed messages of the verifier. */
    void jwtFailure(TokenVerifier.Verdict verdict) {
        String reason;
        if (verdict instanceof TokenVerifier.Unavailable) {
            reason = "jwks_unavailable";
        } else {
            String m = verdict instanceof TokenVerifier.Rejected r ? r.reason().toLowerCase(Locale.ROOT) : "";
            if (m.contains("expired")) reason = "expired";
            else if (m.contains("not issued for this resource")) reason = "audience";
            else if (m.contains("issuer")) reason = "issuer";
            else if (m.contains("not yet valid")) reason = "not_yet_valid";
            else if (m.contains("unknown key")) reason = "unknown_key";
            else if (m.contains("not a valid jwt")) reason = "malformed";
            else if (m.contains("signature")) reason = "signature";
            else reason = "invalid";
        }
        Counter.builder("mcp.jwt.validation.failures").description("Bearer tokens refused by local JWT validation")
                .tag("reason", reason).register(registry).increment();
    }

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }
}
