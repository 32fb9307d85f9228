package com.sequentum.sandbox;

import com.sequentum.sandbox.api.AgentRoutes;
import com.sequentum.sandbox.api.AnalyticsRoutes;
import com.sequentum.sandbox.api.BillingRoutes;
import com.sequentum.sandbox.api.BuilderRoutes;
import com.sequentum.sandbox.api.FileSigner;
import com.sequentum.sandbox.api.RunRoutes;
import com.sequentum.sandbox.api.ScheduleRoutes;
import com.sequentum.sandbox.api.SpaceRoutes;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.oauth.OAuthServer;
import com.sequentum.sandbox.state.SandboxState;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * A running sandbox: an embedded Jetty serving the emulated Control Center API.
 * Start with {@link #start(SandboxConfig)}; close to stop.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final SandboxConfig config;
    private final Server jetty;
    private final SandboxState state;
    private final FaultInjector faults;
    private volatile TokenVerifier tokenVerifier;
    private volatile String baseUrl;
    private final OAuthServer oauth;

    private SandboxServer(SandboxConfig config) {
        this.config = config;
        this.state = new SandboxState(config.seed(), config.timeScale(), config.anchor(), Instant::now);
        this.faults = new FaultInjector(config.seed());
        this.oauth = new OAuthServer(() -> baseUrl, config.accessTokenTtl());
        this.tokenVerifier = oauth;

        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("sandbox");
        pool.setDaemon(true);
        this.jetty = new Server(pool);
        HttpConfiguration hc = new HttpConfiguration();
        hc.setSendServerVersion(false);
        hc.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(hc));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(120_000);
        jetty.addConnector(connector);

        Router router = new Router();
        FileSigner signer = new FileSigner();
        AgentRoutes.register(router, state);
        RunRoutes.register(router, state, signer);
        ScheduleRoutes.register(router, state);
        BillingRoutes.register(router, state);
        SpaceRoutes.register(router, state);
        AnalyticsRoutes.register(router, state);
        BuilderRoutes.register(router, state);
        oauth.register(router);

        ServletContextHandler ctx = new ServletContextHandler();
        ctx.setContextPath("/");
        ctx.addServlet(new ServletHolder(new SandboxServlet(router, state, faults, config.apiKey(), () -> tokenVerifier,
                () -> baseUrl)), "/*");
        JsonErrorHandler errors = new JsonErrorHandler();
        ctx.setErrorHandler(errors);
        jetty.setErrorHandler(errors);
        jetty.setHandler(new ContentTypeFixer(ctx));
        jetty.setStopTimeout(500);
    }

    /** Creates the seeded account and starts serving. */
    public static SandboxServer start(SandboxConfig config) {
        SandboxServer s = new SandboxServer(config);
        try {
            s.jetty.start();
        } catch (Exception e) {
            try {
                s.jetty.stop();
            } catch (Exception ignored) {
                // best effort
            }
            throw new IllegalStateException("Could not start the sandbox on " + config.host() + ":" + config.port(), e);
        }
        int port = ((ServerConnector) s.jetty.getConnectors()[0]).getLocalPort();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0")) host = "127.0.0.1";
        s.baseUrl = "http://" + host + ":" + port;
        LOG.info("Sequentum sandbox listening on {}", s.baseUrl);
        return s;
    }

    /** {@code http://host:port}, without a trailing slash. */
    public String baseUrl() { return baseUrl; }

    public String apiKey() { return config.apiKey(); }

    public SandboxConfig config() { return config; }

    /** OAuth issuer identifier (equals {@link #baseUrl()}). */
    public String issuer() { return baseUrl; }

    /** URL of the JWKS with the key that signs access tokens. */
    public String jwksUrl() { return baseUrl + OAuthServer.CERTS; }

    /** The embedded OAuth 2.1 authorization server (also the default {@link TokenVerifier}). */
    public OAuthServer oauth() { return oauth; }

    public FaultInjector faults() { return faults; }

    public SandboxState state() { return state; }

    /** Restores the freshly seeded account and removes all fault rules. */
    public void reset() {
        state.reset();
        faults.clear();
    }

    public TokenVerifier tokenVerifier() { return tokenVerifier; }

    /** Replaces the bearer-token check of {@code /api/v1/**} (default: JWTs issued by {@link #oauth()}). */
    public void tokenVerifier(TokenVerifier v) { this.tokenVerifier = v == null ? TokenVerifier.none() : v; }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("error stopping sandbox", e);
        }
    }
}
