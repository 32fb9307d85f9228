package com.sequentum.mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sequentum.mcp.config.ConfigLoader.ConfigException;
import com.sequentum.mcp.config.ConfigLoader.Launch;
import com.sequentum.mcp.config.ConfigLoader.Mode;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Flags and environment → what the process does. */
class ConfigLoaderTest {
    private static final Map<String, String> KEY = Map.of("SEQUENTUM_API_KEY", "sk-test-key-123");

    private static Launch load(Map<String, String> env, String... args) {
        return ConfigLoader.load(env, args);
    }

    @Test
    void stdioWithOnlyAKeyUsesTheDocumentedDefaults() {
        Launch l = load(KEY);

        assertThat(l.mode()).isEqualTo(Mode.STDIO);
        assertThat(l.sandbox()).isFalse();
        assertThat(l.apiUrlDefaulted()).isTrue();
        assertThat(l.config().apiUrl()).isEqualTo("https://dashboard.sequentum.com");
        assertThat(l.config().apiKey()).isEqualTo("sk-test-key-123");
        assertThat(l.config().requestTimeout()).isEqualTo(Duration.ofMillis(30_000));
        assertThat(l.config().debug()).isFalse();
        assertThat(l.config().version()).isEqualTo(Version.get());
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void environmentOverridesUrlTimeoutAndDebug() {
        Launch l = load(Map.of("SEQUENTUM_API_KEY", "sk-test-key-123", "SEQUENTUM_API_URL", "http://127.0.0.1:8080/",
                "SEQUENTUM_TIMEOUT_MS", "1500", "DEBUG", "1"));

        assertThat(l.config().apiUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(l.apiUrlDefaulted()).isFalse();
        assertThat(l.config().requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(l.config().debug()).isTrue();
    }

    @Test
    void emptyApiUrlMeansTheDefault() {
        assertThat(load(Map.of("SEQUENTUM_API_KEY", "k-123456", "SEQUENTUM_API_URL", "")).config().apiUrl())
                .isEqualTo("https://dashboard.sequentum.com");
    }

    @Test
    void debugIsOnOnlyForExactlyOne() {
        assertThat(ConfigLoader.debug(Map.of("DEBUG", "1"))).isTrue();
        assertThat(ConfigLoader.debug(Map.of("DEBUG", "true"))).isFalse();
        assertThat(ConfigLoader.debug(Map.of("DEBUG", "0"))).isFalse();
        assertThat(ConfigLoader.debug(Map.of())).isFalse();
    }

    @Test
    void missingOrBlankKeyIsAOneLineConfigurationErrorWithExitCode1() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("SEQUENTUM_API_KEY", "  "))) {
            assertThatThrownBy(() -> load(env))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.getMessage()).startsWith("Error: API Key required for stdio mode")
                                .contains("SEQUENTUM_API_KEY").contains("--sandbox").doesNotContain("\n");
                    });
        }
    }

    @Test
    void unknownFlagIsAUsageErrorWithExitCode2() {
        assertThatThrownBy(() -> load(KEY, "--verbose"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("Error: unknown option \"--verbose\"").contains("Usage:");
                });
    }

    @Test
    void badTimeoutOrUrlIsAConfigurationError() {
        for (String bad : new String[] {"abc", "0", "-5", "1.5"}) {
            assertThatThrownBy(() -> load(Map.of("SEQUENTUM_API_KEY", "sk-1", "SEQUENTUM_TIMEOUT_MS", bad)))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.getMessage()).isEqualTo("Error: SEQUENTUM_TIMEOUT_MS must be a whole number of "
                                + "milliseconds >= 1, got \"" + bad + "\"");
                    });
        }
        assertThatThrownBy(() -> load(Map.of("SEQUENTUM_API_KEY", "sk-1", "SEQUENTUM_API_URL", "dashboard.sequentum.com")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .startsWith("Error: SEQUENTUM_API_URL must be an absolute http(s) URL"));
        assertThatThrownBy(() -> load(Map.of("SEQUENTUM_API_KEY", "sk-1", "SEQUENTUM_API_URL", "ftp://x.example")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void helpAndVersionWinOverEverythingElse() {
        assertThat(load(Map.of(), "--bogus", "--help").mode()).isEqualTo(Mode.HELP);
        assertThat(load(Map.of(), "-h").mode()).isEqualTo(Mode.HELP);
        assertThat(load(Map.of(), "--version").mode()).isEqualTo(Mode.VERSION);
    }

    @Test
    void httpModeComesFromTheFlagOrExactlyHttpInTransportMode() {
        assertThat(load(Map.of(), "--http").mode()).isEqualTo(Mode.HTTP);
        assertThat(load(Map.of("TRANSPORT_MODE", "http")).mode()).isEqualTo(Mode.HTTP);
        assertThat(load(Map.of("TRANSPORT_MODE", "http"), "--port", "9").mode())
                .as("HTTP flags are HttpMain's business").isEqualTo(Mode.HTTP);
        Launch upper = load(Map.of("TRANSPORT_MODE", "HTTP", "SEQUENTUM_API_KEY", "sk-1"));
        assertThat(upper.mode()).isEqualTo(Mode.STDIO);
        assertThat(upper.warnings()).containsExactly("Warning: TRANSPORT_MODE=\"HTTP\" is not \"http\"; serving on stdio");
        assertThat(load(Map.of("TRANSPORT_MODE", "stdio", "SEQUENTUM_API_KEY", "sk-1")).warnings()).isEmpty();
    }

    @Test
    void sandboxNeedsNoKeyAndTakesAnOptionalSeed() {
        Launch plain = load(Map.of(), "--sandbox");
        assertThat(plain.mode()).isEqualTo(Mode.STDIO);
        assertThat(plain.sandbox()).isTrue();
        assertThat(plain.sandboxSeed()).isEqualTo(OptionalLong.empty());
        assertThat(plain.config().apiKey()).isNull();

        assertThat(load(Map.of(), "--sandbox", "--sandbox-seed", "42").sandboxSeed()).isEqualTo(OptionalLong.of(42));
        Launch implied = load(Map.of(), "--sandbox-seed=7");
        assertThat(implied.sandbox()).isTrue();
        assertThat(implied.sandboxSeed()).isEqualTo(OptionalLong.of(7));
        assertThat(load(KEY, "--sandbox").warnings())
                .containsExactly("Note: --sandbox ignores SEQUENTUM_API_URL and SEQUENTUM_API_KEY");
    }

    @Test
    void sandboxSeedMustBeAWholeNumber() {
        assertThatThrownBy(() -> load(Map.of(), "--sandbox-seed", "x"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("Error: --sandbox-seed needs a whole number, got \"x\"");
                });
        assertThatThrownBy(() -> load(Map.of(), "--sandbox-seed"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void configToStringNeverShowsTheKey() {
        assertThat(load(KEY).config().toString()).doesNotContain("sk-test-key-123").contains("apiKey=set");
    }
}
