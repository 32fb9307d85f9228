package com.sequentum.mcp.transport.http;

import com.sequentum.mcp.api.ApiHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything HTTP mode can be configured with. Built from the environment, with command-line flags
 * ({@code --port 8080}, {@code --host=0.0.0.0}, ...) taking precedence. {@link #parse} rejects invalid values
 * with a one-line {@link IllegalArgumentException} message meant for stderr.
 *
 * @param publicUrl     canonical external origin (no trailing slash), or null: then the bound address is used
 * @param oauthAudience extra accepted token audience (besides the MCP endpoint URL and its origin), or null
 * @param sessionIdle   how long a session may stay unused before it is closed
 * @param jwtClockSkew  tolerance for {@code exp}/{@code nbf} in JWT mode ({@code OAUTH_CLOCK_SKEW_SECONDS}, default 60)
 * @param keepAlive     interval of the keep-alive {@code ping} on open GET {@code /mcp} streams ({@link #KEEP_ALIVE}); well
 *                      under the 30 s idle timeouts of Jetty and common proxies, so quiet streams are not cut
 * @param stateless     {@code STATELESS=true}: the SDK's stateless Streamable HTTP transport (no sessions)
 * @param redisUrl      {@code REDIS_URL}: shared rate limits (and idempotency keys) in Redis, or null: in process
 * @param drainDelay    {@code SHUTDOWN_DRAIN_SECONDS}: on SIGTERM, {@code /ready} answers 503 for this long while
 *                      requests are still served, so load balancers stop routing here before the port closes
 * @param anonymousApiKey {@code ANONYMOUS_API_KEY}: test/loopback only: with {@code REQUIRE_AUTH=false}, token-less
 *                      requests call the API with this key (refused unless HOST is a loopback address), or null
 * @param auditRedisStream {@code SEQUENTUM_AUDIT_REDIS_STREAM}: also append every audit line to this Redis stream
 * @param replicaId {@code REPLICA_ID}: tag session ids with this replica's name so a proxy can route sessions by
 *     their {@code Mcp-Session-Id} ({@code deploy/nginx/stateful.conf}); null = plain ids
 *                      (needs {@code REDIS_URL}), or null
 */
public record HttpSettings(
        int port,
        String host,
        String apiUrl,
        boolean debug,
        boolean requireAuth,
        int maxSessions,
        TrustProxy trustProxy,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        String publicUrl,
        TokenValidation tokenValidation,
        String oauthIssuer,
        String oauthAudience,
        String oauthJwksUrl,
        int rateLimitPerMinute,
        int principalRateLimitPerMinute,
        Duration sessionIdle,
        long maxBodyBytes,
        Duration shutdownGrace,
        Duration jwtClockSkew,
        Duration keepAlive,
        boolean stateless,
        String redisUrl,
        Duration drainDelay,
        String anonymousApiKey,
        String auditRedisStream,
        String replicaId) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_SESSIONS = 1000;
    public static final int DEFAULT_RATE_LIMIT = 100;
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    public enum TokenValidation { PASSTHROUGH, JWT }

    /** Flag name (without dashes) → environment variable. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();
    static {
        FLAGS.put("port", "PORT");
        FLAGS.put("host", "HOST");
        FLAGS.put("api-url", "SEQUENTUM_API_URL");
        FLAGS.put("public-url", "PUBLIC_URL");
        FLAGS.put("max-sessions", "MAX_SESSIONS");
        FLAGS.put("trust-proxy", "TRUST_PROXY");
        FLAGS.put("allowed-origins", "ALLOWED_ORIGINS");
        FLAGS.put("allowed-hosts", "ALLOWED_HOSTS");
        FLAGS.put("token-validation", "TOKEN_VALIDATION");
        FLAGS.put("oauth-issuer", "OAUTH_ISSUER");
        FLAGS.put("oauth-audience", "OAUTH_AUDIENCE");
        FLAGS.put("oauth-jwks-url", "OAUTH_JWKS_URL");
        FLAGS.put("rate-limit", "RATE_LIMIT_PER_MINUTE");
        FLAGS.put("principal-rate-limit", "PRINCIPAL_RATE_LIMIT_PER_MINUTE");
        FLAGS.put("session-idle-minutes", "SESSION_IDLE_MINUTES");
        FLAGS.put("oauth-clock-skew-seconds", "OAUTH_CLOCK_SKEW_SECONDS");
        FLAGS.put("redis-url", "REDIS_URL");
        FLAGS.put("shutdown-drain-seconds", "SHUTDOWN_DRAIN_SECONDS");
        FLAGS.put("replica-id", "REPLICA_ID");
    }

    /** Reads the settings; throws {@link IllegalArgumentException} with a one-line message on any invalid value. */
    public static HttpSettings parse(Map<String, String> env, String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        env.forEach((k, val) -> { if (k != null && val != null) v.put(k, val); });
        applyFlags(v, args == null ? new String[0] : args);

        int port = intSetting(v, "PORT", DEFAULT_PORT, 0, 65535);
        String host = blankToNull(v.get("HOST"));
        if (host == null) host = DEFAULT_HOST;
        host = host.trim();
        String apiUrl = ApiHttp.normaliseBaseUrl(blankToNull(v.get("SEQUENTUM_API_URL")));
        requireHttpUrl("SEQUENTUM_API_URL", apiUrl);
        boolean debug = isOn(v.get("DEBUG"));
        boolean requireAuth = boolSetting(v, "REQUIRE_AUTH", true);
        int maxSessions = intSetting(v, "MAX_SESSIONS", DEFAULT_MAX_SESSIONS, 1, 1_000_000);
        TrustProxy trustProxy = TrustProxy.parse(v.get("TRUST_PROXY"));
        List<String> origins = CorsPolicy.parseAllowedOrigins(v.get("ALLOWED_ORIGINS"));
        for (String o : origins) {
            if (!o.matches("https?://[^/?#\\s]+")) {
                throw new IllegalArgumentException("ALLOWED_ORIGINS entry '" + o
                        + "' is not an origin (expected scheme://host[:port], without path or trailing slash)");
            }
        }
        List<String> hosts = new ArrayList<>();
        String hostList = v.get("ALLOWED_HOSTS");
        if (hostList != null) {
            for (String h : hostList.split(",")) if (!h.isBlank()) hosts.add(h.trim().toLowerCase(Locale.ROOT));
        }
        String publicUrl = blankToNull(v.get("PUBLIC_URL"));
        if (publicUrl != null) publicUrl = canonicalPublicUrl(publicUrl.trim());

        TokenValidation validation;
        String tv = blankToNull(v.get("TOKEN_VALIDATION"));
        if (tv == null || tv.trim().equalsIgnoreCase("passthrough")) validation = TokenValidation.PASSTHROUGH;
        else if (tv.trim().equalsIgnoreCase("jwt")) validation = TokenValidation.JWT;
        else throw new IllegalArgumentException("TOKEN_VALIDATION must be 'passthrough' or 'jwt', got '" + tv + "'");

        String issuer = blankToNull(v.get("OAUTH_ISSUER"));
        issuer = stripTrailingSlashes(issuer == null ? apiUrl : issuer.trim());
        requireHttpUrl("OAUTH_ISSUER", issuer);
        String audience = blankToNull(v.get("OAUTH_AUDIENCE"));
        String jwks = blankToNull(v.get("OAUTH_JWKS_URL"));
        jwks = jwks == null ? issuer + "/api/oauth/certs" : jwks.trim();
        requireHttpUrl("OAUTH_JWKS_URL", jwks);

        int rate = intSetting(v, "RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT, 1, 1_000_000);
        int principalRate = intSetting(v, "PRINCIPAL_RATE_LIMIT_PER_MINUTE", rate * 3, 1, 10_000_000);
        int idleMinutes = intSetting(v, "SESSION_IDLE_MINUTES", 60, 1, 7 * 24 * 60);
        int skew = intSetting(v, "OAUTH_CLOCK_SKEW_SECONDS", DEFAULT_CLOCK_SKEW_SECONDS, 0, 300);
        boolean stateless = boolSetting(v, "STATELESS", false);
        String redis = blankToNull(v.get("REDIS_URL"));
        if (redis != null) {
            redis = redis.trim();
            if (!redis.matches("(?i)rediss?://\\S+")) {
                throw new IllegalArgumentException("REDIS_URL must be a redis:// or rediss:// URL, such as "
                        + "redis://127.0.0.1:6379/0");
            }
        }
        String auditStream = blankToNull(v.get("SEQUENTUM_AUDIT_REDIS_STREAM"));
        if (auditStream != null) {
            auditStream = auditStream.trim();
            if (redis == null) {
                throw new IllegalArgumentException("SEQUENTUM_AUDIT_REDIS_STREAM needs REDIS_URL (the Redis to write to)");
            }
            if (!auditStream.matches("[A-Za-z0-9:_.-]{1,128}")) {
                throw new IllegalArgumentException("SEQUENTUM_AUDIT_REDIS_STREAM must be a stream name of 1 to 128 "
                        + "letters, digits, ':', '_', '.' or '-', such as sequentum-mcp:audit");
            }
        }
        String replicaId = blankToNull(v.get("REPLICA_ID"));
        if (replicaId != null) {
            replicaId = replicaId.trim();
            if (!ReplicaSessionIds.REPLICA_ID.matcher(replicaId).matches()) {
                throw new IllegalArgumentException("REPLICA_ID must be 1 to 16 lower-case letters or digits, such as r1");
            }
            if (stateless) {
                throw new IllegalArgumentException("REPLICA_ID tags session ids; it has no use with STATELESS=true");
            }
        }
        int drain = intSetting(v, "SHUTDOWN_DRAIN_SECONDS", 0, 0, 120);
        String anonymousKey = blankToNull(v.get("ANONYMOUS_API_KEY"));
        if (anonymousKey != null) {
            anonymousKey = anonymousKey.trim();
            if (requireAuth) {
                throw new IllegalArgumentException("ANONYMOUS_API_KEY is only allowed with REQUIRE_AUTH=false");
            }
            if (!isLoopback(host)) {
                throw new IllegalArgumentException("ANONYMOUS_API_KEY is for local testing only and needs a loopback "
                        + "HOST (127.0.0.1, ::1 or localhost), got '" + host + "'");
            }
        }
        return new HttpSettings(port, host, apiUrl, debug, requireAuth, maxSessions, trustProxy, origins,
                List.copyOf(hosts), publicUrl, validation, issuer, audience == null ? null : audience.trim(), jwks,
                rate, principalRate, Duration.ofMinutes(idleMinutes), MAX_BODY_BYTES, Duration.ofSeconds(10),
                Duration.ofSeconds(skew), KEEP_ALIVE, stateless, redis, Duration.ofSeconds(drain), anonymousKey, auditStream,
                replicaId);
    }

    /**
     * The settings of {@code --sandbox --http}: the API is the in-process sandbox, its OAuth server is the issuer, and
     * its tokens are validated as JWTs (audience: this server's {@code <base>/mcp} or origin) without clock skew, since
     * the sandbox shares this process's clock. Everything else (port, host, auth requirement, limits) is kept.
     */
    public HttpSettings forSandbox(String sandboxBaseUrl, String issuer, String jwksUrl) {
        return new HttpSettings(port, host, sandboxBaseUrl, debug, requireAuth, maxSessions, trustProxy, allowedOrigins,
                allowedHosts, publicUrl, TokenValidation.JWT, stripTrailingSlashes(issuer), null, jwksUrl,
                rateLimitPerMinute, principalRateLimitPerMinute, sessionIdle, maxBodyBytes, shutdownGrace, Duration.ZERO, keepAlive,
                stateless, redisUrl, drainDelay, anonymousApiKey, auditRedisStream, replicaId);
    }

    /** Test hook: the same settings with another idle timeout (milliseconds are fine). */
    public HttpSettings withSessionIdle(Duration idle) {
        return new HttpSettings(port, host, apiUrl, debug, requireAuth, maxSessions, trustProxy, allowedOrigins,
                allowedHosts, publicUrl, tokenValidation, oauthIssuer, oauthAudience, oauthJwksUrl, rateLimitPerMinute,
                principalRateLimitPerMinute, idle, maxBodyBytes, shutdownGrace, jwtClockSkew, keepAlive, stateless, redisUrl,
                drainDelay, anonymousApiKey, auditRedisStream, replicaId);
    }

    /** Test hook: the same settings with another shutdown grace period. */
    public HttpSettings withShutdownGrace(Duration grace) {
        return new HttpSettings(port, host, apiUrl, debug, requireAuth, maxSessions, trustProxy, allowedOrigins,
                allowedHosts, publicUrl, tokenValidation, oauthIssuer, oauthAudience, oauthJwksUrl, rateLimitPerMinute,
                principalRateLimitPerMinute, sessionIdle, maxBodyBytes, grace, jwtClockSkew, keepAlive, stateless, redisUrl,
                drainDelay, anonymousApiKey, auditRedisStream, replicaId);
    }

    /** Test hook: the same settings with another keep-alive interval. */
    public HttpSettings withKeepAlive(Duration interval) {
        return new HttpSettings(port, host, apiUrl, debug, requireAuth, maxSessions, trustProxy, allowedOrigins,
                allowedHosts, publicUrl, tokenValidation, oauthIssuer, oauthAudience, oauthJwksUrl, rateLimitPerMinute,
                principalRateLimitPerMinute, sessionIdle, maxBodyBytes, shutdownGrace, jwtClockSkew, interval, stateless,
                redisUrl, drainDelay, anonymousApiKey, auditRedisStream, replicaId);
    }

    /** Test hook: the same settings with another drain delay. */
    public HttpSettings withDrainDelay(Duration delay) {
        return new HttpSettings(port, host, apiUrl, debug, requireAuth, maxSessions, trustProxy, allowedOrigins,
                allowedHosts, publicUrl, tokenValidation, oauthIssuer, oauthAudience, oauthJwksUrl, rateLimitPerMinute,
                principalRateLimitPerMinute, sessionIdle, maxBodyBytes, shutdownGrace, jwtClockSkew, keepAlive, stateless,
                redisUrl, delay, anonymousApiKey, auditRedisStream, replicaId);
    }

    private static void applyFlags(Map<String, String> v, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) continue;
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "debug" -> v.put("DEBUG", "1");
                case "no-auth" -> v.put("REQUIRE_AUTH", "false");
                case "stateless" -> v.put("STATELESS", "true");
                default -> {
                    String envName = FLAGS.get(name);
                    if (envName == null) continue; // flags of other components (--http, --sandbox, ...)
                    if (value == null) {
                        if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                        value = args[++i];
                    }
                    v.put(envName, value);
                }
            }
        }
    }

    static String canonicalPublicUrl(String raw) {
        URI u;
        try {
            u = new URI(raw);
        } catch (Exception e) {
            throw new IllegalArgumentException("PUBLIC_URL '" + raw + "' is not a valid URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getRawQuery() != null
                || u.getRawFragment() != null || u.getRawUserInfo() != null || !(path.isEmpty() || path.equals("/"))) {
            throw new IllegalArgumentException("PUBLIC_URL must be an origin such as https://mcp.example.com "
                    + "(http or https, no path, query, fragment or user info), got '" + raw + "'");
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static void requireHttpUrl(String name, String value) {
        try {
            URI u = new URI(value);
            if (u.getHost() != null && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getRawQuery() == null && u.getRawFragment() == null) {
                return;
            }
        } catch (Exception ignored) {
            // fall through
        }
        throw new IllegalArgumentException(name + " must be an absolute http(s) URL without query or fragment, got '"
                + value + "'");
    }

    static String stripTrailingSlashes(String s) {
        String r = s;
        while (r.endsWith("/")) r = r.substring(0, r.length() - 1);
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean isOn(String s) {
        if (s == null) return false;
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.equals("1") || t.equals("true") || t.equals("yes") || t.equals("on");
    }

    private static boolean boolSetting(Map<String, String> v, String name, boolean dflt) {
        String s = blankToNull(v.get(name));
        if (s == null) return dflt;
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("1") || t.equals("yes") || t.equals("on")) return true;
        if (t.equals("false") || t.equals("0") || t.equals("no") || t.equals("off")) return false;
        throw new IllegalArgumentException(name + " must be true or false, got '" + s + "'");
    }

    private static int intSetting(Map<String, String> v, String name, int dflt, int min, int max) {
        String s = blankToNull(v.get(name));
        if (s == null) return dflt;
        try {
            int n = Integer.parseInt(s.trim());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '"
                    + s + "'");
        }
    }
}
