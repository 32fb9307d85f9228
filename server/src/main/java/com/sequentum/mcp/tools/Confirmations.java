package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.policy.ControlSettings.Confirm;
import com.sequentum.mcp.validation.Args;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the human before {@code delete_run}, {@code kill_agent} and {@code delete_agent_schedule}. The preview is
 * fetched from the API first, so the question names exactly what would go: the agent, the run's start time, status,
 * record counts and files, or the schedule's name, timing and next run. Only an explicit acceptance with the
 * confirmation box ticked lets the call through.
 */
public final class Confirmations {
    public static final Set<String> DESTRUCTIVE = Set.of("delete_run", "kill_agent", "delete_agent_schedule");
    static final String FIELD = "confirm";

    /** What {@link #check} decided. {@code result} is the answer to return instead of calling the tool. */
    public record Decision(boolean proceed, String outcome, ToolResult result) {
        static Decision go(String outcome) { return new Decision(true, outcome, null); }
        static Decision stop(String outcome, ToolResult r) { return new Decision(false, outcome, r); }
    }

    private Confirmations() {}

    public static boolean needsConfirmation(String tool) { return DESTRUCTIVE.contains(tool); }

    public static boolean clientCanAsk(McpSyncServerExchange exchange) {
        return exchange != null && exchange.getClientCapabilities() != null
                && exchange.getClientCapabilities().elicitation() != null;
    }

    public static Decision check(String tool, Confirm policy, ToolContext ctx, Args a) {
        if (!needsConfirmation(tool) || policy == Confirm.NEVER) return Decision.go("not-asked");
        boolean canAsk = clientCanAsk(ctx.exchange());
        if (!canAsk) {
            if (policy == Confirm.ALWAYS) {
                return Decision.stop("refused-no-elicitation", ToolResult.error("Error: " + tool + " needs the user's "
                        + "confirmation, but this MCP client cannot ask for it (no elicitation support), and the server "
                        + "is configured to require confirmation (CONFIRM_DESTRUCTIVE=always). Nothing was changed. Ask "
                        + "the user to perform this action in the Sequentum Control Center, or use a client that supports "
                        + "elicitation."));
            }
            return Decision.go("not-asked");
        }
        long agentId = a.id("agentId");
        ObjectNode unchanged = JsonNodeFactory.instance.objectNode();
        String question;
        switch (tool) {
            case "delete_run" -> {
                long runId = a.id("runId");
                String method = a.oneOf("removeMethod", false, RunTools.REMOVE_METHODS);
                question = runPreview("Delete", ctx.api(), agentId, runId, method);
                unchanged.put("deleted", false).put("agentId", agentId).put("runId", runId)
                        .put("removeMethod", method == null ? "RemoveEntireRun" : method).put("runRecordKept", true);
            }
            case "kill_agent" -> {
                long runId = a.id("runId");
                question = runPreview("Kill", ctx.api(), agentId, runId, null);
                unchanged.put("killRequested", false).put("agentId", agentId).put("runId", runId);
            }
            default -> {
                long scheduleId = a.id("scheduleId");
                question = schedulePreview(ctx.api(), agentId, scheduleId);
                unchanged.put("deleted", false).put("agentId", agentId).put("scheduleId", scheduleId);
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of(FIELD, Map.of("type", "boolean", "title", "Yes, go ahead",
                "description", "Tick to confirm. This cannot be undone.", "default", false)));
        schema.put("required", List.of(FIELD));
        ElicitResult answer = ctx.exchange().createElicitation(ElicitRequest.builder(question, schema).build());
        if (answer != null && answer.action() == ElicitResult.Action.ACCEPT && answer.content() != null
                && Boolean.TRUE.equals(answer.content().get(FIELD))) {
            return Decision.go("confirmed");
        }
        String how = answer == null || answer.action() == null ? "cancelled" : switch (answer.action()) {
            case ACCEPT -> "declined";
            case DECLINE -> "declined";
            case CANCEL -> "cancelled";
        };
        unchanged.put("confirmation", how).put("changed", false);
        return Decision.stop(how, ToolResult.text("The user " + how + " the confirmation, so " + tool
                + " was not carried out. Nothing was changed. Do not retry unless the user asks again.", unchanged));
    }

    static String runPreview(String verb, SequentumApi api, long agentId, long runId, String removeMethod) {
        JsonNode agent = api.getAgent(agentId);
        JsonNode run = api.getRunStatus(agentId, runId);
        StringBuilder sb = new StringBuilder();
        String what = verb.equals("Kill") ? "Stop (and, if it is already stopping, forcibly terminate) run "
                : "Delete " + switch (removeMethod == null ? "RemoveEntireRun" : removeMethod) {
                    case "RemoveAllFiles" -> "all files of run ";
                    case "RemoveAllFilesAndAgentInput" -> "all files and the agent input of run ";
                    default -> "run ";
                };
        sb.append(what).append(runId).append(" of agent \"").append(text(agent, "name")).append("\" (id ")
                .append(agentId).append(")?\n");
        sb.append("Started: ").append(text(run, "startTime")).append("; status: ").append(text(run, "status"))
                .append("; records extracted: ").append(text(run, "recordsExtracted")).append(", exported: ")
                .append(text(run, "recordsExported")).append('.');
        if (verb.equals("Delete")) {
            JsonNode files = api.getRunFiles(agentId, runId);
            if (files.isArray() && !files.isEmpty()) {
                sb.append("\nFiles (").append(files.size()).append("): ");
                int n = 0;
                for (JsonNode f : files) {
                    if (n++ == 10) {
                        sb.append(", … and ").append(files.size() - 10).append(" more");
                        break;
                    }
                    if (n > 1) sb.append(", ");
                    sb.append(text(f, "name")).append(" (").append(FileTools.kilobytes(f.get("fileSize"))).append(')');
                }
            } else {
                sb.append("\nFiles: none.");
            }
            sb.append("\nThis cannot be undone.");
        } else {
            sb.append("\nA forced termination can lose data that was not exported yet.");
        }
        return sb.toString();
    }

    static String schedulePreview(SequentumApi api, long agentId, long scheduleId) {
        JsonNode agent = api.getAgent(agentId);
        JsonNode s = api.getSchedule(agentId, scheduleId);
        String timing = s.hasNonNull("cronExpression") && !s.get("cronExpression").asText().isEmpty()
                ? "CRON " + s.get("cronExpression").asText()
                : s.hasNonNull("runEveryCount") ? "every " + s.get("runEveryCount").asText() + " × period "
                        + text(s, "runEveryPeriod") : "once at " + text(s, "startTime");
        return "Delete schedule \"" + text(s, "name") + "\" (id " + scheduleId + ") of agent \"" + text(agent, "name")
                + "\" (id " + agentId + ")?\nTiming: " + timing + " (" + text(s, "timezone") + "); next run: "
                + text(s, "nextRunTime") + "; enabled: " + text(s, "isEnabled") + ".\nThe agent and its past runs are "
                + "kept. This cannot be undone.";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "unknown" : v.asText();
    }
}
