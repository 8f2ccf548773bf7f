package io.sxs.sandbox.scoro;

import io.sxs.sandbox.core.FixedWindow;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies {@link ScoroQuotas} per company and writes the x-ratelimit-* and x-daily-requests-* headers.
 * The short window follows the sandbox clock while it runs (so it speeds up with it) and real time while the clock is
 * pinned (a client's wait for x-ratelimit-reset still ends); the daily quota resets at midnight UTC of the sandbox
 * clock, so tests can move past it.
 */
final class ScoroQuotaLimiter {

    private static final class Usage {
        FixedWindow shortWindow;
        Duration shortLength;
        LocalDate day;
        int usedToday;
    }

    private volatile ScoroQuotas defaults = ScoroQuotas.scoroDefaults();
    private final Map<String, ScoroQuotas> perCompany = new ConcurrentHashMap<>();
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttled = new ConcurrentHashMap<>();

    void defaults(ScoroQuotas q) {
        defaults = q;
    }

    void forCompany(String companyId, ScoroQuotas q) {
        if (q == null) {
            perCompany.remove(companyId);
        } else {
            perCompany.put(companyId, q);
        }
    }

    long throttled(String companyId) {
        AtomicLong n = throttled.get(companyId);
        return n == null ? 0 : n.get();
    }

    /** Null when the call may go ahead (and is counted); otherwise the 429 reply. */
    synchronized SandboxResponse acquire(String companyId, Instant now, Instant running) {
        ScoroQuotas q = perCompany.getOrDefault(companyId, defaults);
        Usage u = usage(companyId, q, now);
        Instant real = running;
        boolean shortOk = u.shortWindow.remaining(q.shortLimit(), real) > 0;
        boolean dayOk = u.usedToday < q.dailyLimit();
        if (shortOk && dayOk) {
            u.shortWindow.tryAcquire(q.shortLimit(), real);
            u.usedToday++;
            return null;
        }
        throttled.computeIfAbsent(companyId, k -> new AtomicLong()).incrementAndGet();
        return headers(ScoroApi.error(429, 429, List.of("Too many requests")), companyId, now, running);
    }

    private Usage usage(String companyId, ScoroQuotas q, Instant now) {
        Usage u = usage.computeIfAbsent(companyId, k -> new Usage());
        if (u.shortWindow == null || !q.shortWindow().equals(u.shortLength)) {
            u.shortWindow = new FixedWindow(q.shortWindow());
            u.shortLength = q.shortWindow();
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        if (!today.equals(u.day)) {
            u.day = today;
            u.usedToday = 0;
        }
        return u;
    }

    synchronized SandboxResponse headers(SandboxResponse r, String companyId, Instant now, Instant running) {
        ScoroQuotas q = perCompany.getOrDefault(companyId, defaults);
        Usage u = usage(companyId, q, now);
        long toMidnight = Duration.between(now, u.day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        return r.header("x-ratelimit-limit", String.valueOf(q.shortLimit()))
                .header("x-ratelimit-remaining", String.valueOf(u.shortWindow.remaining(q.shortLimit(), running)))
                .header("x-ratelimit-reset", String.valueOf(u.shortWindow.secondsToReset(running)))
                .header("x-daily-requests-limit", String.valueOf(q.dailyLimit()))
                .header("x-daily-requests-remaining", String.valueOf(Math.max(0, q.dailyLimit() - u.usedToday)))
                .header("x-daily-requests-reset", String.valueOf(Math.max(1, toMidnight)));
    }
}
