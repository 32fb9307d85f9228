package com.sequentum.mcp.api;

import java.util.function.Supplier;

/**
 * Remembers, for the current thread, the HTTP status of the last answer the API gave while a piece of work ran (the
 * audit trail records it next to the outcome). Only the number is kept: no endpoint, body or credential. Tool
 * handlers call the API on the thread that runs them, so a thread-local capture sees exactly that call's traffic.
 */
public final class UpstreamStatus {
    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

    private UpstreamStatus() {}

    /** What {@link #capture} saw: the work's value and the last status, or null when no answer came back. */
    public record Captured<T>(T value, Integer status) {}

    /** Runs {@code work}, noting every API status it receives; captures nest (the inner one sees only its own). */
    public static <T> Captured<T> capture(Supplier<T> work) {
        int[] previous = CURRENT.get();
        int[] mine = {0};
        CURRENT.set(mine);
        try {
            T value = work.get();
            return new Captured<>(value, mine[0] == 0 ? null : mine[0]);
        } finally {
            if (previous == null) CURRENT.remove();
            else {
                if (mine[0] != 0) previous[0] = mine[0];
                CURRENT.set(previous);
            }
        }
    }

    /** Called by {@link ApiHttp} for every HTTP answer, whether it becomes a success, an error or a retry. */
    static void note(int status) {
        int[] c = CURRENT.get();
        if (c != null) c[0] = status;
    }
}
