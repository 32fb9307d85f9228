package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthTest {
    static SandboxServer sb;
    static Http anon;
    static final String REDIRECT = "http://127.0.0.1:53682/callback";
    static final String RESOURCE = "http://localhost:3000/mcp";

    @BeforeAll
    static void start() {
        sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000).withAccessTokenTtl(Duration.ofMinutes(5)));
        anon = new Http(sb.baseUrl(), null);
    }

    @AfterAll
    static void stop() { sb.close(); }

    static String verifier() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String v) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.US_ASCII)));
    }

    static Http.Resp form(String path, String body) throws Exception {
        HttpResponse<byte[]> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(sb.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Http.Resp(r.statusCode(), r.headers(), r.body());
    }

    static Map<String, String> queryOf(String location) {
        Map<String, String> m = new HashMap<>();
        String q = URI.create(location).getRawQuery();
        for (String p : q.split("&")) {
            int i = p.indexOf('=');
            m.put(p.substring(0, i), URLDecoder.decode(p.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static String register() {
        Http.Resp r = anon.post("/api/oauth/register", "{\"client_name\":\"Test MCP client\",\"redirect_uris\":[\"" + REDIRECT
                + "\"],\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\",\"refresh_token\"]}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().has("client_secret")).isFalse();
        return r.json().get("client_id").asText();
    }

    static String authorize(String clientId, String challenge, String extra) {
        Http.Resp r = anon.get("/api/oauth/authorize?" + Http.form("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT,
                "code_challenge", challenge, "code_challenge_method", "S256", "state", "xyz", "scope", "agents:read runs:read",
                "resource", RESOURCE) + extra);
        assertThat(r.status()).isEqualTo(302);
        return r.header("Location");
    }

    @Test
    void metadataAndJwks() {
        JsonNode md = anon.get("/.well-known/oauth-authorization-server").json();
        assertThat(md.get("issuer").asText()).isEqualTo(sb.baseUrl()).isEqualTo(sb.issuer());
        assertThat(md.get("authorization_endpoint").asText()).isEqualTo(sb.baseUrl() + "/api/oauth/authorize");
        assertThat(md.get("token_endpoint").asText()).isEqualTo(sb.baseUrl() + "/api/oauth/token");
        assertThat(md.get("registration_endpoint").asText()).isEqualTo(sb.baseUrl() + "/api/oauth/register");
        assertThat(md.get("jwks_uri").asText()).isEqualTo(sb.jwksUrl());
        assertThat(md.get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(md.get("grant_types_supported").toString()).isEqualTo("[\"authorization_code\",\"refresh_token\"]");
        assertThat(md.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(md.get("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"none\"]");
        assertThat(md.get("scopes_supported").size()).isPositive();
        JsonNode jwks = anon.get("/api/oauth/certs").json();
        assertThat(jwks.get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.get("keys").get(0).has("d")).isFalse();
    }

    @Test
    void fullFlowTokensWorkAgainstTheApi() throws Exception {
        String clientId = register();
        String v = verifier();
        String location = authorize(clientId, challenge(v), "&login_hint=bob");
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> q = queryOf(location);
        assertThat(q.get("state")).isEqualTo("xyz");
        String code = q.get("code");
        Http.Resp tok = form("/api/oauth/token", Http.form("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", clientId, "code_verifier", v, "resource", RESOURCE));
        assertThat(tok.status()).isEqualTo(200);
        JsonNode t = tok.json();
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(300);
        String access = t.get("access_token").asText();
        SignedJWT jwt = SignedJWT.parse(access);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        RSAKey pub = (RSAKey) JWKSet.parse(anon.get("/api/oauth/certs").text()).getKeys().get(0);
        assertThat(jwt.verify(new RSASSAVerifier(pub))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(sb.issuer());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("bob");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(RESOURCE);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("agents:read runs:read");
        long ttl = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(ttl).isEqualTo(300_000);

        Http bearer = new Http(sb.baseUrl(), "Bearer " + access);
        assertThat(bearer.get("/api/v1/agent/all").status()).isEqualTo(200);
        int agent = sb.state().reliableStartableAgents().get(0);
        assertThat(bearer.post("/api/v1/agent/" + agent + "/start", "{}").json().get("startedBy").asText()).isEqualTo("bob");
        assertThat(new Http(sb.baseUrl(), "Bearer " + access.substring(0, access.length() - 4) + "AAAA").get("/api/v1/agent/all").status()).isEqualTo(401);

        // code reuse
        Http.Resp again = form("/api/oauth/token", Http.form("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", clientId, "code_verifier", v));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");

        // refresh (rotating)
        String refresh = t.get("refresh_token").asText();
        Http.Resp refreshed = form("/api/oauth/token", Http.form("grant_type", "refresh_token", "refresh_token", refresh, "client_id", clientId));
        assertThat(refreshed.status()).isEqualTo(200);
        String access2 = refreshed.json().get("access_token").asText();
        assertThat(access2).isNotEqualTo(access);
        assertThat(SignedJWT.parse(access2).getJWTClaimsSet().getSubject()).isEqualTo("bob");
        assertThat(new Http(sb.baseUrl(), "Bearer " + access2).get("/api/v1/spaces").status()).isEqualTo(200);
        assertThat(form("/api/oauth/token", Http.form("grant_type", "refresh_token", "refresh_token", refresh, "client_id", clientId)).json()
                .get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongVerifierPlainPkceAndBadRequests() throws Exception {
        String clientId = register();
        String v = verifier();
        String code = queryOf(authorize(clientId, challenge(v), "")).get("code");
        Http.Resp bad = form("/api/oauth/token", Http.form("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", clientId, "code_verifier", verifier()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(SignedJWT.class).isNotNull();

        Http.Resp plain = anon.get("/api/oauth/authorize?" + Http.form("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT,
                "code_challenge", v, "code_challenge_method", "plain", "state", "s1"));
        assertThat(plain.status()).isEqualTo(302);
        Map<String, String> err = queryOf(plain.header("Location"));
        assertThat(err.get("error")).isEqualTo("invalid_request");
        assertThat(err).doesNotContainKey("code");
        Http.Resp noPkce = anon.get("/api/oauth/authorize?" + Http.form("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT));
        assertThat(queryOf(noPkce.header("Location")).get("error")).isEqualTo("invalid_request");
        Http.Resp unknownClient = anon.get("/api/oauth/authorize?" + Http.form("response_type", "code", "client_id", "nope", "redirect_uri", REDIRECT,
                "code_challenge", challenge(v), "code_challenge_method", "S256"));
        assertThat(unknownClient.status()).isEqualTo(400);
        Http.Resp badRedirect = anon.get("/api/oauth/authorize?" + Http.form("response_type", "code", "client_id", clientId,
                "redirect_uri", "https://evil.example/cb", "code_challenge", challenge(v), "code_challenge_method", "S256"));
        assertThat(badRedirect.status()).isEqualTo(400);
        assertThat(form("/api/oauth/token", "grant_type=password&username=a").json().get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(anon.post("/api/oauth/token", "{\"grant_type\":\"authorization_code\"}").status()).isEqualTo(400);
        assertThat(anon.post("/api/oauth/register", "{\"redirect_uris\":[\"http://evil.example/cb\"]}").json().get("error").asText())
                .isEqualTo("invalid_redirect_uri");
        assertThat(anon.post("/api/oauth/register", "{\"redirect_uris\":[\"" + REDIRECT + "\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}")
                .status()).isEqualTo(400);
        // alice is the default user
        String v2 = verifier();
        String code2 = queryOf(authorize(clientId, challenge(v2), "")).get("code");
        JsonNode t = form("/api/oauth/token", Http.form("grant_type", "authorization_code", "code", code2, "client_id", clientId,
                "code_verifier", v2)).json();
        assertThat(SignedJWT.parse(t.get("access_token").asText()).getJWTClaimsSet().getSubject()).isEqualTo("alice");
    }

    @Test
    void expiredTokensAreRejected() throws Exception {
        try (SandboxServer shortLived = SandboxServer.start(SandboxConfig.defaults().withPort(0).withAccessTokenTtl(Duration.ofSeconds(2)))) {
            Http a = new Http(shortLived.baseUrl(), null);
            String v = verifier();
            Http.Resp loc = a.get("/api/oauth/authorize?" + Http.form("response_type", "code", "client_id", "sandbox-demo-client",
                    "redirect_uri", REDIRECT, "code_challenge", challenge(v), "code_challenge_method", "S256"));
            String code = queryOf(loc.header("Location")).get("code");
            HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(shortLived.baseUrl() + "/api/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.form("grant_type", "authorization_code", "code", code,
                            "client_id", "sandbox-demo-client", "code_verifier", v))).build(), HttpResponse.BodyHandlers.ofString());
            String token = Http.M.readTree(r.body()).get("access_token").asText();
            Http bearer = new Http(shortLived.baseUrl(), "Bearer " + token);
            assertThat(bearer.get("/api/v1/spaces").status()).as(r.body()).isEqualTo(200);
            Thread.sleep(2100);
            Http.Resp expired = bearer.get("/api/v1/spaces");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.contentType()).startsWith("application/problem+json");
        }
    }
}
