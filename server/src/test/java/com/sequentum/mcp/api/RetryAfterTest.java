package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After: delay-seconds (fractions allowed), an HTTP-date, or nothing usable. */
class RetryAfterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T14:30:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAreTakenAsGiven() {
        assertThat(RetryAfter.parse("60", CLOCK)).isEqualTo(60.0);
        assertThat(RetryAfter.parse("120", CLOCK)).isEqualTo(120.0);
        assertThat(RetryAfter.parse("0", CLOCK)).isEqualTo(0.0);
        assertThat(RetryAfter.parse("1.5", CLOCK)).isEqualTo(1.5);
        assertThat(RetryAfter.parse(" 7 ", CLOCK)).isEqualTo(7.0);
    }

    @Test
    void anHttpDateIsTurnedIntoWholeSecondsFromNow() {
        assertThat(RetryAfter.parse("Sun, 15 Mar 2026 14:30:10 GMT", CLOCK)).isEqualTo(10.0);
        assertThat(RetryAfter.parse("Sun, 15 Mar 2026 14:31:00 GMT", CLOCK)).isEqualTo(60.0);
    }

    @Test
    void aPartialSecondRoundsUp() {
        Clock justBefore = Clock.fixed(Instant.parse("2026-03-15T14:30:09.200Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("Sun, 15 Mar 2026 14:30:10 GMT", justBefore)).isEqualTo(1.0);
    }

    @Test
    void aDateInThePastMeansZero() {
        assertThat(RetryAfter.parse("Sun, 15 Mar 2026 14:00:00 GMT", CLOCK)).isEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "soon", "1d", "2f", "Infinity", "NaN", "0x10", "-5", "1,5"})
    void anythingElseIsUnknown(String header) {
        assertThat(RetryAfter.parse(header, CLOCK)).isNull();
    }

    @Test
    void aMissingHeaderIsUnknown() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
    }
}
