package io.sxs.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookReplaysTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aDeliveryIsAcceptedOnceWithinTheWindowAndAgainAfterIt() {
        WebhookReplays replays = new WebhookReplays(10, clock);
        assertThat(replays.firstTime("a")).isTrue();
        assertThat(replays.firstTime("a")).isFalse();
        assertThat(replays.firstTime("b")).isTrue();
        now = now.plus(WebhookReplays.WINDOW).plusSeconds(1);
        assertThat(replays.firstTime("a")).as("forgotten after the window").isTrue();
    }

    @Test
    void theOldestAreForgottenBeyondTheCapacity() {
        WebhookReplays replays = new WebhookReplays(2, clock);
        replays.firstTime("a");
        now = now.plus(Duration.ofSeconds(1));
        replays.firstTime("b");
        replays.firstTime("c");
        assertThat(replays.firstTime("b")).isFalse();
        assertThat(replays.firstTime("a")).as("pushed out by c").isTrue();
    }
}
