package io.sxs.sandbox.xero;

import io.sxs.sandbox.core.FixedWindow;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies {@link XeroRateLimits} per tenant-and-app and per app, and writes Xero's rate-limit headers.
 * Minute windows run on real time (so a client's Retry-After sleep works even while a test pins the sandbox
 * clock); the day window runs on the sandbox clock, so tests can move past it.
 */
final class XeroRateLimiter {

    private static final class TenantWindows {
        final AtomicInteger inFlight = new AtomicInteger();
        final FixedWindow minute = new FixedWindow(Duration.ofMinutes(1));
        final FixedWindow day = new FixedWindow(Duration.ofDays(1));
    }

    private volatile XeroRateLimits defaults = XeroRateLimits.xeroDefaults();
    private final Map<String, XeroRateLimits> perTenant = new ConcurrentHashMap<>();
    private final Map<String, TenantWindows> windows = new ConcurrentHashMap<>();
    private final Map<String, FixedWindow> appWindows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttled = new ConcurrentHashMap<>();

    /** A granted call: release it when the reply is ready; {@link #headers} adds the remaining-calls headers. */
    final class Permit implements AutoCloseable {
        private final String tenantId;
        private final String clientId;
        private final TenantWindows w;
        private final XeroRateLimits limits;

        Permit(String tenantId, String clientId, TenantWindows w, XeroRateLimits limits) {
            this.tenantId = tenantId;
            this.clientId = clientId;
            this.w = w;
            this.limits = limits;
        }

        SandboxResponse headers(SandboxResponse r, Instant now) {
            return XeroRateLimiter.this.headers(r, w, limits, clientId, now);
        }

        @Override
        public void close() {
            w.inFlight.decrementAndGet();
        }
    }

    void defaults(XeroRateLimits limits) {
        defaults = limits;
    }

    void forTenant(String tenantId, XeroRateLimits limits) {
        if (limits == null) {
            perTenant.remove(tenantId);
        } else {
            perTenant.put(tenantId, limits);
        }
    }

    XeroRateLimits limitsFor(String tenantId) {
        return perTenant.getOrDefault(tenantId, defaults);
    }

    long throttled(String tenantId) {
        AtomicLong n = throttled.get(tenantId);
        return n == null ? 0 : n.get();
    }

    /** Calls of the tenant in flight right now (all apps), for tests that need to know the places are taken. */
    int inFlight(String tenantId) {
        return windows.entrySet().stream().filter(e -> e.getKey().startsWith(tenantId + "|"))
                .mapToInt(e -> e.getValue().inFlight.get()).sum();
    }

    /** Either a permit, or the 429 to send. Rejected calls do not use up any window. */
    synchronized Object acquire(String tenantId, String clientId, Instant now) {
        XeroRateLimits limits = limitsFor(tenantId);
        TenantWindows w = windows.computeIfAbsent(tenantId + "|" + clientId, k -> new TenantWindows());
        FixedWindow app = appWindow(clientId);
        if (w.inFlight.incrementAndGet() > limits.concurrent()) {
            w.inFlight.decrementAndGet();
            return reject(tenantId, "concurrent", null, w, limits, clientId, now);
        }
        String problem = null;
        Long retry = null;
        // Every window follows the sandbox clock, so tests can step to a window's end and check Retry-After.
        Instant real = now;
        if (app.remaining(limits.appPerMinute(), real) == 0) {
            problem = "appminute";
            retry = app.secondsToReset(real);
        } else if (w.minute.remaining(limits.perMinute(), real) == 0) {
            problem = "minute";
            retry = w.minute.secondsToReset(real);
        } else if (w.day.remaining(limits.perDay(), now) == 0) {
            problem = "day";
            retry = w.day.secondsToReset(now);
        }
        if (problem != null) {
            w.inFlight.decrementAndGet();
            return reject(tenantId, problem, retry, w, limits, clientId, now);
        }
        app.tryAcquire(limits.appPerMinute(), real);
        w.minute.tryAcquire(limits.perMinute(), real);
        w.day.tryAcquire(limits.perDay(), now);
        return new Permit(tenantId, clientId, w, limits);
    }

    private FixedWindow appWindow(String clientId) {
        return appWindows.computeIfAbsent(clientId, k -> new FixedWindow(Duration.ofMinutes(1)));
    }

    private SandboxResponse reject(String tenantId, String problem, Long retryAfter, TenantWindows w, XeroRateLimits limits,
                                   String clientId, Instant now) {
        throttled.computeIfAbsent(tenantId, k -> new AtomicLong()).incrementAndGet();
        SandboxResponse r = SandboxResponse.empty(429).header("X-Rate-Limit-Problem", problem);
        if (retryAfter != null) {
            r.header("Retry-After", String.valueOf(retryAfter));
        }
        return headers(r, w, limits, clientId, now);
    }

    private SandboxResponse headers(SandboxResponse r, TenantWindows w, XeroRateLimits limits, String clientId, Instant now) {
        Instant real = now;
        return r.header("X-MinLimit-Remaining", String.valueOf(w.minute.remaining(limits.perMinute(), real)))
                .header("X-DayLimit-Remaining", String.valueOf(w.day.remaining(limits.perDay(), now)))
                .header("X-AppMinLimit-Remaining", String.valueOf(appWindow(clientId).remaining(limits.appPerMinute(), real)));
    }

    /** Tenantless calls (e.g. /connections) report only the app header. */
    SandboxResponse appHeader(SandboxResponse r, String clientId, Instant now) {
        return r.header("X-AppMinLimit-Remaining", String.valueOf(appWindow(clientId).remaining(defaults.appPerMinute(), now)));
    }
}
