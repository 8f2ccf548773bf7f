package io.sxs.connector.scoro.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.budget.Lane;
import io.sxs.connector.budget.RateBudget;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoroQuotaHeadersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void bothWindowsAreReadAndADailyFigureWithoutResetResetsAtMidnightUtc() {
        ScoroQuotaHeaders.Snapshot s = ScoroQuotaHeaders.read(headers(Map.of("x-ratelimit-limit", "40",
                "x-ratelimit-remaining", "39", "x-ratelimit-reset", "2", "x-daily-requests-limit", "500",
                "x-daily-requests-remaining", "0")), NOW);
        assertThat(s.shortRemaining()).isEqualTo(39);
        assertThat(s.shortResetAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(s.dailyLimit()).isEqualTo(500);
        assertThat(s.dailySpent()).isTrue();
        assertThat(s.dailyResetAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void resetsGivenAsEpochSecondsAndMissingHeaders() {
        long epoch = NOW.plusSeconds(600).getEpochSecond();
        ScoroQuotaHeaders.Snapshot s = ScoroQuotaHeaders.read(headers(Map.of("x-daily-requests-remaining", "3",
                "x-daily-requests-reset", Long.toString(epoch))), NOW);
        assertThat(s.dailyResetAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(s.shortLimit()).isNull();
        assertThat(s.dailySpent()).isFalse();
    }

    @Test
    void theBudgetFollowsWhatTheRepliesReport() {
        RateBudget budget = new RateBudget("s", Clock.fixed(NOW, ZoneOffset.UTC),
                new RateBudget.Limits(2, 0, null, 500, 0.5), List.of());
        ScoroQuotaHeaders.feed(budget, ScoroQuotaHeaders.read(headers(Map.of("x-ratelimit-limit", "40",
                "x-ratelimit-remaining", "0", "x-ratelimit-reset", "2", "x-daily-requests-limit", "10000",
                "x-daily-requests-remaining", "9000")), NOW));
        assertThat(budget.waitTime(Lane.WRITE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(budget.status().dayLimit()).isEqualTo(10_000);
        assertThat(budget.polls().perDay()).isEqualTo(5_000);
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> lists = new java.util.HashMap<>();
        values.forEach((k, v) -> lists.put(k, List.of(v)));
        return HttpHeaders.of(lists, (a, b) -> true);
    }
}
