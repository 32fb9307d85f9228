package com.sequentum.mcp;

import java.util.OptionalLong;

/**
 * Starts the built-in API sandbox for {@code --sandbox}. The sandbox module is wired in through
 * {@link Main#sandboxLauncher()} — the one place that knows how to start it.
 */
@FunctionalInterface
public interface SandboxLauncher {

    /**
     * A running sandbox: where the emulated API listens, the key it accepts, its OAuth issuer and signing keys (HTTP
     * mode validates the sandbox's tokens against them), and how to stop it.
     */
    record Running(String baseUrl, String apiKey, String issuer, String jwksUrl, AutoCloseable handle) {
        /** A sandbox whose issuer is its base URL and whose keys are at {@code /api/oauth/certs}. */
        public Running(String baseUrl, String apiKey, AutoCloseable handle) {
            this(baseUrl, apiKey, baseUrl, baseUrl + "/api/oauth/certs", handle);
        }
    }

    /** Starts a sandbox; {@code seed} empty = the sandbox's default data set. */
    Running start(OptionalLong seed) throws Exception;

    /** The launcher of a build without the sandbox: fails with an honest message. */
    static SandboxLauncher unavailable() {
        return seed -> {
            throw new UnsupportedOperationException("--sandbox is not available in this build (the sandbox module is not "
                    + "wired in yet); set SEQUENTUM_API_KEY to use the real API");
        };
    }
}
