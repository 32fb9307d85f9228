package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.Run;
import com.sequentum.sandbox.state.RunStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Builds RunDiagnosticsApiModel, deriving causes and actions from the error message. */
final class Diagnostics {
    private Diagnostics() {}

    private record Rule(String[] keywords, String[] causes, String[] actions) {}

    private static final Rule[] RULES = {
            new Rule(new String[] {"timeout", "timed out", "did not finish loading"},
                    new String[] {"The target page loads slowly or never finishes loading", "Network latency between the agent server and the site"},
                    new String[] {"Increase the page load timeout of the agent", "Open the start URL in a browser to check the site is reachable", "Lower the parallelism to reduce load on the site"}),
            new Rule(new String[] {"403", "forbidden", "bot protection", "blocked"},
                    new String[] {"The site's anti-bot protection blocked the requests", "The IP address or proxy in use is flagged by the site"},
                    new String[] {"Use a residential or rotating proxy pool", "Slow down the request rate", "Send realistic browser headers"}),
            new Rule(new String[] {"429", "too many requests"},
                    new String[] {"The site rate-limited the agent"},
                    new String[] {"Reduce the request rate or parallelism", "Add delays between page loads", "Spread runs over a longer window"}),
            new Rule(new String[] {"selector", "layout", "not found"},
                    new String[] {"The website layout changed", "The content is rendered by JavaScript after the page loads"},
                    new String[] {"Update the selectors of the agent in the editor", "Add a wait for the element before extracting"}),
            new Rule(new String[] {"proxy"},
                    new String[] {"The proxy pool credentials are invalid or expired", "The proxy provider is unavailable"},
                    new String[] {"Check the proxy pool configuration", "Try another proxy pool"}),
            new Rule(new String[] {"captcha"},
                    new String[] {"The site presents a captcha challenge"},
                    new String[] {"Enable a captcha-solving step", "Use residential proxies to reduce challenges"}),
            new Rule(new String[] {"login", "credential"},
                    new String[] {"The credentials in the input parameters are wrong or expired", "The login form of the site changed"},
                    new String[] {"Update the credentials in the agent's input parameters", "Re-record the login steps"}),
            new Rule(new String[] {"dns", "resolution"},
                    new String[] {"The host name no longer resolves", "The site was moved or retired"},
                    new String[] {"Verify the start URL of the agent", "Check whether the site still exists"}),
            new Rule(new String[] {"no server", "server group", "failed to start"},
                    new String[] {"No agent server was available to start the run"},
                    new String[] {"Retry the run later", "Check the server group assignment of the agent"}),
            new Rule(new String[] {"memory"},
                    new String[] {"The run ran out of memory"},
                    new String[] {"Split the input into smaller batches", "Reduce the parallelism"})};

    static ObjectNode of(Agent a, Run r, Instant now) {
        ObjectNode n = Json.object();
        n.put("runId", r.id);
        n.put("agentId", a.id);
        n.put("agentName", a.name);
        n.put("status", r.status);
        n.put("errorMessage", r.errorMessage);
        n.put("startTime", r.startTime == null ? null : r.startTime.toString());
        n.put("endTime", r.endTime == null ? null : r.endTime.toString());
        n.put("runtimeSeconds", r.runtimeSeconds(now));
        ObjectNode s = n.putObject("stats");
        s.put("dataCount", r.recordsExtracted == null ? 0 : r.recordsExtracted);
        s.put("inputCount", r.inputCount());
        s.put("errorCount", r.errorCount());
        s.put("pageCount", r.pageCount());
        s.put("exportCount", r.recordsExported == null ? 0 : r.recordsExported);
        s.put("traffic", r.traffic());
        Set<String> causes = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        String msg = r.errorMessage == null ? "" : r.errorMessage.toLowerCase(Locale.ROOT);
        if (!msg.isEmpty()) {
            for (Rule rule : RULES) {
                for (String k : rule.keywords) {
                    if (msg.contains(k)) {
                        causes.addAll(java.util.List.of(rule.causes));
                        actions.addAll(java.util.List.of(rule.actions));
                        break;
                    }
                }
            }
            if (causes.isEmpty()) {
                causes.add("An unexpected error occurred while the agent was running");
                actions.add("Open the run log for details and re-run the agent");
            }
        } else if (RunStatus.isFailure(r.status)) {
            causes.add("The run failed without an error message");
            actions.add("Open the run log for details and re-run the agent");
        }
        ArrayNode c = n.putArray("possibleCauses");
        causes.forEach(c::add);
        ArrayNode ac = n.putArray("suggestedActions");
        actions.forEach(ac::add);
        return n;
    }
}
