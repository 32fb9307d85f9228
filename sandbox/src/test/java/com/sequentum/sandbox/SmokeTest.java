package com.sequentum.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void smoke() {
        try (SandboxServer sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000))) {
            Http h = Http.apiKey(sb);
            for (String p : new String[] {"/api/v1/agent/all", "/api/v1/agent/101/runs?maxRecords=3", "/api/v1/spaces",
                    "/api/v1/billing/credits", "/api/v1/billing/spending", "/api/v1/analytics/runs/summary?includeDetails=true",
                    "/api/v1/analytics/schedules/upcoming", "/api/v1/agent/999", "/api/v1/agent/all?removeMethod=x&sortOrder=5"}) {
                Http.Resp r = h.get(p);
                String t = r.text();
                System.err.println(p + " -> " + r.status() + " " + r.contentType() + " " + (t.length() > 600 ? t.substring(0, 600) : t));
            }
            assertThat(h.get("/api/v1/agent/all").status()).isEqualTo(200);
        }
    }
}
