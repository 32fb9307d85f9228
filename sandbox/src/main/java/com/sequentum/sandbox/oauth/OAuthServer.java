package com.sequentum.sandbox.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sequentum.sandbox.TokenVerifier;
import com.sequentum.sandbox.http.Ctx;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Query;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Minimal OAuth 2.1 authorization server: metadata, auto-approving authorize endpoint with PKCE S256,
 * token endpoint (authorization_code, refresh_token), dynamic client registration and JWKS.
 */
public final class OAuthServer implements TokenVerifier {
    public static final String AUTHORIZE = "/api/oauth/authorize";
    public static final String TOKEN = "/api/oauth/token";
    public static final String REGISTER = "/api/oauth/register";
    public static final String CERTS = "/api/oauth/certs";
    public static final String METADATA = "/.well-known/oauth-authorization-server";
    public static final List<String> SCOPES = List.of("agents:read", "agents:write", "runs:read", "spaces:read",
            "spaces:write", "billing:read", "offline_access");
    public static final Set<String> USERS = Set.of("alice", "bob");
    /** Pre-registered public client usable without DCR (loopback redirect URIs only). */
    public static final String DEMO_CLIENT_ID = "sandbox-demo-client";
    private static final Duration CODE_TTL = Duration.ofMinutes(2);
    private static final Duration REFRESH_TTL = Duration.ofDays(30);

    private record Client(String clientId, List<String> redirectUris, String name, Instant issuedAt) {}

    private record Grant(String clientId, String user, String scope, String resource, String redirectUri,
                         String challenge, Instant expiresAt) {}

    private final Supplier<String> issuer;
    private final Duration accessTtl;
    private final RSAKey key;
    private final RSASSAVerifier verifier;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

    public OAuthServer(Supplier<String> issuer, Duration accessTokenTtl) {
        this.issuer = issuer;
        this.accessTtl = accessTokenTtl;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("sandbox-" + UUID.randomUUID().toString().substring(0, 8)).generate();
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        clients.put(DEMO_CLIENT_ID, new Client(DEMO_CLIENT_ID, List.of(), "Sandbox demo client", Instant.now()));
    }

    public void register(Router r) {
        r.get(METADATA, this::metadata);
        r.get(AUTHORIZE, this::authorize);
        r.post(TOKEN, this::token);
        r.post(REGISTER, this::registerClient);
        r.get(CERTS, c -> Reply.ok(Json.MAPPER.readTree(new JWKSet(key.toPublicJWK()).toString())));
    }

    /** The public JWKS (for tests and embedding). */
    public JWKSet publicJwks() { return new JWKSet(key.toPublicJWK()); }

    // ------------------------------------------------------------------ metadata

    private Reply metadata(Ctx c) {
        String iss = issuer.get();
        ObjectNode n = Json.object();
        n.put("issuer", iss);
        n.put("authorization_endpoint", iss + AUTHORIZE);
        n.put("token_endpoint", iss + TOKEN);
        n.put("registration_endpoint", iss + REGISTER);
        n.put("jwks_uri", iss + CERTS);
        n.putArray("response_types_supported").add("code");
        n.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        n.putArray("code_challenge_methods_supported").add("S256");
        n.putArray("token_endpoint_auth_methods_supported").add("none");
        ArrayNode s = n.putArray("scopes_supported");
        SCOPES.forEach(s::add);
        n.put("authorization_response_iss_parameter_supported", true);
        return Reply.ok(n);
    }

    // ------------------------------------------------------------------ authorize

    private Reply authorize(Ctx c) {
        Query q = c.query;
        String clientId = q.str("client_id");
        String redirectUri = q.str("redirect_uri");
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null) return oauthError(400, "invalid_client", "Unknown client_id.");
        if (redirectUri == null || !redirectAllowed(client, redirectUri)) {
            return oauthError(400, "invalid_request", "redirect_uri is missing or not registered for this client.");
        }
        String state = q.str("state");
        if (!"code".equals(q.str("response_type"))) {
            return redirectError(redirectUri, state, "unsupported_response_type", "Only response_type=code is supported.");
        }
        String challenge = q.str("code_challenge");
        String method = q.str("code_challenge_method");
        if (challenge == null) return redirectError(redirectUri, state, "invalid_request", "PKCE code_challenge is required.");
        if (!"S256".equals(method)) {
            return redirectError(redirectUri, state, "invalid_request", "code_challenge_method must be S256.");
        }
        if (!challenge.matches("[A-Za-z0-9_-]{43}")) {
            return redirectError(redirectUri, state, "invalid_request", "code_challenge must be a base64url SHA-256 value.");
        }
        String scope = q.str("scope");
        if (scope == null) scope = "agents:read runs:read spaces:read billing:read";
        for (String s : scope.trim().split("\\s+")) {
            if (!SCOPES.contains(s)) return redirectError(redirectUri, state, "invalid_scope", "Unknown scope " + s + ".");
        }
        String hint = q.str("login_hint");
        String user = hint == null ? "alice" : hint.trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERS.contains(user)) return redirectError(redirectUri, state, "access_denied", "Unknown demo user " + hint + ".");
        String resource = q.str("resource");
        if (resource != null && !isAbsolute(resource)) {
            return redirectError(redirectUri, state, "invalid_target", "resource must be an absolute URI.");
        }
        String code = randomToken();
        codes.put(code, new Grant(clientId, user, String.join(" ", new LinkedHashSet<>(List.of(scope.trim().split("\\s+")))),
                resource, redirectUri, challenge, Instant.now().plus(CODE_TTL)));
        StringBuilder loc = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(enc(code));
        if (state != null) loc.append("&state=").append(enc(state));
        loc.append("&iss=").append(enc(issuer.get()));
        return Reply.redirect(loc.toString()).header("Cache-Control", "no-store");
    }

    private static boolean redirectAllowed(Client client, String uri) {
        if (client.redirectUris.contains(uri)) return true;
        // RFC 8252: loopback redirect URIs may use any port
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!isLoopback(u)) return false;
        if (client.clientId.equals(DEMO_CLIENT_ID)) return true;
        for (String reg : client.redirectUris) {
            URI r = URI.create(reg);
            if (isLoopback(r) && r.getScheme().equals(u.getScheme()) && String.valueOf(r.getPath()).equals(String.valueOf(u.getPath()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(URI u) {
        String h = u.getHost();
        return "http".equals(u.getScheme()) && h != null && (h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1"));
    }

    private static boolean isAbsolute(String s) {
        try {
            URI u = URI.create(s);
            return u.isAbsolute() && u.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ token

    private Reply token(Ctx c) {
        if (c.contentType == null || !c.contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }
        Query f = new Query(new String(c.body, StandardCharsets.UTF_8));
        String grantType = f.str("grant_type");
        if ("authorization_code".equals(grantType)) return codeGrant(f);
        if ("refresh_token".equals(grantType)) return refreshGrant(f);
        return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
    }

    private Reply codeGrant(Query f) {
        String code = f.str("code");
        String verifierParam = f.str("code_verifier");
        String clientId = f.str("client_id");
        if (code == null || verifierParam == null || clientId == null) {
            return oauthError(400, "invalid_request", "code, code_verifier and client_id are required.");
        }
        Grant g = codes.remove(code); // single use: a second attempt finds nothing
        if (g == null) return oauthError(400, "invalid_grant", "The authorization code is invalid, expired or already used.");
        if (Instant.now().isAfter(g.expiresAt)) return oauthError(400, "invalid_grant", "The authorization code has expired.");
        if (!g.clientId.equals(clientId)) return oauthError(400, "invalid_grant", "The code was issued to another client.");
        String redirect = f.str("redirect_uri");
        if (redirect != null && !redirect.equals(g.redirectUri)) {
            return oauthError(400, "invalid_grant", "redirect_uri does not match the authorization request.");
        }
        if (!verifierParam.matches("[A-Za-z0-9._~-]{43,128}") || !s256(verifierParam).equals(g.challenge)) {
            return oauthError(400, "invalid_grant", "The code_verifier does not match the code_challenge.");
        }
        String resource = f.str("resource");
        if (resource != null && g.resource != null && !resource.equals(g.resource)) {
            return oauthError(400, "invalid_target", "resource differs from the one in the authorization request.");
        }
        if (resource != null && !isAbsolute(resource)) return oauthError(400, "invalid_target", "resource must be an absolute URI.");
        Grant effective = new Grant(g.clientId, g.user, g.scope, resource != null ? resource : g.resource, g.redirectUri, null,
                Instant.now().plus(REFRESH_TTL));
        return issue(effective);
    }

    private Reply refreshGrant(Query f) {
        String token = f.str("refresh_token");
        String clientId = f.str("client_id");
        if (token == null) return oauthError(400, "invalid_request", "refresh_token is required.");
        Grant g = refreshTokens.remove(token); // rotation: each refresh token works once
        if (g == null || Instant.now().isAfter(g.expiresAt)) {
            return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or already used.");
        }
        if (clientId != null && !clientId.equals(g.clientId)) {
            return oauthError(400, "invalid_grant", "The refresh token was issued to another client.");
        }
        String scope = g.scope;
        String requested = f.str("scope");
        if (requested != null) {
            Set<String> granted = Set.of(g.scope.split(" "));
            for (String s : requested.trim().split("\\s+")) {
                if (!granted.contains(s)) return oauthError(400, "invalid_scope", "Scope " + s + " was not granted originally.");
            }
            scope = requested.trim();
        }
        String resource = f.str("resource") != null ? f.str("resource") : g.resource;
        return issue(new Grant(g.clientId, g.user, scope, resource, g.redirectUri, null, Instant.now().plus(REFRESH_TTL)));
    }

    private Reply issue(Grant g) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String aud = g.resource != null ? g.resource : issuer.get();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer.get())
                .subject(g.user)
                .audience(aud)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTtl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", g.scope)
                .claim("client_id", g.clientId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String refresh = randomToken();
        refreshTokens.put(refresh, g);
        ObjectNode n = Json.object();
        n.put("access_token", jwt.serialize());
        n.put("token_type", "Bearer");
        n.put("expires_in", accessTtl.toSeconds());
        n.put("refresh_token", refresh);
        n.put("scope", g.scope);
        return Reply.ok(n).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    // ------------------------------------------------------------------ registration

    private Reply registerClient(Ctx c) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(c.body);
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) return oauthError(400, "invalid_client_metadata", "The body must be a JSON object.");
        JsonNode uris = body.get("redirect_uris");
        if (uris == null || !uris.isArray() || uris.isEmpty()) {
            return oauthError(400, "invalid_redirect_uri", "redirect_uris must be a non-empty array.");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode u : uris) {
            String s = u.asText();
            URI uri;
            try {
                uri = URI.create(s);
            } catch (IllegalArgumentException e) {
                return oauthError(400, "invalid_redirect_uri", "Invalid redirect URI " + s + ".");
            }
            boolean ok = uri.isAbsolute() && uri.getFragment() == null
                    && ("https".equals(uri.getScheme()) || isLoopback(uri) || (!"http".equals(uri.getScheme()) && uri.getScheme() != null));
            if (!ok) return oauthError(400, "invalid_redirect_uri", "Redirect URI " + s + " is not allowed (https, loopback http or a private scheme).");
            list.add(s);
        }
        String method = body.hasNonNull("token_endpoint_auth_method") ? body.get("token_endpoint_auth_method").asText() : "none";
        if (!"none".equals(method)) {
            return oauthError(400, "invalid_client_metadata", "Only public clients (token_endpoint_auth_method=none) are supported.");
        }
        String name = body.hasNonNull("client_name") ? body.get("client_name").asText() : null;
        String clientId = "client-" + randomToken().substring(0, 22);
        Client client = new Client(clientId, List.copyOf(list), name, Instant.now());
        clients.put(clientId, client);
        ObjectNode n = Json.object();
        n.put("client_id", clientId);
        n.put("client_id_issued_at", client.issuedAt.getEpochSecond());
        ArrayNode ru = n.putArray("redirect_uris");
        list.forEach(ru::add);
        n.put("token_endpoint_auth_method", "none");
        n.putArray("grant_types").add("authorization_code").add("refresh_token");
        n.putArray("response_types").add("code");
        if (name != null) n.put("client_name", name);
        if (body.hasNonNull("scope")) n.put("scope", body.get("scope").asText());
        return Reply.json(201, n).header("Cache-Control", "no-store");
    }

    // ------------------------------------------------------------------ verification

    /** Accepts RS256 JWTs signed by this server, issued by this issuer and not expired. */
    @Override
    public boolean verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return false;
            if (!jwt.verify(verifier)) return false;
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            return issuer.get().equals(c.getIssuer()) && exp != null && exp.toInstant().isAfter(Instant.now());
        } catch (Exception e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ helpers

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode n = Json.object();
        n.put("error", error);
        n.put("error_description", description);
        return Reply.json(status, n).header("Cache-Control", "no-store");
    }

    private static Reply redirectError(String redirectUri, String state, String error, String description) {
        StringBuilder loc = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("error=").append(enc(error)).append("&error_description=").append(enc(description));
        if (state != null) loc.append("&state=").append(enc(state));
        return Reply.redirect(loc.toString());
    }
}
