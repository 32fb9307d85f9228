package com.sequentum.mcp.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes every mention of hidden tools from model-facing text (tool and parameter descriptions, prompt texts,
 * instructions), from the smallest unit outwards, so that what is left still reads naturally:
 * <ol>
 *   <li>a hidden tool inside a list of tool names ("list_agents or search_agents") is taken out of the list;</li>
 *   <li>a parenthesis that still names a hidden tool is removed;</li>
 *   <li>a numbered or bulleted line (a prompt step) that still names one is removed and the list renumbered;</li>
 *   <li>otherwise a trailing clause (after {@code ", "} or {@code "; "}) that names one is removed, and when the
 *       sentence's main clause names one, the whole sentence goes.</li>
 * </ol>
 * Tool names are recognised anywhere in the text, so new descriptions need no markup to stay leak-free.
 */
public final class ToolMentions {
    private static final List<String> ALL_NAMES = ToolCatalogue.all().stream().map(ToolSpec::name)
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final String NAME = "(?<![A-Za-z0-9_])(?:" + String.join("|", ALL_NAMES) + ")(?![A-Za-z0-9_])";
    private static final Pattern ANY_TOOL = Pattern.compile(NAME);
    private static final String SEP = "(?:,\\s+(?:or\\s+|and\\s+)?|\\s+(?:or|and)\\s+)";
    private static final Pattern RUN = Pattern.compile(NAME + "(?:" + SEP + NAME + ")+");
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:(\\d+)\\.|[-*])\\s");
    private static final Pattern NUMBERED = Pattern.compile("^(\\s*)(\\d+)\\.(\\s)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    private ToolMentions() {}

    /** The names of catalogue tools mentioned in {@code text}, in order of first appearance. */
    public static Set<String> mentioned(String text) {
        Matcher m = ANY_TOOL.matcher(text == null ? "" : text);
        Set<String> out = new java.util.LinkedHashSet<>();
        while (m.find()) out.add(m.group());
        return out;
    }

    public static String without(String text, Set<String> hidden) {
        if (text == null || hidden.isEmpty()) return text;
        Pattern hiddenName = Pattern.compile("(?<![A-Za-z0-9_])(?:" + hidden.stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![A-Za-z0-9_])");
        if (!hiddenName.matcher(text).find()) return text;
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        boolean droppedItem = false;
        for (String line : lines) {
            if (!hiddenName.matcher(line).find()) {
                out.add(line);
                continue;
            }
            String l = pruneLists(line, hidden);
            l = dropParentheses(l, hiddenName);
            if (hiddenName.matcher(l).find()) {
                Matcher item = ITEM.matcher(l);
                if (item.find()) {
                    droppedItem = true;
                    continue;
                }
                l = dropSentences(l, hiddenName);
            }
            if (l.isBlank()) continue;
            out.add(l);
        }
        if (droppedItem) renumber(out);
        return String.join("\n", out);
    }

    private static String pruneLists(String line, Set<String> hidden) {
        Matcher run = RUN.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (run.find()) {
            String found = run.group();
            List<String> names = new ArrayList<>();
            Matcher n = ANY_TOOL.matcher(found);
            while (n.find()) names.add(n.group());
            String connector = found.matches("(?s).*\\band\\s+" + Pattern.quote(names.get(names.size() - 1)) + "$")
                    ? "and" : "or";
            List<String> kept = names.stream().filter(x -> !hidden.contains(x)).toList();
            String replacement;
            if (kept.isEmpty() || kept.size() == names.size()) {
                replacement = found;
            } else if (kept.size() == 1) {
                replacement = kept.get(0);
            } else {
                replacement = String.join(", ", kept.subList(0, kept.size() - 1)) + " " + connector + " "
                        + kept.get(kept.size() - 1);
            }
            run.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        run.appendTail(sb);
        return sb.toString();
    }

    private static String dropParentheses(String line, Pattern hiddenName) {
        Matcher p = PARENTHESIS.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (p.find()) {
            p.appendReplacement(sb, hiddenName.matcher(p.group()).find() ? "" : Matcher.quoteReplacement(p.group()));
        }
        p.appendTail(sb);
        return sb.toString();
    }

    private static String dropSentences(String line, Pattern hiddenName) {
        String[] sentences = SENTENCE_END.split(line);
        List<String> kept = new ArrayList<>();
        for (String s : sentences) {
            if (!hiddenName.matcher(s).find()) {
                kept.add(s);
                continue;
            }
            String clause = dropClauses(s, hiddenName);
            if (clause != null) kept.add(clause);
        }
        return String.join(" ", kept);
    }

    /** The sentence without its trailing clauses that name a hidden tool; null when the main clause names one. */
    private static String dropClauses(String sentence, Pattern hiddenName) {
        String body = sentence.strip();
        String end = "";
        if (!body.isEmpty() && ".!?:".indexOf(body.charAt(body.length() - 1)) >= 0) {
            end = body.substring(body.length() - 1);
            body = body.substring(0, body.length() - 1);
        }
        String[] clauses = body.split("(?=[,;]\\s)");
        if (hiddenName.matcher(clauses[0]).find()) return null;
        StringBuilder sb = new StringBuilder(clauses[0]);
        for (int i = 1; i < clauses.length; i++) {
            if (!hiddenName.matcher(clauses[i]).find()) sb.append(clauses[i]);
        }
        return sb.append(end).toString();
    }

    private static void renumber(List<String> lines) {
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = NUMBERED.matcher(lines.get(i));
            if (m.find()) {
                n++;
                lines.set(i, m.group(1) + n + "." + m.group(3) + lines.get(i).substring(m.end()));
            } else if (!lines.get(i).isBlank() && !lines.get(i).startsWith(" ")) {
                n = 0;
            }
        }
    }
}
