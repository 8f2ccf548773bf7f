package io.sxs.connector.scoro.client;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The last quota figures Scoro reported for one site/entity ({@code x-ratelimit-*} for the short window,
 * {@code x-daily-requests-*} for the day). Kept so calls can be paced and a connection whose daily quota is spent is
 * parked until the reset instead of burning calls on 429s.
 */
public final class QuotaState {

    /** Reset headers below this are "seconds from now"; above it, epoch seconds. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    /** What was last seen; null fields were not reported. */
    public record Snapshot(Long shortLimit, Long shortRemaining, Instant shortResetAt,
                           Long dailyLimit, Long dailyRemaining, Instant dailyResetAt, Instant observedAt) {
    }

    private volatile Snapshot snapshot = new Snapshot(null, null, null, null, null, null, null);

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Records the quota headers of a response; headers that are absent keep their previous value. */
    public synchronized void record(HttpHeaders headers, Instant now) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(
                number(headers, "x-ratelimit-limit", s.shortLimit()),
                number(headers, "x-ratelimit-remaining", s.shortRemaining()),
                resetAt(headers, "x-ratelimit-reset", now, s.shortResetAt()),
                number(headers, "x-daily-requests-limit", s.dailyLimit()),
                number(headers, "x-daily-requests-remaining", s.dailyRemaining()),
                resetAt(headers, "x-daily-requests-reset", now, dailyResetFallback(s, now)),
                now);
    }

    /** True while the daily quota is known to be spent and its reset has not passed. */
    public boolean dailyExhausted(Instant now) {
        Snapshot s = snapshot;
        return s.dailyRemaining() != null && s.dailyRemaining() <= 0
                && (s.dailyResetAt() == null || s.dailyResetAt().isAfter(now));
    }

    /** Seconds until the daily quota resets (at least 1). */
    public long secondsUntilDailyReset(Instant now) {
        Instant reset = snapshot.dailyResetAt();
        return reset == null ? 1 : Math.max(1, reset.getEpochSecond() - now.getEpochSecond());
    }

    /** Seconds until the short window resets, from the last response (at least 1). */
    public static long retryAfterSeconds(HttpHeaders headers, Instant now) {
        for (String name : new String[] {"x-ratelimit-reset", "retry-after"}) {
            Instant at = resetAt(headers, name, now, null);
            if (at != null) {
                return Math.max(1, at.getEpochSecond() - now.getEpochSecond());
            }
        }
        return 1;
    }

    /** When no daily reset is reported the notes say the daily quota resets at midnight UTC. */
    private static Instant dailyResetFallback(Snapshot s, Instant now) {
        if (s.dailyResetAt() != null && s.dailyResetAt().isAfter(now)) {
            return s.dailyResetAt();
        }
        return now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private static Long number(HttpHeaders headers, String name, Long previous) {
        OptionalLong v = parse(headers, name);
        return v.isPresent() ? Long.valueOf(v.getAsLong()) : previous;
    }

    private static Instant resetAt(HttpHeaders headers, String name, Instant now, Instant previous) {
        OptionalLong v = parse(headers, name);
        if (v.isEmpty()) {
            return previous;
        }
        long value = v.getAsLong();
        return value >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(value) : now.plusSeconds(Math.max(0, value));
    }

    private static OptionalLong parse(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(String::trim).flatMap(text -> {
            try {
                return java.util.Optional.of(new java.math.BigDecimal(text).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return java.util.Optional.empty();
            }
        }).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
