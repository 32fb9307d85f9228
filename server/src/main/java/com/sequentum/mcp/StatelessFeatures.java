package com.sequentum.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Adapts the session-based feature specifications to the SDK's stateless transport, so both modes serve exactly the
 * same tools, prompts, resources and completions. Each stateless request gets a <em>detached</em> exchange: it
 * carries the request's transport context (credentials, principal), reports no client capabilities (so tools never
 * try elicitation), silently drops progress and logging notifications (there is no stream to send them on), and
 * fails any server-to-client request with a clear error.
 */
public final class StatelessFeatures {
    /** The session id a detached exchange reports. */
    public static final String DETACHED_SESSION = "stateless";

    private StatelessFeatures() {}

    public static List<McpStatelessServerFeatures.SyncToolSpecification> tools(
            List<McpServerFeatures.SyncToolSpecification> specs) {
        return specs.stream().map(s -> new McpStatelessServerFeatures.SyncToolSpecification(s.tool(),
                (ctx, req) -> s.callHandler().apply(exchange(ctx), req))).toList();
    }

    public static List<McpStatelessServerFeatures.SyncPromptSpecification> prompts(
            List<McpServerFeatures.SyncPromptSpecification> specs) {
        return specs.stream().map(s -> new McpStatelessServerFeatures.SyncPromptSpecification(s.prompt(),
                (ctx, req) -> s.promptHandler().apply(exchange(ctx), req))).toList();
    }

    public static List<McpStatelessServerFeatures.SyncResourceSpecification> resources(
            List<McpServerFeatures.SyncResourceSpecification> specs) {
        return specs.stream().map(s -> new McpStatelessServerFeatures.SyncResourceSpecification(s.resource(),
                (ctx, req) -> s.readHandler().apply(exchange(ctx), req))).toList();
    }

    public static List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> resourceTemplates(
            List<McpServerFeatures.SyncResourceTemplateSpecification> specs) {
        return specs.stream().map(s -> new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
                s.resourceTemplate(), (ctx, req) -> s.readHandler().apply(exchange(ctx), req))).toList();
    }

    public static List<McpStatelessServerFeatures.SyncCompletionSpecification> completions(
            List<McpServerFeatures.SyncCompletionSpecification> specs) {
        return specs.stream().map(s -> new McpStatelessServerFeatures.SyncCompletionSpecification(s.referenceKey(),
                (ctx, req) -> s.completionHandler().apply(exchange(ctx), req))).toList();
    }

    /** A detached exchange for one stateless request (see the class comment). */
    public static McpSyncServerExchange exchange(McpTransportContext ctx) {
        return new McpSyncServerExchange(new McpAsyncServerExchange(DETACHED_SESSION, DetachedSession.INSTANCE, null,
                null, ctx == null ? McpTransportContext.EMPTY : ctx));
    }

    /** Notifications go nowhere; requests to the client fail (there is no channel back). */
    static final class DetachedSession implements McpLoggableSession {
        static final DetachedSession INSTANCE = new DetachedSession();

        @Override
        public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
            return Mono.error(new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "'" + method + "' needs a session; this server runs in stateless mode", null)));
        }

        @Override
        public Mono<Void> sendNotification(String method, Object params) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public void close() {}

        @Override
        public void setMinLoggingLevel(LoggingLevel level) {}

        @Override
        public boolean isNotificationForLevelAllowed(LoggingLevel level) {
            return false;
        }
    }
}
