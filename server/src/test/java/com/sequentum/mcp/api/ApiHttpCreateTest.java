package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The production client ({@link ApiHttp#create}): its JDK HttpClient is built in the background and runs its
 * completions on its own selector thread (no executor hop). Calls, concurrency, timeouts and streamed downloads
 * still behave.
 */
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

    @Test
    void concurrentCallsFromManyThreadsAllComplete() throws Exception {
        server.start();
        int calls = 64;
        for (int i = 0; i < calls; i++) {
            server.enqueue(new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json"))
                    .body("{\"n\":1}").build());
        }
        ApiHttp http = ApiHttp.create(server.url("/").toString(), Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(CompletableFuture.supplyAsync(() -> http.send(Credentials.apiKey("k"), "GET", "/api/v1/agent/1",
                        null).body().toString(), pool));
            }
            for (CompletableFuture<String> r : results) assertThat(r.get(20, TimeUnit.SECONDS)).isEqualTo("{\"n\":1}");
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(calls);
    }

    @Test
    void aSlowAnswerStillTimesOut() throws Exception {
        server.start();
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).body("{}").build());
        }
        ApiHttp http = ApiHttp.create(server.url("/").toString(), Duration.ofMillis(300));

        assertThatThrownBy(() -> http.send(Credentials.apiKey("k"), "GET", "/api/v1/agent/1", null))
                .isInstanceOf(ApiTimeoutError.class);
    }

    @Test
    void aLargeDownloadStreamsWhileTheCallerReads() throws Exception {
        server.start();
        byte[] body = new byte[3 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) body[i] = (byte) ('a' + i % 26);
        server.enqueue(new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "text/csv"))
                .body(new okio.Buffer().write(body)).throttleBody(256 * 1024, 10, TimeUnit.MILLISECONDS).build());
        ApiHttp http = ApiHttp.create(server.url("/").toString(), Duration.ofSeconds(10));

        ApiHttp.Download d = http.openDownload(server.url("/files/out.csv").toString());
        byte[] read;
        try (InputStream in = d.body()) {
            read = in.readAllBytes();
        }

        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).isEqualTo("text/csv");
        assertThat(read).isEqualTo(body);
    }
}
