package io.sxs.connector.scoro.client;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ApiException.Kind;
import java.util.List;

/**
 * The retry policy of Scoro calls (Resilience4j): RETRYABLE failures back off exponentially; RATE_LIMITED ones wait for
 * the reported reset when it is near enough ({@code maxRateLimitWait}), otherwise they fail at once so the runtime can
 * park the connection. After the last attempt the last {@link ApiException} is thrown unchanged.
 */
public final class ScoroRetries {

    private ScoroRetries() {
    }

    /** A unit that may be retried as a whole. */
    public interface Attempt<T> {
        T run() throws ApiException;
    }

    public static Retry retry(String name, ScoroClientSettings settings) {
        return Retry.of(name, config(settings));
    }

    public static <T> T run(Retry retry, Attempt<T> attempt) throws ApiException {
        try {
            return retry.executeCheckedSupplier(attempt::run);
        } catch (ApiException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new ScoroApiException(Kind.RETRYABLE, 0, "Scoro call failed: " + t, List.of(), 0, t);
        }
    }

    static RetryConfig config(ScoroClientSettings settings) {
        long maxWaitSeconds = settings.maxRateLimitWait().toSeconds();
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            long backoff = Math.min(settings.maxBackoff().toMillis(),
                    settings.baseBackoff().toMillis() << Math.min(20, Math.max(0, attempt - 1)));
            if (outcome.isLeft() && outcome.getLeft() instanceof ApiException e && e.kind() == Kind.RATE_LIMITED) {
                return Math.max(backoff, e.retryAfterSeconds() * 1000);
            }
            return backoff;
        };
        return RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalBiFunction(interval)
                .retryOnException(t -> t instanceof ApiException e && waitable(e, maxWaitSeconds))
                .build();
    }

    private static boolean waitable(ApiException e, long maxWaitSeconds) {
        return e.kind() == Kind.RETRYABLE || (e.kind() == Kind.RATE_LIMITED && e.retryAfterSeconds() <= maxWaitSeconds);
    }
}
