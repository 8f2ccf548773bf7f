package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Xero webhooks: per app, CONTACT, INVOICE and CREDITNOTE CREATE/UPDATE events for every organisation the app is
 * connected to, batched into {"events", "firstEventSequence", "lastEventSequence", "entropy"} and signed with
 * x-xero-signature = base64(HMAC-SHA256(body, webhook key)). The endpoint must first pass "intent to receive"
 * (200 to correctly signed probes, 401 to wrongly signed ones) and then answer deliveries with 200 within 5 s;
 * failed deliveries are retried with growing pauses and the webhook is disabled after 24 hours of failures.
 */
final class XeroWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XeroWebhooks.class);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final XeroSandbox sandbox;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REPLY_TIMEOUT).build();
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xero-webhooks");
        t.setDaemon(true);
        return t;
    });

    private static final class Subscription {
        final String clientId;
        final URI url;
        final String key;
        volatile String status;
        final ConcurrentLinkedQueue<ObjectNode> pending = new ConcurrentLinkedQueue<>();
        long sequence;
        long delivered;
        long failedAttempts;
        Instant failingSince;
        long backoffMillis;
        long nextAttemptAt;

        Subscription(String clientId, URI url, String key) {
            this.clientId = clientId;
            this.url = url;
            this.key = key;
        }
    }

    XeroWebhooks(XeroSandbox sandbox) {
        this.sandbox = sandbox;
        dispatcher.scheduleWithFixedDelay(this::deliverAll, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Registers (or replaces) an app's webhook and runs the intent-to-receive check at once. */
    XeroWebhookStatus configure(String clientId, URI url, String key) {
        Subscription s = new Subscription(clientId, url, key);
        s.status = intentToReceive(s) ? "OK" : "INTENT_TO_RECEIVE_FAILED";
        subscriptions.put(clientId, s);
        return status(clientId);
    }

    /** A webhook's configuration in a snapshot; undelivered events are not kept (polling catches up). */
    record Saved(String clientId, URI url, String key, String status, long sequence) implements java.io.Serializable { }

    List<Saved> saved() {
        return subscriptions.values().stream().map(s -> {
            synchronized (s) {
                return new Saved(s.clientId, s.url, s.key, s.status, s.sequence);
            }
        }).toList();
    }

    /** Restores saved webhooks as they were, without a new intent-to-receive check (the receiver may not be up yet). */
    void restore(List<Saved> saved) {
        for (Saved w : saved) {
            Subscription s = new Subscription(w.clientId(), w.url(), w.key());
            s.status = w.status();
            s.sequence = w.sequence();
            subscriptions.put(w.clientId(), s);
        }
    }

    XeroWebhookStatus status(String clientId) {
        Subscription s = subscriptions.get(clientId);
        if (s == null) {
            return new XeroWebhookStatus("NONE", 0, 0, 0);
        }
        synchronized (s) {
            return new XeroWebhookStatus(s.status, s.delivered, s.failedAttempts, s.pending.size());
        }
    }

    /** Called on every create or update of a contact, invoice or credit note. */
    void publish(String tenantId, String category, String resourceId, boolean created) {
        if (subscriptions.isEmpty()) {
            return;
        }
        String path = switch (category) {
            case "CONTACT" -> "/Contacts/";
            case "INVOICE" -> "/Invoices/";
            default -> "/CreditNotes/";
        };
        for (Subscription s : subscriptions.values()) {
            if (!"OK".equals(s.status) || !sandbox.tokens.appReaches(s.clientId, tenantId)) {
                continue;
            }
            ObjectNode e = Json.object();
            e.put("resourceUrl", sandbox.apiBase() + path + resourceId);
            e.put("resourceId", resourceId);
            e.put("eventDateUtc", EVENT_DATE.format(sandbox.clock.instant().atOffset(ZoneOffset.UTC)));
            e.put("eventType", created ? "CREATE" : "UPDATE");
            e.put("eventCategory", category);
            e.put("tenantId", tenantId);
            e.put("tenantType", "ORGANISATION");
            s.pending.add(e);
        }
    }

    private boolean intentToReceive(Subscription s) {
        for (int i = 0; i < 4; i++) {
            boolean signedCorrectly = i % 2 == 0;
            ObjectNode body = Json.object();
            body.putArray("events");
            body.put("firstEventSequence", 0);
            body.put("lastEventSequence", 0);
            body.put("entropy", XeroTokens.randomToken(15).toUpperCase());
            byte[] bytes = Json.bytes(body);
            String signature = signedCorrectly ? sign(bytes, s.key) : sign(bytes, s.key + "-wrong");
            Integer status = post(s.url, bytes, signature);
            if (status == null || status != (signedCorrectly ? 200 : 401)) {
                LOG.info("webhook {} failed intent to receive: probe {} answered {}", s.url, i, status);
                return false;
            }
        }
        return true;
    }

    private void deliverAll() {
        for (Subscription s : subscriptions.values()) {
            try {
                deliver(s);
            } catch (RuntimeException e) {
                LOG.warn("webhook delivery to {} failed unexpectedly", s.url, e);
            }
        }
    }

    private void deliver(Subscription s) {
        if (!"OK".equals(s.status) || s.pending.isEmpty() || System.currentTimeMillis() < s.nextAttemptAt) {
            return;
        }
        List<ObjectNode> batch = new ArrayList<>();
        for (ObjectNode e : s.pending) {
            batch.add(e);
            if (batch.size() == 100) {
                break;
            }
        }
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("events");
        batch.forEach(events::add);
        body.put("firstEventSequence", s.sequence + 1);
        body.put("lastEventSequence", s.sequence + batch.size());
        body.put("entropy", XeroTokens.randomToken(15).toUpperCase());
        byte[] bytes = Json.bytes(body);
        Integer status = post(s.url, bytes, sign(bytes, s.key));
        synchronized (s) {
            if (status != null && status == 200) {
                for (int i = 0; i < batch.size(); i++) {
                    s.pending.poll();
                }
                s.sequence += batch.size();
                s.delivered += batch.size();
                s.failingSince = null;
                s.backoffMillis = 0;
                s.nextAttemptAt = 0;
                return;
            }
            s.failedAttempts++;
            Instant now = sandbox.clock.instant();
            if (s.failingSince == null) {
                s.failingSince = now;
            } else if (!now.isBefore(s.failingSince.plus(GIVE_UP_AFTER))) {
                s.status = "DISABLED";
            }
            s.backoffMillis = s.backoffMillis == 0 ? 500 : Math.min(s.backoffMillis * 2, 60_000);
            s.nextAttemptAt = System.currentTimeMillis() + s.backoffMillis;
        }
    }

    private Integer post(URI url, byte[] body, String signature) {
        try {
            HttpRequest req = HttpRequest.newBuilder(url).timeout(REPLY_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("x-xero-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String sign(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
    }
}
