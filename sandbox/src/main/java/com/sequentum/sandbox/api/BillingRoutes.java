package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Query;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.CreditTransaction;
import com.sequentum.sandbox.state.Run;
import com.sequentum.sandbox.state.SandboxState;
import com.sequentum.sandbox.state.UsageType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** B1–B6. All figures are derived from the runs and the credit ledger on every call. */
public final class BillingRoutes {
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private BillingRoutes() {}

    public static void register(Router r, SandboxState st) {
        r.get("/api/v1/billing/credits", c -> st.read(() -> {
            ObjectNode n = Json.object();
            n.put("availableCredits", Billing.credits(st.balanceCents()));
            n.put("organizationId", SandboxState.ORGANIZATION_ID);
            n.put("retrievedAt", st.now().toString());
            return Reply.ok(n);
        }));
        r.get("/api/v1/billing/spending", c -> st.read(() -> {
            Period p = Period.of(c.query, st.now(), DEFAULT_PERIOD, false);
            long total = 0;
            for (Run run : Billing.runs(st, p, null)) total += run.totalCents();
            ObjectNode n = Json.object();
            n.put("totalSpent", Billing.credits(total));
            n.put("startDate", p.start().toString());
            n.put("endDate", p.end().toString());
            n.put("organizationId", SandboxState.ORGANIZATION_ID);
            n.put("currentBalance", Billing.credits(st.balanceCents()));
            return Reply.ok(n);
        }));
        r.get("/api/v1/billing/history", c -> history(st, c.query));
        r.get("/api/v1/billing/agents", c -> agents(st, c.query));
        r.get("/api/v1/billing/agents/{id}", c -> breakdown(st, c.id(1), c.query));
        r.get("/api/v1/billing/agents/{id}/runs", c -> agentRuns(st, c.id(1), c.query));
    }

    private static Reply history(SandboxState st, Query q) {
        Paging paging = Paging.of(q, 20);
        return st.read(() -> {
            List<CreditTransaction> asc = new ArrayList<>(st.transactions());
            asc.sort(Comparator.comparing((CreditTransaction t) -> t.created).thenComparingInt(t -> t.id));
            long bal = 0;
            for (CreditTransaction t : asc) {
                bal += t.amountCents();
                t.balance = Billing.credits(bal);
            }
            List<CreditTransaction> desc = new ArrayList<>(asc);
            java.util.Collections.reverse(desc);
            ObjectNode n = Json.object();
            n.set("transactions", Json.tree(paging.slice(desc)));
            n.put("totalCount", desc.size());
            n.put("pageIndex", paging.pageIndex);
            n.put("recordsPerPage", paging.recordsPerPage);
            return Reply.ok(n);
        });
    }

    private static Reply agents(SandboxState st, Query q) {
        Paging paging = Paging.of(q, 50);
        String sortColumn = q.oneOf("sortColumn", "cost", "name", "agentName", "agentId", "spaceId");
        Integer sortOrder = q.integer("sortOrder", 0, 1);
        String name = q.str("name");
        Set<UsageType> types = Billing.usageTypes(q.str("usageTypes"));
        return st.read(() -> {
            Period p = Period.of(q, st.now(), DEFAULT_PERIOD, false);
            Map<Integer, Long> perAgent = new LinkedHashMap<>();
            for (Run run : Billing.runs(st, p, null)) perAgent.merge(run.configId, Billing.cents(run, types), Long::sum);
            List<Map.Entry<Integer, Long>> rows = new ArrayList<>();
            long total = 0;
            for (Map.Entry<Integer, Long> e : perAgent.entrySet()) {
                Agent a = st.agents().get(e.getKey());
                if (name != null && !a.name.toLowerCase(Locale.ROOT).contains(name.trim().toLowerCase(Locale.ROOT))) continue;
                rows.add(e);
                total += e.getValue();
            }
            String col = sortColumn == null ? "cost" : sortColumn;
            Comparator<Map.Entry<Integer, Long>> cmp = switch (col) {
                case "name", "agentName" -> Comparator.comparing(e -> st.agents().get(e.getKey()).name, String.CASE_INSENSITIVE_ORDER);
                case "agentId" -> Comparator.comparing(Map.Entry::getKey);
                case "spaceId" -> Comparator.comparingInt(e -> st.agents().get(e.getKey()).spaceId);
                default -> Comparator.comparing(Map.Entry::getValue);
            };
            boolean desc = sortOrder == null ? col.equals("cost") : sortOrder == 1;
            if (desc) cmp = cmp.reversed();
            rows.sort(cmp.thenComparing(Map.Entry::getKey));
            ArrayNode arr = Json.array();
            for (Map.Entry<Integer, Long> e : paging.slice(rows)) {
                Agent a = st.agents().get(e.getKey());
                ObjectNode o = arr.addObject();
                o.put("agentId", a.id);
                o.put("agentName", a.name);
                o.put("cost", Billing.credits(e.getValue()));
                o.put("spaceId", a.spaceId);
            }
            ObjectNode n = Json.object();
            n.set("agents", arr);
            n.put("totalRecordCount", rows.size());
            n.put("totalCost", Billing.credits(total));
            n.put("startDate", p.start().toString());
            n.put("endDate", p.end().toString());
            return Reply.ok(n);
        });
    }

    private static Reply breakdown(SandboxState st, int agentId, Query q) {
        String unit = q.oneOf("timeUnit", "day", "month");
        Set<UsageType> types = Billing.usageTypes(q.str("usageTypes"));
        return st.read(() -> {
            Agent a = st.agent(agentId);
            Period p = Period.of(q, st.now(), DEFAULT_PERIOD, false);
            boolean monthly = "month".equals(unit);
            List<String> labels = new ArrayList<>();
            if (monthly) {
                YearMonth from = YearMonth.from(p.start().atZone(ZoneOffset.UTC));
                YearMonth to = YearMonth.from(p.end().atZone(ZoneOffset.UTC));
                for (YearMonth m = from; !m.isAfter(to) && labels.size() < 1200; m = m.plusMonths(1)) labels.add(m.toString());
            } else {
                LocalDate from = p.start().atZone(ZoneOffset.UTC).toLocalDate();
                LocalDate to = p.end().atZone(ZoneOffset.UTC).toLocalDate();
                if (from.plusDays(3660).isBefore(to)) {
                    throw com.sequentum.sandbox.http.ApiException.badRequest("The period is too long for a daily breakdown; use timeUnit=month.");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) labels.add(d.toString());
            }
            Map<UsageType, long[]> data = new LinkedHashMap<>();
            for (UsageType u : UsageType.values()) if (types.contains(u)) data.put(u, new long[labels.size()]);
            for (Run run : Billing.runs(st, p, agentId)) {
                String label = monthly ? YearMonth.from(run.startTime.atZone(ZoneOffset.UTC)).toString()
                        : run.startTime.atZone(ZoneOffset.UTC).toLocalDate().toString();
                int idx = labels.indexOf(label);
                if (idx < 0) continue;
                for (Map.Entry<UsageType, Long> e : run.costCents().entrySet()) {
                    long[] arr = data.get(e.getKey());
                    if (arr != null) arr[idx] += e.getValue();
                }
            }
            ObjectNode n = Json.object();
            n.put("agentId", a.id);
            n.put("agentName", a.name);
            ArrayNode l = n.putArray("labels");
            labels.forEach(l::add);
            ArrayNode ut = n.putArray("usageTypes");
            long total = 0;
            for (Map.Entry<UsageType, long[]> e : data.entrySet()) {
                ObjectNode o = ut.addObject();
                o.put("type", e.getKey().label);
                ArrayNode d = o.putArray("data");
                long sum = 0;
                for (long v : e.getValue()) {
                    d.add(Billing.credits(v));
                    sum += v;
                }
                o.put("totalCost", Billing.credits(sum));
                total += sum;
            }
            n.put("totalCost", Billing.credits(total));
            n.put("startDate", p.start().toString());
            n.put("endDate", p.end().toString());
            return Reply.ok(n);
        });
    }

    private static Reply agentRuns(SandboxState st, int agentId, Query q) {
        Paging paging = Paging.of(q, 50);
        String sortColumn = q.oneOf("sortColumn", "date", "cost", "duration");
        Integer sortOrder = q.integer("sortOrder", 0, 1);
        Set<UsageType> types = Billing.usageTypes(q.str("usageTypes"));
        return st.read(() -> {
            Agent a = st.agent(agentId);
            Period p = Period.of(q, st.now(), DEFAULT_PERIOD, false);
            List<Run> runs = Billing.runs(st, p, agentId);
            Instant now = st.now();
            String col = sortColumn == null ? "date" : sortColumn;
            Comparator<Run> cmp = switch (col) {
                case "cost" -> Comparator.comparingLong(r -> Billing.cents(r, types));
                case "duration" -> Comparator.comparingLong(r -> r.runtimeSeconds(now));
                default -> Comparator.comparing(r -> r.startTime);
            };
            if (sortOrder == null || sortOrder == 1) cmp = cmp.reversed();
            runs.sort(cmp.thenComparingInt(r -> r.id));
            long total = 0;
            for (Run r : runs) total += Billing.cents(r, types);
            ArrayNode arr = Json.array();
            for (Run r : paging.slice(runs)) {
                ObjectNode o = arr.addObject();
                o.put("runId", r.id);
                o.put("date", r.startTime.atZone(ZoneOffset.UTC).toLocalDate().toString());
                o.put("startTime", r.startTime.toString());
                o.put("endTime", r.endTime == null ? null : r.endTime.toString());
                o.put("cost", Billing.credits(Billing.cents(r, types)));
                o.put("billingType", Billing.dominant(r).label);
            }
            ObjectNode n = Json.object();
            n.set("runs", arr);
            n.put("totalRecordCount", runs.size());
            n.put("totalCost", Billing.credits(total));
            n.put("agentId", a.id);
            n.put("agentName", a.name);
            return Reply.ok(n);
        });
    }
}
