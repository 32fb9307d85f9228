package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sequentum.mcp.testing.ApiStub;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TOKEN_VALIDATION=jwt against a JWKS served by a tiny in-test HTTP server. */
class HttpJwtValidationTest {
    static RSAKey k1;
    static RSAKey k2;
    static RSAKey intruder;
    static HttpServer jwks;
    static final AtomicInteger fetches = new AtomicInteger();
    static final AtomicReference<JWKSet> published = new AtomicReference<>();
    static String issuer;
    static HttpHarness h;

    @BeforeAll
    static void start() throws Exception {
        k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        intruder = new RSAKeyGenerator(2048).keyID("k1").generate();
        published.set(new JWKSet(k1.toPublicJWK()));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/api/oauth/certs", ex -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();
        h = HttpHarness.start(Map.of("TOKEN_VALIDATION", "jwt", "OAUTH_ISSUER", issuer, "RATE_LIMIT_PER_MINUTE", "100000"));
    }

    @AfterAll
    static void stop() {
        h.close();
        jwks.stop(0);
    }

    static String token(RSAKey key, String sub, Object aud, String iss, Instant exp) throws Exception {
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().subject(sub).issuer(iss).expirationTime(Date.from(exp))
                .issueTime(new Date()).jwtID(sub + System.nanoTime());
        if (aud instanceof String a) c.audience(a);
        else if (aud instanceof List<?> l) c.audience(l.stream().map(Object::toString).toList());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), c.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String valid(String sub) throws Exception {
        return token(k1, sub, h.base + "/mcp", issuer, Instant.now().plusSeconds(600));
    }

    static void assertRejected(String token) {
        HttpHarness.Resp r = h.post(token, null, HttpHarness.initializeBody());
        HttpSecurityTest.assertJsonRpcError(r, 401, -32001);
        assertThat(r.header("www-authenticate")).startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .endsWith("resource_metadata=\"" + h.base + "/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void aValidTokenIsAcceptedAndForwardedVerbatim() throws Exception {
        String t = valid("alice");
        String sid = h.open(t);
        h.api.json(200, "{\"agents\":[],\"totalRecordCount\":0}");
        HttpHarness.Resp r = h.post(t, sid, HttpHarness.request(2, "tools/call", "{\"name\":\"list_agents\",\"arguments\":{}}"));
        assertThat(r.message().path("result").path("isError").asBoolean()).isFalse();
        assertThat(h.api.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + t);
    }

    @Test
    void sessionsAreBoundToTheSubjectSoARefreshedTokenKeepsTheSession() throws Exception {
        String sid = h.open(valid("carol"));
        assertThat(h.post(valid("carol"), sid, HttpHarness.request(2, "ping", null)).status()).isEqualTo(200);
        HttpSecurityTest.assertJsonRpcError(h.post(valid("mallory"), sid, HttpHarness.request(3, "ping", null)), 404, -32001);
    }

    @Test
    void theResourceUrlAndItsBareOriginAreAcceptedAudiences() throws Exception {
        for (Object aud : List.of(h.base, h.base + "/", List.of("https://other.example", h.base + "/mcp"))) {
            String t = token(k1, "dave", aud, issuer, Instant.now().plusSeconds(600));
            HttpHarness.Resp r = h.post(t, null, HttpHarness.initializeBody());
            assertThat(r.status()).as(aud.toString()).isEqualTo(200);
            h.delete(t, r.header("mcp-session-id"));
        }
        String withSlash = token(k1, "dave", h.base + "/", issuer + "/", Instant.now().plusSeconds(600));
        assertThat(h.post(withSlash, null, HttpHarness.initializeBody()).status())
                .as("an issuer written with a trailing slash is the same issuer").isEqualTo(200);
    }

    @Test
    void invalidTokensAreRejectedBeforeAnyMcpWork() throws Exception {
        int upstream = h.api.requestCount();
        Instant later = Instant.now().plusSeconds(600);
        assertRejected(token(k1, "eve", "https://other.example/mcp", issuer, later));
        assertRejected(token(k1, "eve", null, issuer, later));
        assertRejected(token(k1, "eve", h.base + "/mcp", "https://evil.example", later));
        assertRejected(token(k1, "eve", h.base + "/mcp", issuer, Instant.now().minusSeconds(120)));
        assertRejected(token(intruder, "eve", h.base + "/mcp", issuer, later));
        assertRejected("sk-abc123");
        assertRejected("not.a.jwt");
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().subject("eve").issuer(issuer).audience(h.base + "/mcp")
                        .expirationTime(Date.from(later)).build());
        hs.sign(new MACSigner(new byte[32]));
        assertRejected(hs.serialize());
        assertThat(h.api.requestCount()).isEqualTo(upstream);
        HttpHarness.Resp expired = h.post(token(k1, "eve", h.base + "/mcp", issuer, Instant.now().minusSeconds(120)),
                null, HttpHarness.initializeBody());
        assertThat(expired.header("www-authenticate")).contains("error_description=\"The access token has expired\"");
    }

    @Test
    void smallClockSkewIsTolerated() throws Exception {
        String t = token(k1, "frank", h.base + "/mcp", issuer, Instant.now().minusSeconds(20));
        assertThat(h.post(t, null, HttpHarness.initializeBody()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownKeyIdRefreshesTheKeySetAtMostOncePerInterval() throws Exception {
        assertThat(h.post(valid("gina"), null, HttpHarness.initializeBody()).status()).isEqualTo(200);
        int before = fetches.get();
        assertThat(h.post(valid("gina"), null, HttpHarness.initializeBody()).status()).isEqualTo(200);
        assertThat(fetches.get()).as("keys are cached").isEqualTo(before);
        published.set(new JWKSet(List.of(k1.toPublicJWK(), k2.toPublicJWK())));
        String rotated = token(k2, "gina", h.base + "/mcp", issuer, Instant.now().plusSeconds(600));
        assertThat(h.post(rotated, null, HttpHarness.initializeBody()).status()).as("rotated key found").isEqualTo(200);
        int afterRotation = fetches.get();
        assertThat(afterRotation).isEqualTo(before + 1);
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("k9").generate();
        for (int i = 0; i < 5; i++) {
            assertRejected(token(unknown, "gina", h.base + "/mcp", issuer, Instant.now().plusSeconds(600)));
        }
        assertThat(fetches.get()).as("unknown kids cannot make us hammer the JWKS endpoint").isLessThanOrEqualTo(afterRotation + 1);
    }

    @Test
    void anUnreachableKeySetIsA503NotA401() throws Exception {
        try (HttpHarness down = HttpHarness.start(Map.of("TOKEN_VALIDATION", "jwt", "OAUTH_ISSUER", issuer,
                "OAUTH_JWKS_URL", "http://127.0.0.1:9/certs"))) {
            String t = token(k1, "hank", down.base + "/mcp", issuer, Instant.now().plusSeconds(600));
            HttpHarness.Resp r = down.post(t, null, HttpHarness.initializeBody());
            JsonNode b = HttpSecurityTest.assertJsonRpcError(r, 503, -32000);
            assertThat(b.path("error").path("message").asText())
                    .isEqualTo("Token validation is temporarily unavailable. Please try again later.");
            assertThat(r.header("www-authenticate")).isNull();
        }
    }

    @Test
    void protectedResourceMetadataNamesTheConfiguredIssuer() {
        JsonNode prm = h.send("GET", "/.well-known/oauth-protected-resource/mcp", null).json();
        assertThat(prm.path("authorization_servers").get(0).asText()).isEqualTo(issuer);
        assertThat(h.send("GET", "/.well-known/oauth-authorization-server", null).json().path("issuer").asText())
                .isEqualTo(issuer);
        assertThat(ApiStub.NOW).isNotNull();
    }
}
