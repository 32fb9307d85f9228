package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale-out settings: drain delay and the loopback-only anonymous API key. */
class ScaleSettingsTest {

    @Test
    void drainDelayDefaultsToZeroAndIsBounded() {
        assertThat(HttpSettings.parse(Map.of(), new String[0]).drainDelay()).isEqualTo(Duration.ZERO);
        assertThat(HttpSettings.parse(Map.of("SHUTDOWN_DRAIN_SECONDS", "5"), new String[0]).drainDelay())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("SHUTDOWN_DRAIN_SECONDS", "121"), new String[0]))
                .hasMessage("SHUTDOWN_DRAIN_SECONDS must be a whole number from 0 to 120, got '121'");
    }

    @Test
    void anonymousApiKeyNeedsAuthOffAndALoopbackHost() {
        assertThat(HttpSettings.parse(Map.of("ANONYMOUS_API_KEY", "sk-sandbox", "REQUIRE_AUTH", "false"),
                new String[0]).anonymousApiKey()).isEqualTo("sk-sandbox");
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("ANONYMOUS_API_KEY", "sk-sandbox"), new String[0]))
                .hasMessage("ANONYMOUS_API_KEY is only allowed with REQUIRE_AUTH=false");
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("ANONYMOUS_API_KEY", "sk-sandbox", "REQUIRE_AUTH", "false",
                "HOST", "0.0.0.0"), new String[0]))
                .hasMessage("ANONYMOUS_API_KEY is for local testing only and needs a loopback HOST (127.0.0.1, ::1 or "
                        + "localhost), got '0.0.0.0'");
    }

    @Test
    void tokenLessRequestsUseTheAnonymousKey() {
        try (HttpHarness h = HttpHarness.start(Map.of("ANONYMOUS_API_KEY", "sk-test-key-123", "REQUIRE_AUTH", "false",
                "STATELESS", "true"))) {
            h.api.json(200, "{\"agents\":[],\"totalRecordCount\":0}");
            h.post(null, null, HttpHarness.request(1, "tools/call", "{\"name\":\"list_agents\",\"arguments\":{}}"));
            assertThat(h.api.take().getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        }
    }
}
