package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** test-expectations K1–K7 at unit level (the black-box K8 cases are in {@link HttpSecurityTest}). */
class CorsPolicyTest {
    private static CorsPolicy policy(String allowedOrigins, boolean debug) {
        return new CorsPolicy(CorsPolicy.parseAllowedOrigins(allowedOrigins), debug);
    }

    @Test
    void k1DefaultsContainTheKnownOrigins() {
        assertThat(policy(null, false).exactOrigins()).contains("https://claude.ai", "https://claude.com",
                "https://dashboard.sequentum.com", "https://mcp.sequentum.com");
    }

    @Test
    void k2LoopbackOnlyInDebug() {
        assertThat(policy(null, false).exactOrigins()).noneMatch(o -> o.contains("localhost") || o.contains("127.0.0.1"));
        assertThat(policy(null, false).isAllowed("http://localhost:3000")).isFalse();
        assertThat(policy(null, true).isAllowed("http://localhost:3000")).isTrue();
        assertThat(policy(null, true).isAllowed("http://127.0.0.1:8080")).isTrue();
    }

    @Test
    void k3AllowedOriginsAreAddedNeverReplacing() {
        CorsPolicy one = policy("https://example.com", false);
        assertThat(one.isAllowed("https://example.com")).isTrue();
        assertThat(one.isAllowed("https://claude.ai")).isTrue();
        assertThat(one.isAllowed("https://mcp.sequentum.com")).isTrue();
        CorsPolicy two = policy("https://a.com,https://b.com", false);
        assertThat(two.isAllowed("https://a.com")).isTrue();
        assertThat(two.isAllowed("https://b.com")).isTrue();
        assertThat(two.isAllowed("https://claude.ai")).isTrue();
        CorsPolicy trimmed = policy(" https://a.com , https://b.com ", false);
        assertThat(trimmed.isAllowed("https://a.com")).isTrue();
        assertThat(trimmed.isAllowed("https://b.com")).isTrue();
        assertThat(CorsPolicy.parseAllowedOrigins("https://a.com,")).containsExactly("https://a.com");
        assertThat(policy("https://a.com,", false).exactOrigins()).doesNotContain("").contains("https://a.com");
        assertThat(policy("", false).exactOrigins()).containsExactlyInAnyOrderElementsOf(CorsPolicy.DEFAULT_ORIGINS);
    }

    @Test
    void k4ExactOrigins() {
        CorsPolicy p = policy(null, false);
        for (String o : List.of("https://claude.ai", "https://claude.com", "https://dashboard.sequentum.com",
                "https://mcp.sequentum.com", "https://chatgpt.com", "https://platform.openai.com")) {
            assertThat(p.isAllowed(o)).as(o).isTrue();
        }
        assertThat(p.isAllowed("https://chat.openai.com")).isFalse();
    }

    @Test
    void k5Subdomains() {
        CorsPolicy p = policy(null, false);
        for (String o : List.of("https://team.claude.ai", "https://app.claude.com", "https://connectors.us.claude.ai",
                "https://connectors.us.claude.com", "https://connector.chatgpt.com", "https://api.connector.chatgpt.com")) {
            assertThat(p.isAllowed(o)).as(o).isTrue();
        }
    }

    @Test
    void k6AdversarialOriginsAreRejected() {
        CorsPolicy p = policy(null, true);
        for (String o : List.of("https://chatgpt.com.evil.com", "https://notchatgpt.com", "https://claude.ai.evil.com",
                "https://notclaude.ai", "https://x.notclaude.ai", "http://claude.ai", "https://CLAUDE.AI",
                "https://claude.ai/", "", "null", "https://evil.com")) {
            assertThat(p.isAllowed(o)).as("'" + o + "'").isFalse();
        }
        assertThat(p.isAllowed(null)).isFalse();
    }

    @Test
    void k7DebugLoopbackRules() {
        CorsPolicy off = policy(null, false);
        CorsPolicy on = policy(null, true);
        assertThat(off.isAllowed("http://localhost:3000")).isFalse();
        assertThat(off.isAllowed("http://[::1]:8080")).isFalse();
        for (String o : List.of("http://localhost", "http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]",
                "http://[::1]:8080")) {
            assertThat(on.isAllowed(o)).as(o).isTrue();
        }
        assertThat(on.isAllowed("https://localhost")).isFalse();
    }

    @Test
    void theServersOwnOriginCanBeAdded() {
        CorsPolicy p = policy(null, false).with("https://mcp.example.com");
        assertThat(p.isAllowed("https://mcp.example.com")).isTrue();
        assertThat(p.isAllowed("https://claude.ai")).isTrue();
    }
}
