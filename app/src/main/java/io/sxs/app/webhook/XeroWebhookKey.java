package io.sxs.app.webhook;

/** The signing key of the Xero app's webhook (from configuration, or generated for the demo); never printed. */
public record XeroWebhookKey(String value) {

    public boolean present() {
        return value != null && !value.isEmpty();
    }

    @Override
    public String toString() {
        return "XeroWebhookKey[" + (present() ? "****" : "none") + "]";
    }
}
