package com.sequentum.sandbox.api;

import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Query;

import java.time.Duration;
import java.time.Instant;

/** A [start, end] window read from {@code startDate}/{@code endDate} with a default length. */
record Period(Instant start, Instant end) {
    static Period of(Query q, Instant now, Duration defaultLength, boolean forward) {
        Instant s = q.instant("startDate", false);
        Instant e = q.instant("endDate", true);
        if (s == null && e == null) {
            return forward ? new Period(now, now.plus(defaultLength)) : new Period(now.minus(defaultLength), now);
        }
        if (s == null) s = e.minus(defaultLength);
        if (e == null) e = forward ? s.plus(defaultLength) : (s.isBefore(now) ? now : s.plus(defaultLength));
        if (e.isBefore(s)) throw ApiException.badRequest("endDate must not be earlier than startDate.");
        return new Period(s, e);
    }

    boolean contains(Instant t) {
        return t != null && !t.isBefore(start) && !t.isAfter(end);
    }
}
