package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Open GET /mcp streams carry a keep-alive ping well within the 30 s idle timeouts of Jetty and proxies. */
class HttpKeepAliveTest {

    @Test
    void theKeepAliveIntervalIsWellUnderThirtySeconds() {
        assertThat(HttpSettings.KEEP_ALIVE).isEqualTo(Duration.ofSeconds(15));
        assertThat(HttpSettings.parse(Map.of(), new String[0]).keepAlive()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anOpenGetStreamReceivesPingsAtTheKeepAliveInterval() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of(), s -> s.withKeepAlive(Duration.ofMillis(300)))) {
            String sid = h.open(HttpHarness.TOKEN);
            HttpRequest get = HttpRequest.newBuilder(URI.create(h.base + "/mcp"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + HttpHarness.TOKEN)
                    .header("Mcp-Session-Id", sid)
                    .GET().build();
            HttpResponse<InputStream> stream = h.client.send(get, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            CompletableFuture<String> firstPing = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("data:") && line.contains("\"method\":\"ping\"")) return line;
                    }
                    return null;
                } catch (Exception e) {
                    return null;
                }
            });
            String ping = firstPing.get(5, TimeUnit.SECONDS);
            assertThat(ping).contains("\"jsonrpc\":\"2.0\"").contains("\"method\":\"ping\"");
            h.delete(HttpHarness.TOKEN, sid);
        }
    }
}
