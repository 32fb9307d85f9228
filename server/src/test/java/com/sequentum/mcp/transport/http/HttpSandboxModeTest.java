package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.sandbox.SandboxConfig;
import com.sequentum.sandbox.SandboxServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --sandbox --http}: the HTTP server wired to a real in-process sandbox (API + OAuth server) through
 * {@link HttpSettings#forSandbox}, as {@link HttpMain} does. Tokens come from the sandbox's own authorization-code +
 * PKCE flow.
 */
class HttpSandboxModeTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String LIST_AGENTS = HttpHarness.request(2, "tools/call", "{\"name\":\"list_agents\",\"arguments\":{}}");
    static SandboxServer sandbox;
    static HttpHarness h;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000));
        h = serve(sandbox, Map.of());
    }

    @AfterAll
    static void stop() {
        if (h != null) h.close();
        if (sandbox != null) sandbox.close();
    }

    /** What {@link HttpMain} does for {@code --sandbox --http}, minus blocking. */
    static HttpHarness serve(SandboxServer sb, Map<String, String> env) throws Exception {
        Map<String, String> e = new HashMap<>(Map.of("PORT", "0", "RATE_LIMIT_PER_MINUTE", "100000"));
        e.putAll(env);
        HttpSettings settings = HttpSettings.parse(e, new String[0]).forSandbox(sb.baseUrl(), sb.issuer(), sb.jwksUrl());
        return HttpHarness.wrap(McpHttpServer.start(settings, ApiHttp.create(settings.apiUrl(), Duration.ofSeconds(10)),
                "1.3.0-test", sb.apiKey()));
    }

    @Test
    void sandboxSettingsReplaceApiAndOAuthButKeepEverythingElse() {
        HttpSettings s = HttpSettings.parse(Map.of("PORT", "0", "REQUIRE_AUTH", "false", "SEQUENTUM_API_URL",
                        "https://api.example.com", "TOKEN_VALIDATION", "passthrough", "OAUTH_AUDIENCE", "x",
                        "MAX_SESSIONS", "7"), new String[0])
                .forSandbox("http://127.0.0.1:4100", "http://127.0.0.1:4100/", "http://127.0.0.1:4100/api/oauth/certs");
        assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:4100");
        assertThat(s.oauthIssuer()).isEqualTo("http://127.0.0.1:4100");
        assertThat(s.oauthJwksUrl()).isEqualTo("http://127.0.0.1:4100/api/oauth/certs");
        assertThat(s.tokenValidation()).isEqualTo(HttpSettings.TokenValidation.JWT);
        assertThat(s.oauthAudience()).isNull();
        assertThat(s.jwtClockSkew()).isEqualTo(Duration.ZERO);
        assertThat(s.requireAuth()).isFalse();
        assertThat(s.maxSessions()).isEqualTo(7);
        assertThat(s.port()).isZero();
    }

    @Test
    void theProtectedResourceMetadataNamesTheSandboxAsAuthorizationServer() {
        JsonNode prm = h.send("GET", "/.well-known/oauth-protected-resource/mcp", null).json();
        assertThat(prm.path("resource").asText()).isEqualTo(h.base + "/mcp");
        assertThat(prm.path("authorization_servers").toString()).isEqualTo("[\"" + sandbox.issuer() + "\"]");
        JsonNode as = h.send("GET", "/.well-known/oauth-authorization-server", null).json();
        assertThat(as.path("issuer").asText()).isEqualTo(sandbox.issuer());
        assertThat(as.path("token_endpoint").asText()).isEqualTo(sandbox.issuer() + "/api/oauth/token");
    }

    @Test
    void aSandboxTokenForThisServerRunsToolsAgainstTheSandboxAsThatUser() throws Exception {
        String alice = signIn(sandbox, "alice", h.base + "/mcp").accessToken;
        String sid = h.open(alice);
        JsonNode result = h.post(alice, sid, LIST_AGENTS).message().path("result");
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("content").get(0).path("text").asText()).contains("Books to Scrape Catalogue");

        String bob = signIn(sandbox, "bob", h.base + "/mcp").accessToken;
        assertThat(h.post(bob, sid, LIST_AGENTS).status()).isEqualTo(404);
        assertThat(h.open(bob)).isNotEqualTo(sid);
    }

    @Test
    void aSandboxTokenForAnotherResourceIsRejected() throws Exception {
        String other = signIn(sandbox, "alice", "https://other.example.com/mcp").accessToken;
        HttpHarness.Resp r = h.post(other, null, HttpHarness.initializeBody());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("www-authenticate")).contains("error=\"invalid_token\"")
                .contains("The access token was not issued for this resource");
    }

    @Test
    void anExpiredSandboxTokenIs401AtOnceAndTheRefreshedTokenKeepsTheSession() throws Exception {
        try (SandboxServer shortLived = SandboxServer.start(SandboxConfig.defaults().withPort(0)
                .withAccessTokenTtl(Duration.ofSeconds(1)));
             HttpHarness s = serve(shortLived, Map.of())) {
            Tokens t = signIn(shortLived, "alice", s.base + "/mcp");
            String sid = s.open(t.accessToken);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            HttpHarness.Resp r;
            do {
                Thread.sleep(200);
                r = s.post(t.accessToken, sid, HttpHarness.request(3, "ping", null));
            } while (r.status() == 200 && System.nanoTime() < deadline);
            // No clock skew in sandbox mode: the expired token is refused before any MCP work, never forwarded.
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("www-authenticate")).contains("error=\"invalid_token\"").contains("has expired");

            String refreshed = refresh(shortLived, t.refreshToken, s.base + "/mcp");
            JsonNode result = s.post(refreshed, sid, LIST_AGENTS).message().path("result");
            assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        }
    }

    @Test
    void withoutRequiredAuthTokenlessRequestsUseTheSandboxApiKey() throws Exception {
        try (HttpHarness open = serve(sandbox, Map.of("REQUIRE_AUTH", "false"))) {
            String sid = open.open(null);
            JsonNode result = open.post(null, sid, LIST_AGENTS).message().path("result");
            assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
            assertThat(result.path("content").get(0).path("text").asText()).contains("Books to Scrape Catalogue");
        }
    }

    @Test
    void aTokenlessRequestIsStillChallengedWhenAuthIsRequired() {
        HttpHarness.Resp r = h.post(null, null, HttpHarness.initializeBody());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("www-authenticate"))
                .isEqualTo("Bearer resource_metadata=\"" + h.base + "/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void theStartupLineNamesBothUrls() {
        assertThat(HttpMain.sandboxLine("http://127.0.0.1:3000/mcp", "http://127.0.0.1:4100", true)).isEqualTo(
                "Sandbox: MCP endpoint http://127.0.0.1:3000/mcp runs against the emulated Sequentum API and OAuth "
                        + "authorization server at http://127.0.0.1:4100 (sign in through the sandbox's OAuth server; "
                        + "tokens are validated as JWTs)");
        assertThat(HttpMain.sandboxLine("http://127.0.0.1:3000/mcp", "http://127.0.0.1:4100", false))
                .endsWith("(REQUIRE_AUTH=false: requests without a token use the sandbox API key)");
    }

    // ---- a minimal OAuth client: the sandbox's pre-registered demo client, loopback redirect, PKCE S256 ---------

    record Tokens(String accessToken, String refreshToken) {}

    static Tokens signIn(SandboxServer sb, String user, String resource) throws Exception {
        String verifier = "verifier-" + "x".repeat(40) + user;
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:9/callback";
        String url = sb.baseUrl() + "/api/oauth/authorize?response_type=code&client_id=sandbox-demo-client"
                + "&redirect_uri=" + enc(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&login_hint=" + user + "&resource=" + enc(resource) + "&state=s1";
        HttpResponse<String> auth = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(auth.statusCode()).as(auth.body()).isBetween(301, 303);
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(auth.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        JsonNode tok = token(sb, "grant_type=authorization_code&code=" + m.group(1) + "&code_verifier=" + verifier
                + "&client_id=sandbox-demo-client&redirect_uri=" + enc(redirect) + "&resource=" + enc(resource));
        return new Tokens(tok.path("access_token").asText(), tok.path("refresh_token").asText());
    }

    static String refresh(SandboxServer sb, String refreshToken, String resource) throws Exception {
        return token(sb, "grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&client_id=sandbox-demo-client"
                + "&resource=" + enc(resource)).path("access_token").asText();
    }

    private static JsonNode token(SandboxServer sb, String form) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(sb.baseUrl() + "/api/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HttpHarness.JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
