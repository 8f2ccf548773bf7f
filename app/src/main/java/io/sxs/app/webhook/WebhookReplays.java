package io.sxs.app.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deliveries accepted lately, to refuse the same delivery sent again: a replay of a captured (signed) Xero delivery or
 * of a Scoro hint would cost the connection's API budget a read each time. A genuine sender does not re-send what was
 * accepted (Xero retries only failed deliveries, for up to 24 h), so a delivery is remembered for 25 h, and at most
 * {@code capacity} of them (the oldest are forgotten first). Per process: an instance behind another load-balancer
 * target does not see this one's deliveries.
 */
public final class WebhookReplays {

    static final Duration WINDOW = Duration.ofHours(25);

    private final int capacity;
    private final Clock clock;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    public WebhookReplays(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    public WebhookReplays() {
        this(200_000, Clock.systemUTC());
    }

    /** True the first time a delivery is seen within the window (it is then remembered), false for a replay. */
    public synchronized boolean firstTime(String delivery) {
        Instant now = clock.instant();
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().plus(WINDOW).isAfter(now)) {
                break; // insertion order is time order
            }
            it.remove();
        }
        if (seen.containsKey(delivery)) {
            return false;
        }
        seen.put(delivery, now);
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
