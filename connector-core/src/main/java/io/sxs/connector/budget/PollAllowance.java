package io.sxs.connector.budget;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Clock;
import java.time.Duration;

/**
 * Paces the calls that poll whether anything changed, so that idle polling spends a fixed share of the daily quota
 * whatever the time of day: a token bucket (Bucket4j) refilled with {@code share × dailyLimit} tokens a day, with a
 * small burst so that a connection that was quiet can look at once. Every entity's poll of one account takes from
 * the same bucket, so adding entities lengthens each one's interval instead of overspending.
 */
public final class PollAllowance {

    private static final int BURST = 4;

    private final Clock clock;
    private final double share;
    private final Bucket bucket;
    private long dailyLimit;

    public PollAllowance(Clock clock, long dailyLimit, double share) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("share must be in (0, 1]");
        }
        this.clock = clock;
        this.share = share;
        this.dailyLimit = dailyLimit;
        this.bucket = Bucket.builder().withCustomTimePrecision(new ClockTimeMeter(clock))
                .addLimit(limit -> limit.capacity(BURST).refillGreedy(perDay(dailyLimit), Duration.ofDays(1))).build();
    }

    /** Zero when a poll may start now, else how long until one may (on the budget's clock). */
    public Duration waitTime() {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofNanos(nanos);
    }

    /** Takes the allowance for one poll call; false when none is left now. */
    public boolean tryTake() {
        return bucket.tryConsume(1);
    }

    /** Polls a day at the current limit. */
    public synchronized long perDay() {
        return perDay(dailyLimit);
    }

    /** The API reported another daily limit: polls follow it. */
    public synchronized void dailyLimit(long limit) {
        if (limit > 0 && limit != dailyLimit) {
            dailyLimit = limit;
            bucket.replaceConfiguration(BucketConfiguration.builder()
                            .addLimit(l -> l.capacity(BURST).refillGreedy(perDay(limit), Duration.ofDays(1))).build(),
                    TokensInheritanceStrategy.AS_IS);
        }
    }

    private long perDay(long limit) {
        return Math.max(1, (long) Math.floor(limit * share));
    }

    @Override
    public String toString() {
        return "PollAllowance[" + perDay() + "/day, " + clock + "]";
    }

    /** Bucket4j's time from the budget's clock, so that a test clock moves the allowance too. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
