package io.sxs.connector.scoro.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaStateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void recordsBothWindowsAndParksWhenTheDayIsSpent() {
        QuotaState q = new QuotaState();
        q.record(HttpHeaders.of(Map.of("x-ratelimit-limit", List.of("40"), "x-ratelimit-remaining", List.of("39"),
                "x-ratelimit-reset", List.of("2"), "x-daily-requests-limit", List.of("500"),
                "x-daily-requests-remaining", List.of("1")), (a, b) -> true), NOW);

        assertThat(q.snapshot().shortRemaining()).isEqualTo(39);
        assertThat(q.snapshot().shortResetAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(q.snapshot().dailyLimit()).isEqualTo(500);
        assertThat(q.dailyExhausted(NOW)).isFalse();

        q.record(HttpHeaders.of(Map.of("x-daily-requests-remaining", List.of("0")), (a, b) -> true), NOW);
        assertThat(q.dailyExhausted(NOW)).isTrue();
        // No reset header: the notes say the day resets at midnight UTC.
        assertThat(q.secondsUntilDailyReset(NOW)).isEqualTo(12 * 3600);
        assertThat(q.dailyExhausted(Instant.parse("2026-03-02T00:00:01Z"))).isFalse();
        assertThat(q.snapshot().shortLimit()).isEqualTo(40);
    }

    @Test
    void resetGivenAsEpochSeconds() {
        QuotaState q = new QuotaState();
        long epoch = NOW.plusSeconds(600).getEpochSecond();
        q.record(HttpHeaders.of(Map.of("x-daily-requests-remaining", List.of("0"), "x-daily-requests-reset",
                List.of(Long.toString(epoch))), (a, b) -> true), NOW);
        assertThat(q.secondsUntilDailyReset(NOW)).isEqualTo(600);
    }
}
