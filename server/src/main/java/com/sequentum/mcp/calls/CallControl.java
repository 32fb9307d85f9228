package com.sequentum.mcp.calls;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What a long-running tool call needs besides the API: the client's cancellation, a monotonic clock and a pause
 * that wakes on cancellation (both replaceable so tests never really sleep), and a progress channel (a no-op when the
 * client sent no progress token).
 */
public record CallControl(Cancellation cancellation, LongSupplier nanoTime, Pauser pauser, ProgressSink progress) {
    /** Sleeps for a while unless cancelled first. */
    @FunctionalInterface
    public interface Pauser {
        void pause(Duration d, Cancellation c) throws InterruptedException;
    }

    /** Receives {@code notifications/progress} payloads. */
    @FunctionalInterface
    public interface ProgressSink {
        ProgressSink NONE = (progress, total, message) -> { };

        void progress(double progress, Double total, String message);
    }

    public static final Pauser REAL_PAUSE = (d, c) -> c.await(d);

    public static CallControl real(Cancellation c, ProgressSink progress) {
        return new CallControl(c, System::nanoTime, REAL_PAUSE, progress);
    }

    public static CallControl none() { return real(new Cancellation(), ProgressSink.NONE); }

    public void pause(Duration d) throws InterruptedException { pauser.pause(d, cancellation); }

    public boolean cancelled() { return cancellation.isCancelled(); }
}
