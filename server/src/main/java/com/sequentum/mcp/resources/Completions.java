package com.sequentum.mcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.Requests.AgentListQuery;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.prompts.PromptArg;
import com.sequentum.mcp.prompts.PromptCatalogue;
import com.sequentum.mcp.prompts.PromptDef;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ResourceReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code completion/complete} for the template variables {@code agentId}, {@code spaceId}, {@code runId}
 * (ids from the account whose id or name starts with what was typed; runs need {@code agentId} in the
 * context) and the prompt arguments {@code agentName}, {@code spaceName} (names by prefix, ignoring case).
 * At most {@value #MAX} values; any upstream failure gives an empty completion, never an error.
 */
public final class Completions {
    public static final int MAX = 100;
    /** How many agents one completion asks the API for. */
    static final int AGENT_PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern POSITIVE_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final Function<McpTransportContext, SequentumApi> apis;

    public Completions(Function<McpTransportContext, SequentumApi> apis) {
        this.apis = apis;
    }

    /** One specification per template and per prompt that has an agentName or spaceName argument. */
    public List<SyncCompletionSpecification> specifications() {
        List<SyncCompletionSpecification> specs = new ArrayList<>();
        for (ResourceDef d : ResourceCatalogue.templates()) {
            specs.add(new SyncCompletionSpecification(new ResourceReference(d.uri()), this::handle));
        }
        for (PromptDef p : PromptCatalogue.all()) {
            boolean completable = p.arguments().stream().map(PromptArg::name)
                    .anyMatch(n -> n.equals("agentName") || n.equals("spaceName"));
            if (completable) specs.add(new SyncCompletionSpecification(new PromptReference(p.name()), this::handle));
        }
        return specs;
    }

    private CompleteResult handle(McpSyncServerExchange exchange, CompleteRequest request) {
        return complete(apis.apply(exchange == null ? McpTransportContext.EMPTY : exchange.transportContext()),
                request);
    }

    /** The completion for one request with a given API client. */
    public CompleteResult complete(SequentumApi api, CompleteRequest request) {
        if (request.argument() == null) return empty();
        String name = request.argument().name();
        String typed = request.argument().value() == null ? "" : request.argument().value().strip();
        Map<String, String> context = request.context() == null || request.context().arguments() == null
                ? Map.of() : request.context().arguments();
        try {
            return switch (name == null ? "" : name) {
                case "agentId" -> agentIds(api, typed);
                case "spaceId" -> spaceIds(api, typed);
                case "runId" -> runIds(api, typed, context.get("agentId"));
                case "agentName" -> agentNames(api, typed);
                case "spaceName" -> spaceNames(api, typed);
                default -> empty();
            };
        } catch (RuntimeException e) {
            LOG.debug("completion of {} failed: {}", name, e.getClass().getSimpleName());
            return empty();
        }
    }

    private CompleteResult agentIds(SequentumApi api, String typed) {
        Page agents = agents(api, typed.isEmpty() || DIGITS.matcher(typed).matches() ? null : typed);
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode a : agents.items()) {
            String id = text(a, "id");
            if (id != null && (startsWith(id, typed) || startsWith(text(a, "name"), typed))) values.add(id);
        }
        return result(values, agents.more());
    }

    private CompleteResult agentNames(SequentumApi api, String typed) {
        Page agents = agents(api, typed.isEmpty() ? null : typed);
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode a : agents.items()) {
            String n = text(a, "name");
            if (n != null && startsWith(n, typed)) values.add(n);
        }
        return result(values, agents.more());
    }

    private CompleteResult spaceIds(SequentumApi api, String typed) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode s : array(api.listSpaces())) {
            String id = text(s, "id");
            if (id != null && (startsWith(id, typed) || startsWith(text(s, "name"), typed))) values.add(id);
        }
        return result(values, false);
    }

    private CompleteResult spaceNames(SequentumApi api, String typed) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode s : array(api.listSpaces())) {
            String n = text(s, "name");
            if (n != null && startsWith(n, typed)) values.add(n);
        }
        return result(values, false);
    }

    private CompleteResult runIds(SequentumApi api, String typed, String agentId) {
        if (agentId == null || !POSITIVE_ID.matcher(agentId.strip()).matches()) return empty();
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode r : array(api.getAgentRuns(Long.parseLong(agentId.strip()), null))) {
            String id = text(r, "id");
            if (id == null) id = text(r, "runId");
            if (id != null && startsWith(id, typed)) values.add(id);
        }
        return result(values, false);
    }

    private record Page(List<JsonNode> items, boolean more) {}

    private static Page agents(SequentumApi api, String nameFilter) {
        JsonNode response = api.listAgents(new AgentListQuery(null, null, nameFilter, null, null, null, 1, AGENT_PAGE));
        List<JsonNode> items = array(response);
        boolean more = false;
        if (response != null && response.isObject()) {
            JsonNode total = response.get("totalRecordCount");
            more = total != null && total.isNumber() && total.asLong() > items.size();
        }
        return new Page(items, more);
    }

    private static List<JsonNode> array(JsonNode response) {
        JsonNode a = response;
        if (a != null && a.isObject()) a = a.has("agents") ? a.get("agents") : a.get("runs");
        List<JsonNode> out = new ArrayList<>();
        if (a != null && a.isArray()) a.forEach(out::add);
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return v.asText();
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    private static CompleteResult result(Set<String> matches, boolean upstreamHasMore) {
        List<String> values = new ArrayList<>(matches);
        boolean more = values.size() > MAX || upstreamHasMore;
        if (values.size() > MAX) values = values.subList(0, MAX);
        return new CompleteResult(new CompleteCompletion(List.copyOf(values), matches.size(), more));
    }

    private static CompleteResult empty() {
        return new CompleteResult(new CompleteCompletion(List.of(), 0, false));
    }
}
