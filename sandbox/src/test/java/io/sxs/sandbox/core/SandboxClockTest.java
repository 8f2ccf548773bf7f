package io.sxs.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxClockTest {

    @Test
    void anAcceleratedClockRunsThatManyTimesAsFastFromWhereItWas() throws Exception {
        SandboxClock clock = new SandboxClock();
        clock.pin(Instant.parse("2026-12-01T23:00:00Z"));
        clock.release();
        clock.runAt(3600);
        Thread.sleep(200);
        Instant later = clock.instant();
        // 0.2 s of real time is 12 minutes of sandbox time (a little more for the time the test itself took).
        assertThat(Duration.between(Instant.parse("2026-12-01T23:00:00Z"), later)).isBetween(Duration.ofMinutes(12),
                Duration.ofMinutes(60));
        assertThat(clock.rate()).isEqualTo(3600);
        assertThat(clock.runningInstant()).as("running: the running instant is sandbox time").isAfterOrEqualTo(later);
    }

    @Test
    void whilePinnedTheRunningInstantIsRealTime() {
        SandboxClock clock = new SandboxClock();
        clock.pin(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(Duration.between(clock.runningInstant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T01:00:00Z"));
        clock.reset();
        assertThat(clock.rate()).isEqualTo(1.0);
        assertThat(clock.isPinned()).isFalse();
    }

    @Test
    void aResumedClockNeverGoesBackAndKeepsItsRate() {
        SandboxClock clock = new SandboxClock();
        Instant ahead = Instant.now().plus(Duration.ofDays(3));
        clock.resume(ahead, 60);
        assertThat(clock.instant()).isAfterOrEqualTo(ahead);
        assertThat(clock.rate()).isEqualTo(60);
        assertThat(clock.isPinned()).isFalse();

        Instant before = Instant.now();
        clock.resume(Instant.parse("2020-01-01T00:00:00Z"), 1);
        assertThat(clock.instant()).as("a saved time in the past resumes at real now").isAfterOrEqualTo(before);
    }
}
