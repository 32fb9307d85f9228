package com.sequentum.sandbox.api;

import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.state.Run;
import com.sequentum.sandbox.state.SandboxState;
import com.sequentum.sandbox.state.UsageType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cost arithmetic shared by billing endpoints: everything is derived from the runs, in hundredths of a credit. */
final class Billing {
    private Billing() {}

    static Set<UsageType> usageTypes(String csv) {
        if (csv == null || csv.isBlank()) return EnumSet.allOf(UsageType.class);
        Set<UsageType> out = EnumSet.noneOf(UsageType.class);
        for (String part : csv.split(",")) {
            if (part.isBlank()) continue;
            UsageType u = UsageType.byLabel(part);
            if (u == null) {
                throw ApiException.badRequest("Unknown usage type '" + part.trim()
                        + "'. Known: Server Time, Export GB, Agent Inputs, Proxy Data, Export CPM.");
            }
            out.add(u);
        }
        return out.isEmpty() ? EnumSet.allOf(UsageType.class) : out;
    }

    static long cents(Run r, Set<UsageType> types) {
        long t = 0;
        for (Map.Entry<UsageType, Long> e : r.costCents().entrySet()) if (types.contains(e.getKey())) t += e.getValue();
        return t;
    }

    /** Billable runs (deleted ones included) of the period, optionally of one agent. */
    static List<Run> runs(SandboxState st, Period p, Integer agentId) {
        List<Run> out = new ArrayList<>();
        for (Run r : st.billableRuns()) {
            if (agentId != null && r.configId != agentId) continue;
            if (p.contains(r.startTime)) out.add(r);
        }
        return out;
    }

    static double credits(long cents) { return cents / 100.0; }

    static UsageType dominant(Run r) {
        UsageType best = UsageType.SERVER_TIME;
        long max = -1;
        for (Map.Entry<UsageType, Long> e : r.costCents().entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
