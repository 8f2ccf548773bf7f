package io.sxs.app.webhook;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the APIs reach this deployment's webhook endpoints: {@code sxs.webhooks.public-url} when configured; in the
 * demo, this machine's port once the web server listens; otherwise nowhere (polling only).
 */
public final class WebhookAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private final boolean local;
    private volatile String base;

    /** @param local true when the APIs run on this machine (the demo's sandboxes), so localhost reaches us */
    public WebhookAddress(String configured, boolean local) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.local = local;
        this.base = this.configured;
    }

    /** True when webhooks can reach this deployment at all. */
    public boolean enabled() {
        return configured != null || local;
    }

    /** The base URL, or null while it is not known yet (the web server is starting). */
    public String base() {
        return base;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (configured == null && local) {
            base = "http://localhost:" + event.getWebServer().getPort();
        }
    }
}
