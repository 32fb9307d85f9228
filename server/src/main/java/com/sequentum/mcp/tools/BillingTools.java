package com.sequentum.mcp.tools;

import java.util.List;

/** Tools of the Billing category (being written). */
public final class BillingTools {
    private BillingTools() {}

    public static List<ToolSpec> tools() {
        return List.of();
    }
}
