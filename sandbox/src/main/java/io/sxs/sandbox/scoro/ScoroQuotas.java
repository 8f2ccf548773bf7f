package io.sxs.sandbox.scoro;

import java.time.Duration;

/**
 * Scoro's request quotas per company: {@code shortLimit} calls per {@code shortWindow}, and {@code dailyLimit}
 * calls per UTC day (reset at midnight UTC).
 */
public record ScoroQuotas(int shortLimit, Duration shortWindow, int dailyLimit) {

    /** The values the sandbox starts with: 40 calls per 2 seconds and 500 calls a day (Scoro's documented default). */
    public static ScoroQuotas scoroDefaults() {
        return new ScoroQuotas(40, Duration.ofSeconds(2), 500);
    }

    public static ScoroQuotas unlimited() {
        return new ScoroQuotas(Integer.MAX_VALUE, Duration.ofSeconds(2), Integer.MAX_VALUE);
    }
}
