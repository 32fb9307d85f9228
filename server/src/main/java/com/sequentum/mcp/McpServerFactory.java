package com.sequentum.mcp;

import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.policy.ControlSettings;
import com.sequentum.mcp.policy.Policies;
import com.sequentum.mcp.policy.ScopedApi;
import com.sequentum.mcp.policy.ToolGuard;
import com.sequentum.mcp.prompts.PromptSelection;
import com.sequentum.mcp.resources.ResourceCatalogue;
import com.sequentum.mcp.calls.CallControl;
import com.sequentum.mcp.calls.InFlightCalls;
import com.sequentum.mcp.tools.Hints;
import com.sequentum.mcp.tools.ResultBudget;
import com.sequentum.mcp.tools.ToolContext;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolSelection;
import com.sequentum.mcp.tools.ToolSpec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the catalogues into SDK feature specifications and applies them, with identity, instructions and
 * capabilities, to a server builder of any transport. One factory serves stdio and HTTP alike; the only
 * difference is how a request's credentials are found ({@link #credentials}).
 */
public final class McpServerFactory {
    public static final String SERVER_NAME = "sequentum-mcp-server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(McpServerFactory.class);

    private final ApiHttp http;
    private final Function<McpTransportContext, Credentials> credentials;
    private final Clock clock;
    private final String version;
    private final boolean debug;
    private volatile BiFunction<McpTransportContext, ToolResult, ToolResult> resultHook = (ctx, r) -> r;
    private ToolGuard guard;
    private ToolSelection selection = ToolSelection.all();
    private volatile ToolCallListener toolCallListener = (tool, result, nanos) -> { };
    private volatile int resultBudget = ResultBudget.fromEnvironmentOrDefault(System.getenv());

    /** Told about every finished tool call (metrics): the tool's name, its final result and how long it took. */
    @FunctionalInterface
    public interface ToolCallListener {
        void toolCalled(String tool, ToolResult result, long nanos);
    }

    public McpServerFactory(ApiHttp http, Function<McpTransportContext, Credentials> credentials, Clock clock,
            String version, boolean debug) {
        this.http = http;
        this.credentials = credentials;
        this.clock = clock;
        this.version = version;
        this.debug = debug;
        this.guard = new ToolGuard(ControlSettings.defaults(), clock);
    }

    /** Applies the operator controls (tool selection, confirmations, space scope, audit). Call before {@link #configure}. */
    public McpServerFactory control(ToolGuard guard) {
        this.guard = guard;
        this.selection = guard.settings().selection();
        return this;
    }

    public McpServerFactory control(ControlSettings settings) {
        return control(new ToolGuard(settings, clock));
    }

    /** A factory like this one (same guard, caches and hooks) offering only what {@code narrower} also allows. */
    public McpServerFactory narrowedTo(ToolSelection narrower) {
        McpServerFactory f = new McpServerFactory(http, credentials, clock, version, debug);
        f.resultHook = resultHook;
        f.guard = guard;
        f.selection = selection.narrow(narrower);
        f.resultBudget = resultBudget;
        f.toolCallListener = toolCallListener;
        return f;
    }

    public ToolSelection selection() { return selection; }

    /** The API client for a request, bound to that request's credentials (and to the allowed spaces, if any). */
    public SequentumApi apiFor(McpTransportContext context) {
        McpTransportContext c = context == null ? McpTransportContext.EMPTY : context;
        if (guard.scope().active()) return new ScopedApi(http, credentials.apply(c), guard.scope(), principal(c));
        return new SequentumApi(http, credentials.apply(c));
    }

    private SequentumApi rawApiFor(McpTransportContext context) {
        return new SequentumApi(http, credentials.apply(context == null ? McpTransportContext.EMPTY : context));
    }

    /** Who is calling: the HTTP principal, or the single stdio principal. */
    static String principal(McpTransportContext ctx) {
        return ctx != null && ctx.get("principal") instanceof String p ? p : "stdio";
    }

    /**
     * Lets a transport see (and reword) every tool result together with the request's transport context; HTTP mode
     * uses it to remember tokens the API rejected and to tell the user to reconnect. Call before {@link #configure}.
     */
    public McpServerFactory onToolResult(BiFunction<McpTransportContext, ToolResult, ToolResult> hook) {
        this.resultHook = hook;
        return this;
    }

    /** Registers the {@link ToolCallListener}. Call before {@link #configure}. */
    public McpServerFactory onToolCall(ToolCallListener listener) {
        this.toolCallListener = listener;
        return this;
    }

    public ServerCapabilities capabilities() {
        return ServerCapabilities.builder().tools(false).prompts(false).resources(false, false).logging().completions().build();
    }

    public <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(McpServer.SyncSpecification<S> spec) {
        ResourceCatalogue resources = resources();
        return spec.serverInfo(SERVER_NAME, version)
                .instructions(selection.render(Policies.SUFFICIENCY_POLICY))
                .capabilities(capabilities())
                .validateToolInputs(false)
                .jsonSchemaValidator(CheckedSchemas.INSTANCE)
                .tools(tools())
                .prompts(PromptSelection.specifications(selection))
                .resources(resources.resourceSpecifications())
                .resourceTemplates(resources.templateSpecifications())
                .completions(resources.completionSpecifications())
                .uriTemplateManagerFactory(ResourceCatalogue.uriTemplateManagerFactory());
    }

    /**
     * The same tools, prompts, resources and completions for the SDK's stateless transport (adapted by
     * {@link StatelessFeatures}). Logging is not advertised: a stateless server has no channel to send it on.
     */
    public McpServer.StatelessSyncSpecification configureStateless(McpServer.StatelessSyncSpecification spec) {
        ResourceCatalogue resources = resources();
        return spec.serverInfo(SERVER_NAME, version)
                .instructions(selection.render(Policies.SUFFICIENCY_POLICY))
                .capabilities(ServerCapabilities.builder().tools(false).prompts(false).resources(false, false)
                        .completions().build())
                .validateToolInputs(false)
                .tools(StatelessFeatures.tools(tools()))
                .prompts(StatelessFeatures.prompts(PromptSelection.specifications(selection)))
                .resources(StatelessFeatures.resources(resources.resourceSpecifications()))
                .resourceTemplates(StatelessFeatures.resourceTemplates(resources.templateSpecifications()))
                .completions(StatelessFeatures.completions(resources.completionSpecifications()))
                .uriTemplateManagerFactory(ResourceCatalogue.uriTemplateManagerFactory());
    }

    /** Resources, templates and completions, reading through {@link #apiFor} with this factory's clock. */
    public ResourceCatalogue resources() {
        ResourceCatalogue catalogue = new ResourceCatalogue(this::apiFor, clock);
        if (guard.audit().enabled()) catalogue.withAudit(tc -> guard.audit().recent(principal(tc)));
        return catalogue;
    }

    public List<SyncToolSpecification> tools() {
        return selection.tools().stream().map(this::toSdk).toList();
    }

    public static Tool sdkTool(ToolSpec t) {
        Hints h = t.hints();
        ToolAnnotations annotations = ToolAnnotations.builder()
                .title(t.title())
                .readOnlyHint(h.readOnly())
                .destructiveHint(h.destructive())
                .openWorldHint(h.openWorld())
                .build();
        Map<String, Object> schema = JSON.convertValue(t.inputSchema(), new TypeReference<Map<String, Object>>() {});
        Map<String, Object> output = JSON.convertValue(t.outputSchema(), new TypeReference<Map<String, Object>>() {});
        return Tool.builder(t.name()).title(t.title()).description(t.description()).inputSchema(schema)
                .outputSchema(output).annotations(annotations).build();
    }

    private SyncToolSpecification toSdk(ToolSpec t) {
        return SyncToolSpecification.builder().tool(rendered(sdkTool(t), selection)).callHandler((exchange, request) -> {
            long started = System.nanoTime();
            ToolResult result;
            String callKey = request.meta() != null && request.meta().get(InFlightCalls.META_KEY) instanceof String k ? k : null;
            try {
                McpTransportContext tc = exchange.transportContext();
                CallControl control = CallControl.real(InFlightCalls.begin(callKey), progressSink(exchange, request.progressToken()));
                ToolContext ctx = new ToolContext(apiFor(tc), clock, exchange, request.progressToken(), debug, control,
                        resultBudget);
                result = guard.call(t, ctx, rawApiFor(tc), request.arguments(), principal(tc));
            } catch (RuntimeException e) {
                result = ToolResult.error(com.sequentum.mcp.tools.ToolErrors.format(e));
            } finally {
                InFlightCalls.finish(callKey);
            }
            result = resultHook.apply(exchange.transportContext(), result);
            toolCallListener.toolCalled(t.name(), result, System.nanoTime() - started);
            CallToolResult.Builder b = CallToolResult.builder().addTextContent(result.text()).isError(result.isError());
            if (!result.isError()) {
                ObjectNode structured = result.structured() != null ? result.structured() : ToolResult.structure(null);
                b.structuredContent(JSON.convertValue(structured, new TypeReference<Map<String, Object>>() {}));
            }
            return b.build();
        }).build();
    }

    /** The tool with every description (its own and those inside its schemas) rendered for the selection. */
    public static Tool rendered(Tool tool, ToolSelection selection) {
        if (selection.hidden().isEmpty()) return tool;
        com.fasterxml.jackson.databind.JsonNode tree = JSON.valueToTree(tool);
        renderDescriptions(tree, selection);
        return JSON.convertValue(tree, Tool.class);
    }

    private static void renderDescriptions(com.fasterxml.jackson.databind.JsonNode node, ToolSelection selection) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            var names = new java.util.ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                var v = o.get(name);
                if (name.equals("description") && v.isTextual()) o.put(name, selection.render(v.textValue()));
                else renderDescriptions(v, selection);
            }
        } else if (node != null && node.isArray()) {
            for (var v : node) renderDescriptions(v, selection);
        }
    }

    /** Progress for a call: notifications to the client when it sent a progress token, otherwise nothing. */
    static CallControl.ProgressSink progressSink(McpSyncServerExchange exchange, Object token) {
        if (token == null || exchange == null) return CallControl.ProgressSink.NONE;
        return (progress, total, message) -> {
            try {
                exchange.progressNotification(McpSchema.ProgressNotification.builder(token, progress).total(total)
                        .message(message).build());
            } catch (RuntimeException e) {
                LOG.debug("progress notification not delivered: {}", e.toString());
            }
        };
    }

    /** Overrides the result budget (bytes) taken from {@code SEQUENTUM_RESULT_BUDGET_BYTES}. Call before {@link #configure}. */
    public McpServerFactory resultBudget(int bytes) {
        this.resultBudget = bytes;
        return this;
    }

}
