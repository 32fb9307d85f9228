package com.sequentum.mcp.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared date rules: JS-like parsing, billing ISO dates and ranges (E8–E10), schedule start times (E11–E12). */
class DatesTest {
    private static final String FORMAT_HINT = "': expected ISO 8601 format (e.g., '2026-01-01' or '2026-01-01T00:00:00Z')";

    static Clock at(String instant) { return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC); }

    // ---- JavaScript-like parsing ----
    @Test
    void dateOnlyIsUtcMidnight() {
        assertThat(Dates.parse("2026-01-19")).isEqualTo(Instant.parse("2026-01-19T00:00:00Z"));
    }

    @Test
    void dateTimeWithoutOffsetIsUtc() {
        assertThat(Dates.parse("2026-01-19T14:00:00")).isEqualTo(Instant.parse("2026-01-19T14:00:00Z"));
        assertThat(Dates.parse("2026-01-19T14:00")).isEqualTo(Instant.parse("2026-01-19T14:00:00Z"));
    }

    @Test
    void offsetsAndFractionsAreHonoured() {
        assertThat(Dates.parse("2026-01-01T00:00:00+05:30")).isEqualTo(Instant.parse("2025-12-31T18:30:00Z"));
        assertThat(Dates.parse("2026-01-01T00:00:00-08:00")).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(Dates.parse("2026-01-01T00:00:00.5Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00.500Z"));
        assertThat(Dates.parse("2026-01-01T00:00:00.123456Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }

    @Test
    void dayOverflowRollsIntoTheNextMonthLikeJavaScript() {
        assertThat(Dates.parse("2026-02-30")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void hour24IsOnlyMidnightOfTheNextDay() {
        assertThat(Dates.parse("2026-01-01T24:00:00Z")).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(Dates.parse("2026-01-01T24:00:01Z")).isNull();
    }

    @Test
    void rfc1123DatesParse() {
        assertThat(Dates.parse("Tue, 20 Jan 2026 14:30:00 GMT")).isEqualTo(Instant.parse("2026-01-20T14:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not-a-date", "2026-13-01", "2026-00-10", "2026-01-32", "2026-01-00",
            "2026-01-01T25:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:60Z", "2026-01-01T10:00:00+24:00"})
    void invalidDatesAreNull(String value) {
        assertThat(Dates.parse(value)).isNull();
    }

    @Test
    void nullIsNull() {
        assertThat(Dates.parse(null)).isNull();
    }

    // ---- E8: billing ISO dates ----
    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z",
            "2026-01-01T00:00:00+05:30", "2026-01-01T00:00:00-08:00", "2026-02-30", " 2026-01-01 ", "2026-01-01T00:00:00"})
    void acceptsIsoDatesAndDateTimes(String value) {
        assertThatCode(() -> Dates.isoDate("startDate", value)).doesNotThrowAnyException();
    }

    @Test
    void returnsTheInstant() {
        assertThat(Dates.isoDate("startDate", "2026-01-01T00:00:00+05:30")).isEqualTo(Instant.parse("2025-12-31T18:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyOrBlankIsMissing(String value) {
        assertThatThrownBy(() -> Dates.isoDate("startDate", value))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("Missing or invalid startDate");
    }

    @Test
    void absentOrNonStringIsMissing() {
        assertThatThrownBy(() -> Dates.isoDate("endDate", null)).hasMessage("Missing or invalid endDate");
        assertThatThrownBy(() -> Dates.isoDate("endDate", 20260101)).hasMessage("Missing or invalid endDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"January 1, 2026", "1/1/2026", "not-a-date", "2026-1-1", "2026-01-01T00:00Z",
            "2026-01-01 00:00:00", "Tue, 20 Jan 2026 14:30:00 GMT", "2026-01-01T00:00:00+0530"})
    void rejectsOtherShapes(String value) {
        assertThatThrownBy(() -> Dates.isoDate("startDate", value))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid date format for 'startDate" + FORMAT_HINT);
    }

    @Test
    void rejectsImpossibleMonthsAndNamesTheField() {
        assertThatThrownBy(() -> Dates.isoDate("endDate", "2026-13-01"))
                .hasMessage("Invalid date format for 'endDate" + FORMAT_HINT);
        assertThatThrownBy(() -> Dates.isoDate("myField", "nope"))
                .hasMessageContaining("'myField'");
    }

    // ---- E9: date ranges ----
    @Test
    void equalAndAscendingRangesAreFine() {
        assertThatCode(() -> Dates.billingRange("2026-01-01", "2026-01-01", at("2026-03-15T14:30:00Z")))
                .doesNotThrowAnyException();
        assertThatCode(() -> Dates.billingRange("2026-01-01", "2026-01-31", at("2026-03-15T14:30:00Z")))
                .doesNotThrowAnyException();
        assertThatCode(() -> Dates.billingRange("2026-01-01T00:00:00Z", "2026-01-31T23:59:59Z", at("2026-03-15T14:30:00Z")))
                .doesNotThrowAnyException();
    }

    @Test
    void comparesInstantsNotStrings() {
        // 2026-01-01T01:00+05:30 is 2025-12-31T19:30Z, before the end although it sorts after it as text.
        assertThatCode(() -> Dates.billingRange("2026-01-01T01:00:00+05:30", "2026-01-01T00:00:00Z",
                at("2026-03-15T14:30:00Z"))).doesNotThrowAnyException();
    }

    @Test
    void startAfterEndIsRejected() {
        assertThatThrownBy(() -> Dates.billingRange("2026-01-31", "2026-01-01", at("2026-03-15T14:30:00Z")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("startDate must be before or equal to endDate");
        assertThatThrownBy(() -> Dates.billingRange("2026-01-31T23:59:59Z", "2026-01-01T00:00:00Z", at("2026-03-15T14:30:00Z")))
                .hasMessage("startDate must be before or equal to endDate");
    }

    @Test
    void keepsTheCallersStringsUntrimmed() {
        assertThat(Dates.billingRange(" 2026-01-01", "2026-01-31 ", at("2026-03-15T14:30:00Z")))
                .isEqualTo(new Dates.Range(" 2026-01-01", "2026-01-31 "));
    }

    @Test
    void startIsValidatedBeforeEnd() {
        assertThatThrownBy(() -> Dates.billingRange("", "nope", at("2026-03-15T14:30:00Z")))
                .hasMessage("Missing or invalid startDate");
    }

    @Test
    void aDefaultEndBeforeAnExplicitFutureStartIsRejected() {
        assertThatThrownBy(() -> Dates.billingRange("2026-04-01", null, at("2026-03-15T14:30:00Z")))
                .hasMessage("startDate must be before or equal to endDate");
    }

    // ---- E10: default billing range ----
    @Test
    void midMonth() {
        Clock clock = at("2026-03-15T14:30:00Z");
        assertThat(Dates.startOfMonth(clock)).isEqualTo("2026-03-01T00:00:00.000Z");
        assertThat(Dates.now(clock)).isEqualTo("2026-03-15T14:30:00.000Z");
        assertThat(Dates.billingRange(null, null, clock))
                .isEqualTo(new Dates.Range("2026-03-01T00:00:00.000Z", "2026-03-15T14:30:00.000Z"));
    }

    @Test
    void otherMonthsAndTheFirstSecondOfAMonth() {
        assertThat(Dates.startOfMonth(at("2026-01-20T10:00:00Z"))).isEqualTo("2026-01-01T00:00:00.000Z");
        Clock firstSecond = at("2026-01-01T00:00:01Z");
        assertThat(Dates.billingRange(null, null, firstSecond))
                .isEqualTo(new Dates.Range("2026-01-01T00:00:00.000Z", "2026-01-01T00:00:01.000Z"));
    }

    @Test
    void nowKeepsMillisecondsAndDropsFinerDigits() {
        assertThat(Dates.now(at("2026-03-15T14:30:00.123456789Z"))).isEqualTo("2026-03-15T14:30:00.123Z");
    }

    @Test
    void theExactStartOfAMonthIsAValidEmptyRange() {
        assertThat(Dates.billingRange(null, null, at("2026-02-01T00:00:00Z")))
                .isEqualTo(new Dates.Range("2026-02-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"));
    }

    // ---- E11: start time in the future ----
    private final Clock noon = at("2026-01-19T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"not-a-date", ""})
    void unparseableIsAFormatError(String value) {
        assertThatThrownBy(() -> Dates.requireFutureStart(value, 1, noon))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid startTime format: " + value + ". Use ISO 8601 format (e.g., 2026-01-20T14:30:00Z)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-19", "2026-01-19T11:00:00Z", "2026-01-19T12:00:00Z", "2026-01-19T12:00:30Z",
            "2026-01-19T12:01:00Z", "2026-01-19T12:01:00.000Z"})
    void notMoreThanOneMinuteAheadIsRejected(String value) {
        assertThatThrownBy(() -> Dates.requireFutureStart(value, 1, noon))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("startTime must be at least 1 minute(s) in the future (UTC). Provided: " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-19T14:00:00Z", "2026-01-19T14:00:00", "2026-01-19T12:01:01Z",
            "2026-01-19T12:01:00.001Z", "2026-01-19T12:02:00Z", "2026-01-19T15:00:00Z", "2026-01-25"})
    void laterStartsAreAccepted(String value) {
        assertThatCode(() -> Dates.requireFutureStart(value, 1, noon)).doesNotThrowAnyException();
    }

    @Test
    void zeroMinutesMeansStrictlyAfterNow() {
        assertThatCode(() -> Dates.requireFutureStart("2026-01-19T12:00:01Z", 0, noon)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Dates.requireFutureStart("2026-01-19T12:00:00Z", 0, noon))
                .hasMessage("startTime must be at least 0 minute(s) in the future (UTC). Provided: 2026-01-19T12:00:00Z");
        assertThatThrownBy(() -> Dates.requireFutureStart("2026-01-19T11:59:00Z", 0, noon))
                .hasMessageContaining("at least 0 minute(s) in the future");
    }

    @Test
    void fiveMinutes() {
        assertThatThrownBy(() -> Dates.requireFutureStart("2026-01-19T12:04:00Z", 5, noon))
                .hasMessageContaining("at least 5 minute(s)");
        assertThatCode(() -> Dates.requireFutureStart("2026-01-19T12:06:00Z", 5, noon)).doesNotThrowAnyException();
    }

    @Test
    void anOffsetIsTakenIntoAccount() {
        // 13:30+01:00 is 12:30Z: 30 minutes ahead.
        assertThatCode(() -> Dates.requireFutureStart("2026-01-19T13:30:00+01:00", 1, noon)).doesNotThrowAnyException();
        // 12:30+01:00 is 11:30Z: in the past.
        assertThatThrownBy(() -> Dates.requireFutureStart("2026-01-19T12:30:00+01:00", 1, noon))
                .hasMessageContaining("at least 1 minute(s)");
    }

    // ---- E12: schedule start-time rule ----
    private final Clock clock = at("2026-03-01T10:00:00Z");

    @Test
    void runOnceNeedsMoreThanAMinute() {
        assertThatCode(() -> Dates.checkScheduleStart(1, "2026-03-01T10:02:00Z", clock)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Dates.checkScheduleStart(1, "2026-03-01T10:00:30Z", clock))
                .hasMessageContaining("at least 1 minute(s) in the future");
    }

    @Test
    void runEveryNeedsTheFuture() {
        assertThatCode(() -> Dates.checkScheduleStart(2, "2026-03-01T10:00:01Z", clock)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Dates.checkScheduleStart(2, "2026-03-01T09:59:59Z", clock))
                .hasMessageContaining("at least 0 minute(s) in the future");
    }

    @Test
    void nothingIsCheckedWithoutTypeOrStartTimeOrForCron() {
        assertThatCode(() -> Dates.checkScheduleStart(null, "2020-01-01T00:00:00Z", clock)).doesNotThrowAnyException();
        assertThatCode(() -> Dates.checkScheduleStart(1, null, clock)).doesNotThrowAnyException();
        assertThatCode(() -> Dates.checkScheduleStart(2, "", clock)).doesNotThrowAnyException();
        assertThatCode(() -> Dates.checkScheduleStart(3, "2020-01-01T00:00:00Z", clock)).doesNotThrowAnyException();
        assertThatCode(() -> Dates.checkScheduleStart(3, "garbage", clock)).doesNotThrowAnyException();
    }

    @Test
    void anUnparseableStartIsAFormatErrorForRunOnceAndRunEvery() {
        assertThatThrownBy(() -> Dates.checkScheduleStart(2, "tomorrow", clock))
                .hasMessage("Invalid startTime format: tomorrow. Use ISO 8601 format (e.g., 2026-01-20T14:30:00Z)");
    }
}
