package com.sequentum.mcp.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.McpServerFactory;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.RetryPolicy;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real server (factory + SDK + stdio transport) on in-memory pipes, driven by the SDK's own sync
 * client, with the Sequentum API answered by an {@link ApiStub}. Log notifications are collected.
 */
public final class InProcessMcp implements AutoCloseable {
    public final McpSyncClient client;
    public final List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    private final McpSyncServer server;

    public InProcessMcp(ApiStub api) {
        this(api, null, c -> c);
    }

    /** With operator controls (null = defaults) and a client customisation (e.g. elicitation support). */
    public InProcessMcp(ApiStub api, com.sequentum.mcp.policy.ControlSettings control,
            java.util.function.UnaryOperator<McpClient.SyncSpec> clientSpec) {
        try {
            McpJsonMapper mapper = McpJsonDefaults.getMapper();
            Pipe toServer = Pipe.open();
            Pipe toClient = Pipe.open();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            ApiHttp apiHttp = new ApiHttp(http, api.baseUrl(), Duration.ofSeconds(5), RetryPolicy.none(), d -> { },
                    api.clock(), new ObjectMapper());
            McpServerFactory factory = new McpServerFactory(apiHttp, ctx -> Credentials.apiKey(ApiStub.API_KEY),
                    api.clock(), "1.3.0-test", false);
            if (control != null) factory.control(control);
            var transport = new StdioServerTransportProvider(mapper, Channels.newInputStream(toServer.source()),
                    Channels.newOutputStream(toClient.sink()));
            server = factory.configure(McpServer.sync(transport)).build();
            client = clientSpec.apply(McpClient.sync(new PipedClientTransport(mapper,
                            Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()))))
                    .requestTimeout(Duration.ofSeconds(10))
                    .loggingConsumer(logs::add)
                    .build();
            client.initialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 5 s) until a log notification with exactly this text has arrived. */
    public LoggingMessageNotification awaitLog(String data) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (LoggingMessageNotification n : logs) if (n.data().equals(data)) return n;
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no log notification \"" + data + "\"; got " + logs);
    }

    @Override
    public void close() {
        try {
            client.closeGracefully();
        } finally {
            server.closeGracefully();
        }
    }
}
