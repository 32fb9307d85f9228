package com.sequentum.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    private static final String[] PATHS = {"/api/v1/agent/all", "/api/v1/agent/101/runs", "/api/v1/agent/105/runs",
            "/api/v1/spaces", "/api/v1/agent/103/versions", "/api/v1/agent/102/schedules"};

    private static String snapshot(SandboxConfig cfg) {
        try (SandboxServer sb = SandboxServer.start(cfg)) {
            Http h = Http.apiKey(sb);
            StringBuilder out = new StringBuilder();
            for (String p : PATHS) out.append(h.get(p).text()).append('\n');
            int run = h.get("/api/v1/agent/101/runs").json().get(0).get("id").asInt();
            out.append(h.get("/api/v1/agent/101/run/" + run + "/files").text());
            return out.toString();
        }
    }

    @Test
    void sameSeedSameData() {
        Instant anchor = Instant.parse("2026-03-01T12:00:00Z");
        SandboxConfig cfg = SandboxConfig.defaults().withPort(0).withSeed(42L).withAnchor(anchor).withTimeScale(1000);
        String a = snapshot(cfg);
        String b = snapshot(cfg);
        assertThat(a).isEqualTo(b);
        String c = snapshot(cfg.withSeed(43L));
        assertThat(c).isNotEqualTo(a);
    }
}
