package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class HttpShutdownTest {

    @Test
    void stopLetsAnInFlightCallFinishThenClosesEverything() throws Exception {
        HttpHarness h = HttpHarness.start();
        try {
            String sid = h.open(TOKEN);
            int port = h.server.port();
            h.api.respond(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"agents\":[],\"totalRecordCount\":0}").headersDelay(700, TimeUnit.MILLISECONDS).build());
            CompletableFuture<HttpHarness.Resp> call = CompletableFuture.supplyAsync(() -> h.post(TOKEN, sid,
                    HttpHarness.request(2, "tools/call", "{\"name\":\"list_agents\",\"arguments\":{}}")));
            h.api.take(); // the call has reached the API
            long started = System.nanoTime();
            h.server.stop();
            long stopMillis = (System.nanoTime() - started) / 1_000_000;
            HttpHarness.Resp r = call.get(5, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.message().path("result").path("isError").asBoolean()).isFalse();
            assertThat(stopMillis).as("stop waited for the call, not for the grace period").isBetween(300L, 5000L);
            assertThat(h.server.sessionCount()).isZero();
            assertThat(HttpSessionLifecycleTest.sdkSessions(h)).isZero();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        } finally {
            h.api.close();
        }
    }

    @Test
    void sigtermStopsTheProcessGracefullyWithExitCodeZero() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HttpMainLauncher.class.getName(), "--http");
        pb.environment().put("PORT", "0");
        pb.environment().put("SEQUENTUM_API_URL", "http://127.0.0.1:9");
        pb.environment().remove("DEBUG");
        File log = File.createTempFile("http-main", ".log");
        log.deleteOnExit();
        pb.redirectErrorStream(true);
        pb.redirectOutput(log);
        Process p = pb.start();
        try {
            Pattern at = Pattern.compile("running on HTTP at http://127\\.0\\.0\\.1:(\\d+)/mcp");
            int boundPort = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (boundPort < 0 && System.nanoTime() < deadline && p.isAlive()) {
                Matcher m = at.matcher(Files.readString(log.toPath()));
                if (m.find()) boundPort = Integer.parseInt(m.group(1));
                else Thread.sleep(50);
            }
            assertThat(boundPort).as(Files.readString(log.toPath())).isPositive();
            try (Socket s = new Socket("127.0.0.1", boundPort)) {
                assertThat(s.isConnected()).isTrue();
            }
            p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of the pipes)
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(log.toPath());
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("shutting down gracefully", "no longer accepting connections",
                    "All 0 sessions closed. Shutdown complete.");
        } finally {
            p.destroyForcibly();
        }
    }
}
