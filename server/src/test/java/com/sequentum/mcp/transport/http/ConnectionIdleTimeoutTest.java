package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A tool call's answer stream is silent while the call runs; the connection must outlive the slowest call. */
class ConnectionIdleTimeoutTest {

    @Test
    void outlivesEveryApiAttemptAndRetryDelayOfTheSlowestCall() {
        RetryPolicy retry = RetryPolicy.standard();
        Duration slowest = ApiHttp.DEFAULT_TIMEOUT.multipliedBy(retry.maxRetries() + 1);
        for (int attempt = 0; attempt < retry.maxRetries(); attempt++) {
            // the longest back-off: jitter at its top (x1.25)
            slowest = slowest.plus(new RetryPolicy(retry.maxRetries(), retry.baseDelay(), retry.maxDelay(), () -> 1.0)
                    .delay(attempt, null));
        }
        assertThat(McpHttpServer.CONNECTION_IDLE_TIMEOUT).isGreaterThan(slowest.plusSeconds(45));
    }
}
