package com.sequentum.mcp.calls;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way flag a client's {@code notifications/cancelled} sets; waits can sleep on it and wake at once. */
public final class Cancellation {
    private final CountDownLatch latch = new CountDownLatch(1);

    public void cancel() { latch.countDown(); }

    public boolean isCancelled() { return latch.getCount() == 0; }

    /** Sleeps up to {@code d}; returns true (early) when cancelled. */
    public boolean await(Duration d) throws InterruptedException {
        return latch.await(Math.max(0, d.toNanos()), TimeUnit.NANOSECONDS);
    }
}
