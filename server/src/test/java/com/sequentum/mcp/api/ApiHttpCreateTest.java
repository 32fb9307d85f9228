package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production client ({@link ApiHttp#create}) builds its JDK HttpClient in the background; calls still work. */
class ApiHttpCreateTest {
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void theFirstCallRightAfterCreateWaitsForTheClientAndSucceeds() throws Exception {
        server.start();
        server.enqueue(new MockResponse.Builder().code(200)
                .headers(Headers.of("Content-Type", "application/json")).body("{\"id\":7}").build());
        String base = server.url("/").toString();
        ApiHttp http = ApiHttp.create(base, Duration.ofSeconds(5));

        ApiResponse r = http.send(Credentials.apiKey("sk-test-key-123"), "GET", "/api/v1/agent/7", null);

        assertThat(r.body().toString()).isEqualTo("{\"id\":7}");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
    }
}
