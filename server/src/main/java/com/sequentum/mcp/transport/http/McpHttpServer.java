package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.McpServerFactory;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.policy.ControlSettings;
import com.sequentum.mcp.policy.SpaceScope;
import com.sequentum.mcp.policy.ToolGuard;
import com.sequentum.mcp.audit.AuditLog;
import com.sequentum.mcp.tools.ToolResult;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP server: embedded Jetty 12 with the SDK's servlet transport on {@code /mcp} behind the security
 * filters, plus {@code /health}, {@code /healthz}, {@code /ready}, {@code /metrics} and the OAuth discovery documents.
 * One MCP server per process; each request's bearer token reaches the tools through the transport context.
 *
 * <p>Filter order on {@code /mcp}: gateway (JSON errors, drain counting, metrics) → Host check (421) → CORS (403/204)
 * → per-address rate limit (429) → bearer auth (401) → per-principal rate limit (429) → request checks
 * (405/406/413/415/400) → session binding and cap (404/503) → SDK. In stateless mode ({@code STATELESS=true}) the
 * SDK's stateless transport replaces the session one: {@code GET}/{@code DELETE} are answered 405 and there is no
 * session binding (every replica can serve every request).
 */
public final class McpHttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(McpHttpServer.class);
    static final List<String> SCOPES = List.of("agents:read", "runs:read", "spaces:read", "agents:write", "offline_access");
    static final String RECONNECT_MESSAGE = "Authentication Failed: The Sequentum API rejected your access token "
            + "(it has expired or was revoked). Reconnect this MCP server in your client to sign in again, then retry.";

    private final HttpSettings settings;
    private final ApiHttp api;
    private final String version;
    private final Clock clock;
    private final String anonymousApiKey;

    private Server jetty;
    /** Longer than the slowest tool call (retries included), so a silent answer stream is never dropped. */
    static final Duration CONNECTION_IDLE_TIMEOUT = Duration.ofMinutes(5);
    private ServerConnector connector;
    private HttpServletStreamableServerTransportProvider transport;
    private McpSyncServer mcp;
    private HttpServletStatelessServerTransport statelessTransport;
    private McpStatelessSyncServer statelessMcp;
    private final ServerMetrics metrics = new ServerMetrics();
    /** Set on shutdown: {@code /ready} answers 503 from then on. */
    private volatile boolean draining;
    private GatewayFilter gateway;
    private SessionRegistry sessions;
    private RevokedTokens revoked;
    private Limiter addressLimiter;
    private Limiter principalLimiter;
    private RedisStore redis;
    private SdkSessionCloser closer;
    private ScheduledExecutorService scheduler;
    private volatile String baseUrl;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    private final ControlSettings control;
    private SelectionRouter router;

    private McpHttpServer(HttpSettings settings, ApiHttp api, String version, Clock clock, String anonymousApiKey,
            ControlSettings control) {
        this.settings = settings;
        this.anonymousApiKey = anonymousApiKey != null ? anonymousApiKey : settings.anonymousApiKey();
        this.api = api;
        this.version = version;
        this.clock = clock;
        this.control = control;
    }

    /** The operator controls; with {@code REDIS_URL} idempotency keys (and optionally the audit trail) live in Redis. */
    private ToolGuard guard() {
        if (redis == null) return new ToolGuard(control, clock);
        AuditLog audit = AuditLog.open(control.auditLog(), clock);
        if (settings.auditRedisStream() != null) {
            audit = audit.alsoTo(new RedisAuditStream(redis, settings.auditRedisStream(), metrics));
        }
        return new ToolGuard(control, new RedisIdempotencyStore(redis, metrics, clock),
                new SpaceScope(control.allowedSpaces(), clock), audit);
    }

    /** Binds, wires and starts the server; throws when the port cannot be bound. */
    public static McpHttpServer start(HttpSettings settings, ApiHttp api, String version) throws Exception {
        return start(settings, api, version, (String) null, ControlSettings.defaults());
    }

    /** The same with operator controls (tool selection, confirmations, space scope, audit). */
    public static McpHttpServer start(HttpSettings settings, ApiHttp api, String version, ControlSettings control)
            throws Exception {
        return start(settings, api, version, (String) null, control);
    }

    /**
     * Like {@link #start(HttpSettings, ApiHttp, String)}; with {@code REQUIRE_AUTH=false}, requests without a bearer
     * token call the API with {@code anonymousApiKey} (the sandbox's key in {@code --sandbox --http}) instead of no
     * credentials. Requests with a token always use the token.
     */
    public static McpHttpServer start(HttpSettings settings, ApiHttp api, String version, String anonymousApiKey)
            throws Exception {
        return start(settings, api, version, anonymousApiKey, ControlSettings.defaults());
    }

    /** Both of the above. */
    public static McpHttpServer start(HttpSettings settings, ApiHttp api, String version, String anonymousApiKey,
            ControlSettings control) throws Exception {
        McpHttpServer s = new McpHttpServer(settings, api, version, Clock.systemUTC(), anonymousApiKey, control);
        s.startInternal();
        return s;
    }

    private void startInternal() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("mcp-http");
        jetty = new Server(pool);
        jetty.setStopTimeout(200); // requests are drained by stop() itself; this only bounds closing idle connections
        connector = new ServerConnector(jetty);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // A tools/call answer stream is silent while the tool runs: up to four 30 s API attempts with back-off, or a
        // bounded wait. Jetty's default 30 s idle timeout would cut such a call off, so allow five minutes.
        connector.setIdleTimeout(CONNECTION_IDLE_TIMEOUT.toMillis());
        jetty.addConnector(connector);
        connector.open();
        baseUrl = settings.publicUrl() != null ? settings.publicUrl() : boundBase(settings.host(), connector.getLocalPort());

        sessions = new SessionRegistry(settings.maxSessions());
        revoked = new RevokedTokens(Duration.ofHours(1));
        if (settings.redisUrl() != null) {
            redis = new RedisStore(settings.redisUrl());
            addressLimiter = new RedisRateLimiter(redis, "ip", settings.rateLimitPerMinute(), metrics);
            principalLimiter = new RedisRateLimiter(redis, "principal", settings.principalRateLimitPerMinute(), metrics);
            redis.connection(); // connect now if possible; an outage is logged and retried on demand
        } else {
            addressLimiter = new RateLimiter(settings.rateLimitPerMinute());
            principalLimiter = new RateLimiter(settings.principalRateLimitPerMinute());
        }

        api.observe(metrics.apiObserver());
        metrics.sessionsOpen(sessions::size);
        McpServerFactory factory = new McpServerFactory(api, this::credentials, clock, version, settings.debug())
                .onToolResult(this::afterTool).onToolCall(metrics::toolCalled)
                .control(guard());
        HttpServlet mcpServlet;
        java.util.List<String> protocolVersions;
        if (settings.stateless()) {
            // no sessions to store a selection with: the operator's selection applies, X-MCP-* headers are ignored
            statelessTransport = HttpServletStatelessServerTransport.builder()
                    .messageEndpoint(McpPaths.MCP)
                    .contextExtractor(McpHttpServer::transportContext)
                    .maxRequestSize((int) settings.maxBodyBytes())
                    .build();
            statelessMcp = factory.configureStateless(McpServer.sync(statelessTransport)).immediateExecution(true).build();
            mcpServlet = statelessTransport;
            protocolVersions = statelessTransport.protocolVersions();
        } else {
            SelectionRouter.Backend base = backend(factory);
            transport = base.transport();
            mcp = base.server();
            closer = base.closer();
            router = new SelectionRouter(base, selection -> backend(factory.narrowedTo(selection)));
            mcpServlet = router;
            protocolVersions = transport.protocolVersions();
        }

        TokenVerifier verifier = settings.tokenValidation() == HttpSettings.TokenValidation.JWT
                ? new JwtTokenVerifier(settings.oauthIssuer(), settings.oauthJwksUrl(), audiences(), settings.jwtClockSkew())
                : TokenVerifier.passthrough();
        CorsPolicy cors = new CorsPolicy(settings.allowedOrigins(), settings.debug()).with(baseUrl);

        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        ctx.setContextPath("/");
        ServletHolder mcpHolder = new ServletHolder("mcp", mcpServlet);
        mcpHolder.setAsyncSupported(true);
        ctx.addServlet(mcpHolder, McpPaths.MCP);
        ServletHolder endpoints = new ServletHolder("endpoints", new EndpointsServlet());
        endpoints.setAsyncSupported(true);
        ctx.addServlet(endpoints, "/");

        gateway = new GatewayFilter(metrics);
        addFilter(ctx, gateway, "/*");
        addFilter(ctx, new HostFilter(allowedHostNames()), "/*");
        if (settings.replicaId() != null) addFilter(ctx, new ReplicaSessionIds(settings.replicaId()), McpPaths.MCP);
        addFilter(ctx, new CorsFilter(cors), "/*");
        addFilter(ctx, RateLimitFilter.perAddress(addressLimiter, settings.trustProxy(), metrics), McpPaths.MCP);
        addFilter(ctx, new BearerAuthFilter(settings.requireAuth(), verifier, revoked, this::prmUrl, metrics), McpPaths.MCP);
        addFilter(ctx, RateLimitFilter.perPrincipal(principalLimiter, metrics), McpPaths.MCP);
        if (settings.stateless()) addFilter(ctx, new StatelessMethodFilter(), McpPaths.MCP);
        addFilter(ctx, new McpRequestFilter(settings.maxBodyBytes(), settings.debug(), protocolVersions), McpPaths.MCP);
        if (!settings.stateless()) addFilter(ctx, new SessionFilter(sessions, settings.debug()), McpPaths.MCP);
        // Cancellation is keyed by session id; stateless requests have none that the server vouches for.
        if (!settings.stateless()) addFilter(ctx, new CancellationFilter(), McpPaths.MCP);

        jetty.setHandler(ctx);
        jetty.setErrorHandler(new JsonErrorHandler());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mcp-http-sweeper");
            t.setDaemon(true);
            return t;
        });
        Duration idle = settings.sessionIdle();
        long period = Math.max(10, Math.min(idle.toMillis() / 4, 30_000));
        scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        jetty.start();

        String local = boundBase(settings.host(), connector.getLocalPort());
        Console.line("Sequentum MCP Server running on HTTP at {}/mcp (transport=streamable-http, mode={}, "
                        + "health={}/health, maxSessions={}, auth={}, tokenValidation={}, publicUrl={}, limits={})", local,
                settings.stateless() ? "stateless" : "stateful", local, settings.maxSessions(), settings.requireAuth() ? "required" : "off",
                settings.tokenValidation().name().toLowerCase(Locale.ROOT), baseUrl,
                redis == null ? "in-process" : "redis " + redis.display());
        if (settings.debug()) Console.line("Connected to: {}", settings.apiUrl());
        if (settings.anonymousApiKey() != null) {
            LOG.warn("[MCP] ANONYMOUS_API_KEY is set: requests without a token call the Sequentum API with that key "
                    + "(local testing only)");
        }
    }

    /** One MCP server for one tool selection, on its own SDK transport. */
    private SelectionRouter.Backend backend(McpServerFactory factory) {
        // No SDK session sweeper: our registry already closes idle sessions in the SDK (sweep()), and the SDK's
        // sweeper records the id of every session used since its last run in a set that DELETE does not clear, so
        // it kept every deleted session's id until its next run (we had set 2 x SESSION_IDLE_MINUTES: two hours).
        HttpServletStreamableServerTransportProvider t = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(McpPaths.MCP)
                .contextExtractor(McpHttpServer::transportContext)
                .keepAliveInterval(settings.keepAlive())
                .sessionSweepInterval(null) // the SDK default is 30 minutes; null turns the sweeper off
                .maxRequestSize((int) settings.maxBodyBytes())
                .build();
        McpSyncServer server = factory.configure(McpServer.sync(t)).immediateExecution(true).build();
        return new SelectionRouter.Backend(factory.selection(), t, server, new SdkSessionCloser(t));
    }

    private static void addFilter(ServletContextHandler ctx, Filter f, String path) {
        FilterHolder h = new FilterHolder(f);
        h.setAsyncSupported(true);
        ctx.addFilter(h, path, EnumSet.of(DispatcherType.REQUEST));
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    private static McpTransportContext transportContext(HttpServletRequest req) {
        Map<String, Object> m = new HashMap<>();
        putIfPresent(m, Attrs.CTX_TOKEN, req.getAttribute(Attrs.TOKEN));
        putIfPresent(m, Attrs.CTX_TOKEN_HASH, req.getAttribute(Attrs.TOKEN_HASH));
        putIfPresent(m, Attrs.CTX_PRINCIPAL, req.getAttribute(Attrs.PRINCIPAL));
        return McpTransportContext.create(m);
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }

    private Credentials credentials(McpTransportContext ctx) {
        if (ctx.get(Attrs.CTX_TOKEN) instanceof String token) return Credentials.bearer(token);
        return anonymousApiKey != null && !settings.requireAuth() ? Credentials.apiKey(anonymousApiKey) : Credentials.none();
    }

    private ToolResult afterTool(McpTransportContext ctx, ToolResult result) {
        if (result.isError() && result.text().startsWith("Authentication Failed")) {
            if (ctx != null && ctx.get(Attrs.CTX_TOKEN_HASH) instanceof String hash) {
                revoked.revoke(hash);
                LOG.warn("[MCP] The Sequentum API rejected a bearer token; further requests with it get 401");
            }
            return ToolResult.error(RECONNECT_MESSAGE);
        }
        return result;
    }

    // ---- URLs -------------------------------------------------------------------------------------------------

    static String boundBase(String host, int port) {
        String h = host;
        if (h.equals("0.0.0.0") || h.isEmpty()) h = "127.0.0.1";
        else if (h.equals("::") || h.equals("[::]")) h = "[::1]";
        else if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
        return "http://" + h + ":" + port;
    }

    /** The canonical origin of this server ({@code PUBLIC_URL}, else the bound address). */
    public String baseUrl() {
        return baseUrl;
    }

    public String resourceUrl() {
        return baseUrl + McpPaths.MCP;
    }

    /** RFC 9728 §3.1: the metadata URL of resource {@code <base>/mcp}. */
    public String prmUrl() {
        return baseUrl + McpPaths.PRM_MCP;
    }

    private List<String> audiences() {
        List<String> a = new ArrayList<>(List.of(resourceUrl(), baseUrl, baseUrl + "/"));
        if (settings.oauthAudience() != null) a.add(settings.oauthAudience());
        return a;
    }

    private Set<String> allowedHostNames() {
        Set<String> s = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        s.add(HostFilter.hostName(baseUrl.substring(baseUrl.indexOf("://") + 3)));
        String bind = HostFilter.hostName(settings.host());
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.isEmpty()) s.add(bind);
        s.addAll(settings.allowedHosts());
        return Set.copyOf(s);
    }

    // ---- documents ----------------------------------------------------------------------------------------------

    ObjectNode healthDocument() {
        ObjectNode n = JsonRpcErrors.JSON.createObjectNode();
        n.put("status", "ok");
        n.put("version", version);
        n.put("transport", "streamable-http");
        return n;
    }

    /** {@code /ready}: 200 while serving, 503 once shutdown has begun (load balancers stop routing here). */
    ObjectNode readinessDocument() {
        ObjectNode n = JsonRpcErrors.JSON.createObjectNode();
        n.put("status", draining ? "draining" : "ready");
        n.put("mode", settings.stateless() ? "stateless" : "stateful");
        return n;
    }

    /** True once shutdown has begun. */
    public boolean draining() {
        return draining;
    }

    ObjectNode protectedResourceMetadata() {
        ObjectNode n = JsonRpcErrors.JSON.createObjectNode();
        n.put("resource", resourceUrl());
        n.putArray("authorization_servers").add(settings.oauthIssuer());
        n.putArray("bearer_methods_supported").add("header");
        SCOPES.forEach(n.putArray("scopes_supported")::add);
        n.put("resource_name", "Sequentum MCP Server");
        n.put("resource_documentation", "https://docs.sequentum.com/api");
        return n;
    }

    ObjectNode authorizationServerMetadata() {
        String iss = settings.oauthIssuer();
        ObjectNode n = JsonRpcErrors.JSON.createObjectNode();
        n.put("issuer", iss);
        n.put("authorization_endpoint", iss + "/api/oauth/authorize");
        n.put("token_endpoint", iss + "/api/oauth/token");
        n.put("registration_endpoint", iss + "/api/oauth/register");
        n.putArray("token_endpoint_auth_methods_supported").add("none");
        n.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        n.putArray("response_types_supported").add("code");
        SCOPES.forEach(n.putArray("scopes_supported")::add);
        n.putArray("code_challenge_methods_supported").add("S256");
        n.put("service_documentation", "https://docs.sequentum.com/api");
        n.put("resource_indicators_supported", true);
        n.put("client_id_metadata_document_supported", true);
        return n;
    }

    /** Health, discovery documents, and a JSON 404 for every other path. */
    private final class EndpointsServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String path = req.getRequestURI();
            if (path.equals("/metrics") && (req.getMethod().equals("GET") || req.getMethod().equals("HEAD"))) {
                byte[] text = metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                res.setStatus(200);
                res.setContentType(ServerMetrics.CONTENT_TYPE);
                res.setHeader("Cache-Control", "no-store");
                res.setContentLength(text.length);
                if (req.getMethod().equals("GET")) res.getOutputStream().write(text);
                return;
            }
            ObjectNode doc = switch (path) {
                case "/health", "/healthz" -> healthDocument();
                case "/ready" -> readinessDocument();
                case McpPaths.PRM, McpPaths.PRM_MCP -> protectedResourceMetadata();
                case McpPaths.AS_METADATA -> authorizationServerMetadata();
                default -> null;
            };
            if (doc == null) {
                JsonRpcErrors.write(res, 404, JsonRpcErrors.SERVER_ERROR, "Not Found");
                return;
            }
            if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
                res.setHeader("Allow", "GET, HEAD, OPTIONS");
                JsonRpcErrors.write(res, 405, JsonRpcErrors.SERVER_ERROR, "Method Not Allowed");
                return;
            }
            byte[] body = JsonRpcErrors.bytes(doc);
            if (path.equals("/ready") && draining) {
                JsonRpcErrors.passThrough(res);
                res.setStatus(503);
            } else {
                res.setStatus(200);
            }
            res.setContentType("application/json");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", path.startsWith("/health") || path.equals("/ready") ? "no-store"
                    : "public, max-age=300");
            res.setContentLength(body.length);
            if (req.getMethod().equals("GET")) res.getOutputStream().write(body);
        }
    }

    /** Errors Jetty answers before the servlet context (bad request lines, oversized headers) are JSON too. */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            byte[] body = JsonRpcErrors.bytes(JsonRpcErrors.envelope(JsonRpcErrors.defaultCode(status),
                    JsonRpcErrors.defaultMessage(status), null));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }

    // ---- housekeeping -------------------------------------------------------------------------------------------

    private void sweep() {
        try {
            List<String> idle = sessions.removeIdle(settings.sessionIdle().toNanos());
            if (router != null) for (String id : idle) router.close(id);
            if (!idle.isEmpty() || settings.debug()) {
                Console.line("[MCP] Session cleanup: closed {} idle sessions, {} active", idle.size(), sessions.size());
            }
            addressLimiter.evictIdle();
            principalLimiter.evictIdle();
            revoked.evictExpired();
        } catch (RuntimeException e) {
            LOG.warn("[MCP] Session cleanup failed: {}", e.toString());
        }
    }

    /** Sessions this server tracks (owned, not yet deleted or expired). */
    public int sessionCount() {
        return sessions.size();
    }

    public int port() {
        return connector.getLocalPort();
    }

    HttpServletStreamableServerTransportProvider transport() {
        return transport;
    }

    ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Graceful stop: stop accepting connections, let in-flight requests finish (up to the grace period), close every
     * session (SSE streams included), then stop Jetty. Safe to call more than once.
     */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
            stopping = true;
        }
        try {
            draining = true;
            if (!settings.drainDelay().isZero()) {
                Console.line("[MCP] Draining: /ready answers 503; still serving for {} s", settings.drainDelay().toSeconds());
                Thread.sleep(settings.drainDelay().toMillis());
            }
            connector.close();
            gateway.startClosing();
            Console.line("[MCP] HTTP server closed, no longer accepting connections");
            if (!gateway.awaitDrained(settings.shutdownGrace().toMillis())) {
                LOG.warn("[MCP] {} requests still running after {} s; closing anyway", gateway.inFlight(),
                        settings.shutdownGrace().toSeconds());
            }
            int n = sessions.removeAll().size();
            if (router != null) router.closeAll();
            try {
                if (statelessMcp != null) statelessMcp.closeGracefully();
            } catch (RuntimeException e) {
                LOG.warn("[MCP] Error while closing sessions: {}", e.toString());
            }
            scheduler.shutdownNow();
            jetty.stop();
            if (redis != null) redis.close();
            Console.line("[MCP] All {} sessions closed. Shutdown complete.", n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("[MCP] Error during shutdown: {}", e.toString());
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
