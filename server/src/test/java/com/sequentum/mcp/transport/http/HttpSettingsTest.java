package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static HttpSettings parse(Map<String, String> env, String... args) {
        return HttpSettings.parse(env, args);
    }

    @Test
    void defaultsAreSafeForALocalServer() {
        HttpSettings s = parse(Map.of());
        assertThat(s.port()).isEqualTo(3000);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.apiUrl()).isEqualTo("https://dashboard.sequentum.com");
        assertThat(s.requireAuth()).isTrue();
        assertThat(s.debug()).isFalse();
        assertThat(s.maxSessions()).isEqualTo(1000);
        assertThat(s.trustProxy()).isEqualTo(TrustProxy.NONE);
        assertThat(s.publicUrl()).isNull();
        assertThat(s.tokenValidation()).isEqualTo(HttpSettings.TokenValidation.PASSTHROUGH);
        assertThat(s.oauthIssuer()).isEqualTo("https://dashboard.sequentum.com");
        assertThat(s.oauthJwksUrl()).isEqualTo("https://dashboard.sequentum.com/api/oauth/certs");
        assertThat(s.rateLimitPerMinute()).isEqualTo(100);
        assertThat(s.principalRateLimitPerMinute()).isEqualTo(300);
        assertThat(s.sessionIdle()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void environmentAndFlagsAreRead() {
        HttpSettings s = parse(Map.ofEntries(Map.entry("PORT", "8080"), Map.entry("HOST", "0.0.0.0"),
                        Map.entry("DEBUG", "1"), Map.entry("REQUIRE_AUTH", "false"), Map.entry("MAX_SESSIONS", "5"),
                        Map.entry("ALLOWED_ORIGINS", " https://a.com , https://b.com "),
                        Map.entry("PUBLIC_URL", "https://MCP.example.com:443/"), Map.entry("TOKEN_VALIDATION", "jwt"),
                        Map.entry("OAUTH_ISSUER", "https://auth.example.com//"), Map.entry("SESSION_IDLE_MINUTES", "5"),
                        Map.entry("RATE_LIMIT_PER_MINUTE", "10")),
                "--http", "--port", "9090", "--trust-proxy=1");
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.debug()).isTrue();
        assertThat(s.requireAuth()).isFalse();
        assertThat(s.maxSessions()).isEqualTo(5);
        assertThat(s.allowedOrigins()).containsExactly("https://a.com", "https://b.com");
        assertThat(s.publicUrl()).isEqualTo("https://mcp.example.com");
        assertThat(s.tokenValidation()).isEqualTo(HttpSettings.TokenValidation.JWT);
        assertThat(s.oauthIssuer()).isEqualTo("https://auth.example.com");
        assertThat(s.oauthJwksUrl()).isEqualTo("https://auth.example.com/api/oauth/certs");
        assertThat(s.trustProxy().hops()).isEqualTo(1);
        assertThat(s.sessionIdle()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.rateLimitPerMinute()).isEqualTo(10);
        assertThat(s.principalRateLimitPerMinute()).isEqualTo(30);
    }

    @Test
    void apiUrlWithTrailingSlashGivesAnIssuerWithoutDoubleSlashes() {
        HttpSettings s = parse(Map.of("SEQUENTUM_API_URL", "https://api.example.com/"));
        assertThat(s.apiUrl()).isEqualTo("https://api.example.com");
        assertThat(s.oauthIssuer()).isEqualTo("https://api.example.com");
    }

    @Test
    void invalidValuesFailWithOneLineMessages() {
        Map<Map<String, String>, String> cases = Map.of(
                Map.of("PORT", "http"), "PORT must be a whole number from 0 to 65535, got 'http'",
                Map.of("PORT", "70000"), "PORT must be a whole number from 0 to 65535, got '70000'",
                Map.of("MAX_SESSIONS", "lots"), "MAX_SESSIONS must be a whole number from 1 to 1000000, got 'lots'",
                Map.of("REQUIRE_AUTH", "maybe"), "REQUIRE_AUTH must be true or false, got 'maybe'",
                Map.of("TOKEN_VALIDATION", "magic"), "TOKEN_VALIDATION must be 'passthrough' or 'jwt', got 'magic'",
                Map.of("PUBLIC_URL", "https://x.com/mcp"), "PUBLIC_URL must be an origin such as https://mcp.example.com "
                        + "(http or https, no path, query, fragment or user info), got 'https://x.com/mcp'",
                Map.of("ALLOWED_ORIGINS", "https://a.com/"), "ALLOWED_ORIGINS entry 'https://a.com/' is not an origin "
                        + "(expected scheme://host[:port], without path or trailing slash)",
                Map.of("TRUST_PROXY", "sometimes"), "TRUST_PROXY must be false, true, a hop count or a comma list of IP "
                        + "addresses/CIDR blocks; 'sometimes' is none of these",
                Map.of("OAUTH_ISSUER", "auth.example.com"), "OAUTH_ISSUER must be an absolute http(s) URL without query "
                        + "or fragment, got 'auth.example.com'");
        cases.forEach((env, message) -> assertThatThrownBy(() -> parse(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message));
        assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessage("--port needs a value");
    }

    @Test
    void trustProxyPicksTheClientAddressWithoutBelievingSpoofedEntries() {
        List<String> xff = List.of("6.6.6.6, 203.0.113.7");
        assertThat(TrustProxy.parse(null).clientAddress("10.0.0.2", xff)).isEqualTo("10.0.0.2");
        assertThat(TrustProxy.parse("false").clientAddress("10.0.0.2", xff)).isEqualTo("10.0.0.2");
        assertThat(TrustProxy.parse("1").clientAddress("10.0.0.2", xff)).isEqualTo("203.0.113.7");
        assertThat(TrustProxy.parse("true").clientAddress("10.0.0.2", xff)).isEqualTo("203.0.113.7");
        assertThat(TrustProxy.parse("2").clientAddress("10.0.0.2", xff)).isEqualTo("6.6.6.6");
        assertThat(TrustProxy.parse("5").clientAddress("10.0.0.2", xff)).isEqualTo("6.6.6.6");
        assertThat(TrustProxy.parse("10.0.0.0/8").clientAddress("10.0.0.2", xff)).isEqualTo("203.0.113.7");
        assertThat(TrustProxy.parse("10.0.0.0/8, 203.0.113.7").clientAddress("10.0.0.2", xff)).isEqualTo("6.6.6.6");
        assertThat(TrustProxy.parse("10.0.0.0/8").clientAddress("192.0.2.1", xff))
                .as("a peer that is not a trusted proxy is the client").isEqualTo("192.0.2.1");
        assertThat(TrustProxy.parse("1").clientAddress("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv6ClientsShareARateLimitKeyPerSlash56() {
        assertThat(RateLimitFilter.addressKey("2001:db8:aa:bb01::1")).isEqualTo(RateLimitFilter.addressKey("2001:db8:aa:bbff::9"));
        assertThat(RateLimitFilter.addressKey("2001:db8:aa:bb01::1")).isNotEqualTo(RateLimitFilter.addressKey("2001:db8:ab:bb01::1"));
        assertThat(RateLimitFilter.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
