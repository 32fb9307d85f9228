package com.sequentum.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One sandbox per test class on an ephemeral port, 1000x faster than real time, and a client holding its API key. */
abstract class SandboxTest {
    static SandboxServer sb;
    static Http h;

    @BeforeAll
    static void startSandbox() {
        sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000));
        h = Http.apiKey(sb);
    }

    @AfterAll
    static void stopSandbox() {
        sb.close();
    }
}
