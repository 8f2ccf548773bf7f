package io.sxs.sandbox.xero;

/**
 * The state of an app's webhook: {@code OK}, {@code INTENT_TO_RECEIVE_FAILED} (the endpoint did not answer the
 * signed/unsigned probes with 200/401) or {@code DISABLED} (deliveries failed for 24 hours).
 */
public record XeroWebhookStatus(String status, long deliveredEvents, long failedAttempts, long pendingEvents) {
}
