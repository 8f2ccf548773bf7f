package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The webhooks module: webhooks/subscribe {module, action (create|modify|delete|any), url, fields?}, unsubscribe/&lt;id&gt;
 * and list. The URL must answer 200 when the subscription is saved (Scoro checks it then). Scoro's payload, retry
 * policy and signature are not published, so the sandbox sends a small unsigned hint, once, that clients should
 * follow with a view call: {subscription_id, module, action, object_id, company_account_id, changed_fields, date}.
 */
final class ScoroWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoroWebhooks.class);
    static final Set<String> MODULES = Set.of("contacts", "companies", "persons", "invoices", "bills", "prepayments");
    private static final Set<String> ACTIONS = Set.of("create", "modify", "delete", "any");

    record Subscription(long id, String companyAccountId, String module, String action, URI url, List<String> fields) implements java.io.Serializable {

        ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("id", id);
            o.put("module", module);
            o.put("action", action);
            o.put("url", url.toString());
            fields.forEach(o.putArray("fields")::add);
            return o;
        }
    }

    private final ScoroSandbox sandbox;
    private final Map<String, List<Subscription>> byCompany = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scoro-webhooks");
        t.setDaemon(true);
        return t;
    });

    ScoroWebhooks(ScoroSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Subscription subscribe(String companyAccountId, JsonNode request) {
        List<String> errors = new ArrayList<>();
        String module = Json.str(request, "module");
        String action = Json.str(request, "action");
        String url = Json.str(request, "url");
        if (module == null || !MODULES.contains(module)) {
            errors.add("module must be one of " + MODULES);
        }
        if (action == null || !ACTIONS.contains(action)) {
            errors.add("action must be one of " + ACTIONS);
        }
        URI uri = null;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            errors.add("url must be an http(s) URL");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        Integer status = send(uri, "GET", null);
        if (status == null || status != 200) {
            throw new SandboxValidationException("The webhook URL must answer 200 (it answered " + status + ")");
        }
        List<String> fields = new ArrayList<>();
        request.path("fields").forEach(f -> fields.add(f.asText()));
        Subscription s = new Subscription(ids.incrementAndGet(), companyAccountId, module, action, uri, List.copyOf(fields));
        byCompany.computeIfAbsent(companyAccountId, k -> new CopyOnWriteArrayList<>()).add(s);
        return s;
    }

    void unsubscribe(String companyAccountId, long id) {
        List<Subscription> subs = byCompany.getOrDefault(companyAccountId, List.of());
        if (!subs.removeIf(s -> s.id() == id)) {
            throw new SandboxNotFoundException("Webhook " + id + " not found");
        }
    }

    List<Subscription> list(String companyAccountId) {
        return List.copyOf(byCompany.getOrDefault(companyAccountId, List.of()));
    }

    /** Every subscription, for a snapshot (deliveries in flight are not kept). */
    List<Subscription> saved() {
        return byCompany.values().stream().flatMap(List::stream).toList();
    }

    void restore(List<Subscription> saved) {
        for (Subscription s : saved) {
            byCompany.computeIfAbsent(s.companyAccountId(), k -> new CopyOnWriteArrayList<>()).add(s);
            ids.accumulateAndGet(s.id(), Math::max);
        }
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    /**
     * Reports a change; {@code before}/{@code after} render the record (null before on create, after on delete) and
     * are only called when someone subscribed.
     */
    void publish(String companyAccountId, Set<String> modules, String action, long objectId,
                 Supplier<ObjectNode> before, Supplier<ObjectNode> after) {
        List<Subscription> subs = byCompany.get(companyAccountId);
        if (subs == null || subs.isEmpty()) {
            return;
        }
        List<String> changed = null;
        for (Subscription s : subs) {
            if (!modules.contains(s.module()) || !("any".equals(s.action()) || s.action().equals(action))) {
                continue;
            }
            if ("modify".equals(action) && !s.fields().isEmpty()) {
                if (changed == null) {
                    changed = changedFields(before.get(), after.get());
                }
                if (s.fields().stream().noneMatch(changed::contains)) {
                    continue;
                }
            } else if (changed == null && "modify".equals(action)) {
                changed = changedFields(before.get(), after.get());
            }
            ObjectNode body = Json.object();
            body.put("subscription_id", s.id());
            body.put("module", s.module());
            body.put("action", action);
            body.put("object_id", objectId);
            body.put("company_account_id", companyAccountId);
            (changed == null ? List.<String>of() : changed).forEach(body.putArray("changed_fields")::add);
            body.put("date", ScoroDates.document(sandbox.now()));
            byte[] bytes = Json.bytes(body);
            sender.execute(() -> {
                Integer status = send(s.url(), "POST", bytes);
                (status != null && status >= 200 && status < 300 ? delivered : failed).incrementAndGet();
            });
        }
    }

    private static List<String> changedFields(ObjectNode before, ObjectNode after) {
        List<String> out = new ArrayList<>();
        if (before == null || after == null) {
            return out;
        }
        for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("modified_date") && !after.get(f).equals(before.get(f))) {
                out.add(f);
            }
        }
        return out;
    }

    private Integer send(URI url, String method, byte[] body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5));
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            LOG.debug("webhook {} {} failed: {}", method, url, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
