package io.sxs.connector.scoro.client;

import io.sxs.connector.budget.RateBudget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The quota figures a Scoro reply reports: {@code x-ratelimit-*} for the short window, {@code x-daily-requests-*} for
 * the day. Reset headers are seconds from now, or epoch seconds; a daily figure without a reset is taken to reset at
 * midnight UTC, as the notes say. {@link #feed} hands them to the site's budget.
 */
public final class ScoroQuotaHeaders {

    /** Reset headers below this are "seconds from now"; above it, epoch seconds. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    /** What one reply reported; null parts were not reported. */
    public record Snapshot(Long shortLimit, Long shortRemaining, Instant shortResetAt,
                           Long dailyLimit, Long dailyRemaining, Instant dailyResetAt) {

        /** True when this reply says the day's quota is used up. */
        public boolean dailySpent() {
            return dailyRemaining != null && dailyRemaining <= 0;
        }
    }

    private ScoroQuotaHeaders() {
    }

    public static Snapshot read(HttpHeaders headers, Instant now) {
        Long dailyRemaining = number(headers, "x-daily-requests-remaining");
        Instant dailyReset = resetAt(headers, "x-daily-requests-reset", now);
        if (dailyReset == null && dailyRemaining != null) {
            dailyReset = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return new Snapshot(number(headers, "x-ratelimit-limit"), number(headers, "x-ratelimit-remaining"),
                resetAt(headers, "x-ratelimit-reset", now), number(headers, "x-daily-requests-limit"), dailyRemaining,
                dailyReset);
    }

    /** Tells the budget what the reply reported. */
    public static void feed(RateBudget budget, Snapshot s) {
        budget.observeWindow(s.shortLimit(), s.shortRemaining(), s.shortResetAt());
        budget.observeDaily(s.dailyLimit(), s.dailyRemaining(), s.dailyRemaining() == null ? null : s.dailyResetAt());
    }

    /** Seconds until the short window resets, from the last response (at least 1). */
    public static long retryAfterSeconds(HttpHeaders headers, Instant now) {
        for (String name : new String[] {"x-ratelimit-reset", "retry-after"}) {
            Instant at = resetAt(headers, name, now);
            if (at != null) {
                return Math.max(1, at.getEpochSecond() - now.getEpochSecond());
            }
        }
        return 1;
    }

    private static Long number(HttpHeaders headers, String name) {
        OptionalLong v = parse(headers, name);
        return v.isPresent() ? Long.valueOf(v.getAsLong()) : null;
    }

    private static Instant resetAt(HttpHeaders headers, String name, Instant now) {
        OptionalLong v = parse(headers, name);
        if (v.isEmpty()) {
            return null;
        }
        long value = v.getAsLong();
        return value >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(value) : now.plusSeconds(Math.max(0, value));
    }

    private static OptionalLong parse(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(String::trim).flatMap(text -> {
            try {
                return Optional.of(new BigDecimal(text).setScale(0, RoundingMode.CEILING).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.<Long>empty();
            }
        }).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
