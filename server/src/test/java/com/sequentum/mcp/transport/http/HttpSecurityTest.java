package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.ACCEPT_BOTH;
import static com.sequentum.mcp.transport.http.HttpHarness.OTHER_TOKEN;
import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every security rule of HTTP mode, black-box over real sockets. */
class HttpSecurityTest {
    static HttpHarness h;

    @BeforeAll
    static void start() {
        h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "100000", "ALLOWED_ORIGINS", "https://extra.example.com"));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Every error: JSON content type, JSON-RPC envelope, nothing that looks like Java internals. */
    static JsonNode assertJsonRpcError(HttpHarness.Resp r, int status, int code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.has("id")).isTrue();
        assertThat(body.path("id").isNull()).isTrue();
        assertThat(body.path("error").path("code").asInt()).isEqualTo(code);
        assertThat(body.path("error").path("message").asText()).isNotEmpty();
        assertThat(r.body()).doesNotContain("Exception", "stackTrace", "at io.", "java.", "<html", "jetty");
        return body;
    }

    // ---- authentication -------------------------------------------------------------------------------------

    @Test
    void everyMcpMethodNeedsABearerToken() {
        String sid = h.open(TOKEN);
        String challenge = "Bearer resource_metadata=\"" + h.base + "/.well-known/oauth-protected-resource/mcp\"";
        HttpHarness.Resp post = h.post(null, sid, HttpHarness.request(2, "tools/list", null));
        assertJsonRpcError(post, 401, -32001);
        assertThat(post.header("www-authenticate")).as("a known session id alone is not a credential").isEqualTo(challenge);
        HttpHarness.Resp get = h.send("GET", "/mcp", null, "Accept", "text/event-stream", "Mcp-Session-Id", sid);
        assertJsonRpcError(get, 401, -32001);
        assertThat(get.header("www-authenticate")).isEqualTo(challenge);
        HttpHarness.Resp del = h.delete(null, sid);
        assertJsonRpcError(del, 401, -32001);
        assertThat(h.post(TOKEN, sid, HttpHarness.request(3, "tools/list", null)).status())
                .as("the session survived the unauthenticated DELETE").isEqualTo(200);
    }

    @Test
    void apiKeyAndEmptyBearerHeadersCountAsNoToken() {
        for (String auth : List.of("ApiKey sk-test-key-123", "Bearer ", "Bearer", "Basic dXNlcjpwdw==")) {
            HttpHarness.Resp r = h.send("POST", "/mcp", HttpHarness.initializeBody(), "Content-Type", "application/json",
                    "Accept", ACCEPT_BOTH, "Authorization", auth);
            assertJsonRpcError(r, 401, -32001);
            assertThat(r.header("www-authenticate")).doesNotContain("error=");
        }
    }

    @Test
    void aSessionBelongsToThePrincipalThatCreatedIt() {
        String sid = h.open(TOKEN);
        HttpHarness.Resp foreign = h.post(OTHER_TOKEN, sid, HttpHarness.request(2, "tools/list", null));
        JsonNode body = assertJsonRpcError(foreign, 404, -32001);
        assertThat(body.path("error").path("message").asText()).isEqualTo("Session not found");
        HttpHarness.Resp unknown = h.post(OTHER_TOKEN, "6f1c1f9e-0000-4000-8000-000000000000",
                HttpHarness.request(2, "tools/list", null));
        assertThat(unknown.body()).as("a foreign id looks exactly like an unknown one").isEqualTo(foreign.body());
        assertJsonRpcError(h.send("GET", "/mcp", null, "Accept", "text/event-stream", "Mcp-Session-Id", sid,
                "Authorization", "Bearer " + OTHER_TOKEN), 404, -32001);
        assertJsonRpcError(h.delete(OTHER_TOKEN, sid), 404, -32001);
        assertThat(h.post(TOKEN, sid, HttpHarness.request(3, "tools/list", null)).status()).isEqualTo(200);
    }

    @Test
    void unknownSessionIsNotFoundOnPostAndGet() {
        String id = "00000000-0000-4000-8000-000000000000";
        assertJsonRpcError(h.post(TOKEN, id, HttpHarness.request(2, "tools/list", null)), 404, -32001);
        assertJsonRpcError(h.send("GET", "/mcp", null, "Accept", "text/event-stream", "Mcp-Session-Id", id,
                "Authorization", "Bearer " + TOKEN), 404, -32001);
    }

    @Test
    void deletedSessionIsGone() {
        String sid = h.open(TOKEN);
        HttpHarness.Resp del = h.delete(TOKEN, sid);
        assertThat(del.status()).isEqualTo(200);
        assertJsonRpcError(h.post(TOKEN, sid, HttpHarness.request(2, "tools/list", null)), 404, -32001);
    }

    @Test
    void requestWithoutSessionThatIsNotInitializeIsRejected() {
        JsonNode b = assertJsonRpcError(h.post(TOKEN, null, HttpHarness.request(2, "tools/list", null)), 400, -32000);
        assertThat(b.path("error").path("message").asText()).startsWith("Bad Request: Mcp-Session-Id header is required");
    }

    // ---- malformed requests ------------------------------------------------------------------------------------

    @Test
    void malformedJsonIsAParseError() {
        JsonNode b = assertJsonRpcError(h.post(TOKEN, null, "{not json"), 400, -32700);
        assertThat(b.path("error").path("message").asText()).isEqualTo("Parse error: Invalid JSON");
        assertJsonRpcError(h.post(TOKEN, null, ""), 400, -32700);
    }

    @Test
    void anInitializeTheSdkCouldNotReadIsInvalidParamsWithItsId() {
        String bad = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":5,\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpHarness.Resp r = h.post(TOKEN, null, bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("mcp-session-id")).isNull();
        JsonNode body = r.json();
        assertThat(body.path("id").asInt()).isEqualTo(7);
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(body.path("error").path("message").asText()).isEqualTo("Invalid params: \"capabilities\" must be an object");
        HttpHarness.Resp missing = h.post(TOKEN, null, "{\"jsonrpc\":\"2.0\",\"id\":\"m\",\"method\":\"initialize\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("id").asText()).isEqualTo("m");
        assertThat(missing.json().path("error").path("message").asText()).startsWith("Invalid params: initialize needs");
        assertThat(missing.body()).doesNotContain("Exception", "java.", "io.modelcontextprotocol");
    }

    @Test
    void jsonThatIsNotJsonRpcIsAnInvalidRequest() {
        for (String body : List.of("{\"hello\":1}", "[]", "42", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")) {
            assertJsonRpcError(h.post(TOKEN, null, body), 400, -32600);
        }
    }

    @Test
    void bodyOverOneMebibyteIsTooLarge() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}}";
        JsonNode b = assertJsonRpcError(h.post(TOKEN, null, big), 413, -32000);
        assertThat(b.path("error").path("message").asText()).isEqualTo("Payload Too Large: the request body exceeds 1 MiB");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        HttpHarness.Resp r = h.send("POST", "/mcp", HttpHarness.initializeBody(), "Content-Type", "text/plain",
                "Accept", ACCEPT_BOTH, "Authorization", "Bearer " + TOKEN);
        assertJsonRpcError(r, 415, -32000);
    }

    @Test
    void acceptMustNameBothJsonAndEventStream() {
        for (String accept : List.of("application/json", "text/event-stream", "*/*")) {
            HttpHarness.Resp r = h.send("POST", "/mcp", HttpHarness.initializeBody(), "Content-Type", "application/json",
                    "Accept", accept, "Authorization", "Bearer " + TOKEN);
            JsonNode b = assertJsonRpcError(r, 406, -32000);
            assertThat(b.path("error").path("message").asText())
                    .isEqualTo("Not Acceptable: Client must accept both application/json and text/event-stream");
        }
        String sid = h.open(TOKEN);
        assertJsonRpcError(h.send("GET", "/mcp", null, "Accept", "application/json", "Mcp-Session-Id", sid,
                "Authorization", "Bearer " + TOKEN), 406, -32000);
    }

    @Test
    void unsupportedProtocolVersionHeaderIsABadRequest() {
        String sid = h.open(TOKEN);
        JsonNode b = assertJsonRpcError(h.post(TOKEN, sid, HttpHarness.request(2, "ping", null),
                "Mcp-Protocol-Version", "1999-01-01"), 400, -32000);
        assertThat(b.path("error").path("message").asText()).startsWith("Bad Request: Unsupported protocol version: 1999-01-01 "
                + "(supported versions: ").contains("2025-06-18");
        assertThat(h.post(TOKEN, sid, HttpHarness.request(3, "ping", null), "Mcp-Protocol-Version", "2025-06-18").status())
                .isEqualTo(200);
    }

    @Test
    void unsupportedMethodIsNotAllowed() {
        HttpHarness.Resp r = h.send("PUT", "/mcp", "{}", "Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
        assertJsonRpcError(r, 405, -32000);
        assertThat(r.header("allow")).isEqualTo("GET, POST, DELETE, OPTIONS");
        assertJsonRpcError(h.send("POST", "/health", "{}", "Content-Type", "application/json"), 405, -32000);
    }

    @Test
    void unknownPathsAreJsonNotFound() {
        assertJsonRpcError(h.send("GET", "/", null), 404, -32000);
        assertJsonRpcError(h.send("GET", "/.well-known/oauth-authorization-server/mcp", null), 404, -32000);
    }

    // ---- DNS rebinding -----------------------------------------------------------------------------------------

    @Test
    void foreignHostHeaderIsMisdirected() {
        HttpHarness.Resp r = h.raw("GET /health HTTP/1.1\r\nHost: attacker.example:" + h.server.port() + "\r\n", null);
        JsonNode b = assertJsonRpcError(r, 421, -32000);
        assertThat(b.path("error").path("message").asText()).isEqualTo("Misdirected Request: host not allowed");
        HttpHarness.Resp mcp = h.raw("POST /mcp HTTP/1.1\r\nHost: attacker.example\r\nContent-Type: application/json\r\n"
                + "Accept: " + ACCEPT_BOTH + "\r\nAuthorization: Bearer " + TOKEN + "\r\n", HttpHarness.initializeBody());
        assertJsonRpcError(mcp, 421, -32000);
    }

    @Test
    void loopbackHostNamesAreAccepted() {
        for (String host : List.of("localhost", "127.0.0.1", "[::1]", "LOCALHOST")) {
            HttpHarness.Resp r = h.raw("GET /health HTTP/1.1\r\nHost: " + host + ":" + h.server.port() + "\r\n", null);
            assertThat(r.status()).as(host).isEqualTo(200);
        }
    }

    // ---- CORS (K8 and the preflight rules) ----------------------------------------------------------------------

    @Test
    void allowedBrowserOriginIsReflectedWithVary() {
        for (String origin : List.of("https://claude.ai", "https://team.claude.ai", "https://chatgpt.com",
                "https://extra.example.com", h.base)) {
            HttpHarness.Resp r = h.post(TOKEN, null, HttpHarness.initializeBody(), "Origin", origin);
            assertThat(r.status()).as(origin).isEqualTo(200);
            assertThat(r.header("access-control-allow-origin")).isEqualTo(origin);
            assertThat(r.header("vary")).contains("Origin");
            assertThat(r.header("access-control-expose-headers")).contains("Mcp-Session-Id", "Mcp-Protocol-Version",
                    "WWW-Authenticate");
            h.delete(TOKEN, r.header("mcp-session-id"));
        }
    }

    @Test
    void disallowedBrowserOriginOnMcpIsForbiddenBeforeAuth() {
        for (String origin : List.of("https://claude.ai.evil.com", "https://notclaude.ai", "https://x.notclaude.ai",
                "http://claude.ai", "https://CLAUDE.AI", "https://claude.ai/", "https://chatgpt.com.evil.com",
                "https://notchatgpt.com", "https://chat.openai.com", "http://localhost:3000", "http://[::1]:8080",
                "https://localhost", "null")) {
            HttpHarness.Resp r = h.post(null, null, HttpHarness.initializeBody(), "Origin", origin);
            JsonNode b = assertJsonRpcError(r, 403, -32000);
            assertThat(b.path("error").path("message").asText()).isEqualTo("Forbidden: origin not allowed");
            assertThat(r.header("access-control-allow-origin")).isNull();
            assertThat(r.header("vary")).contains("Origin");
            assertThat(r.header("www-authenticate")).as("no auth check happened").isNull();
        }
    }

    @Test
    void noOriginMeansANativeClientAndIsUnaffected() {
        HttpHarness.Resp r = h.post(TOKEN, null, HttpHarness.initializeBody());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("access-control-allow-origin")).isNull();
        assertThat(r.header("vary")).contains("Origin");
        h.delete(TOKEN, r.header("mcp-session-id"));
    }

    @Test
    void disallowedOriginOnOtherPathsGetsNoCorsHeadersButAnAnswer() {
        HttpHarness.Resp r = h.send("GET", "/health", null, "Origin", "https://evil.com");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("access-control-allow-origin")).isNull();
        assertThat(r.header("vary")).isEqualTo("Origin");
    }

    @Test
    void preflightIsAnsweredOnlyForAllowedOrigins() {
        HttpHarness.Resp ok = h.send("OPTIONS", "/mcp", null, "Origin", "https://claude.ai",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, mcp-protocol-version");
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.body()).isEmpty();
        assertThat(ok.header("access-control-allow-origin")).isEqualTo("https://claude.ai");
        assertThat(ok.header("access-control-allow-methods")).isEqualTo("GET, POST, DELETE, OPTIONS");
        assertThat(ok.header("access-control-allow-headers")).contains("Authorization", "Mcp-Session-Id",
                "Mcp-Protocol-Version", "Content-Type", "Accept");
        assertThat(ok.header("access-control-allow-credentials")).isNull();
        assertThat(ok.header("vary")).contains("Origin");
        HttpHarness.Resp bad = h.send("OPTIONS", "/mcp", null, "Origin", "https://evil.com",
                "Access-Control-Request-Method", "POST");
        assertJsonRpcError(bad, 403, -32000);
        assertThat(bad.header("access-control-allow-origin")).isNull();
        assertThat(bad.header("access-control-allow-methods")).isNull();
    }

    // ---- discovery documents --------------------------------------------------------------------------------------

    @Test
    void protectedResourceMetadataNamesTheMcpEndpointAndTheIssuer() {
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            HttpHarness.Resp r = h.raw("GET " + path + " HTTP/1.1\r\nHost: localhost:1234\r\nX-Forwarded-Proto: https\r\n", null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode d = r.json();
            assertThat(d.path("resource").asText()).as("never built from Host or X-Forwarded-Proto").isEqualTo(h.base + "/mcp");
            assertThat(d.path("authorization_servers").toString()).isEqualTo("[\"" + h.api.baseUrl() + "\"]");
            assertThat(d.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
            assertThat(d.path("scopes_supported").toString())
                    .isEqualTo("[\"agents:read\",\"runs:read\",\"spaces:read\",\"agents:write\",\"offline_access\"]");
        }
    }

    @Test
    void authorizationServerMetadataIsConsistentWithItsIssuer() {
        JsonNode d = h.send("GET", "/.well-known/oauth-authorization-server", null).json();
        String iss = h.api.baseUrl();
        assertThat(d.path("issuer").asText()).isEqualTo(iss);
        assertThat(d.path("authorization_endpoint").asText()).isEqualTo(iss + "/api/oauth/authorize");
        assertThat(d.path("token_endpoint").asText()).isEqualTo(iss + "/api/oauth/token");
        assertThat(d.path("registration_endpoint").asText()).isEqualTo(iss + "/api/oauth/register"); // I2
        assertThat(d.path("client_id_metadata_document_supported").asBoolean()).isTrue(); // I1
        assertThat(d.path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"none\"]"); // I3
        assertThat(d.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]"); // I3
        assertThat(d.has("client_id")).isFalse(); // I4
        assertThat(d.path("grant_types_supported").toString()).contains("authorization_code", "refresh_token"); // I5
        assertThat(d.path("resource_indicators_supported").asBoolean()).isTrue(); // I6
        assertThat(d.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(d.toString().replace("://", "")).doesNotContain("//");
    }
}
