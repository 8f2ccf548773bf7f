package io.sxs.connector.scoro.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.source.ApiException;
import io.sxs.schemas.common.EntityType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scoro webhooks as change hints: one {@code any} subscription per module the pipeline reads, pointing at this
 * deployment. Scoro publishes no payload format or signature, so a hint only says which record to read (with
 * {@code view}); the URL carries a per-connection token so that nobody else can make the pipeline read. Subscribing
 * is idempotent: the existing subscriptions are listed first (one call), and only missing ones are added.
 */
public final class ScoroWebhookSubscriptions {

    /** Modules subscribed, and the entity each one's hints are about. */
    public static final Map<String, EntityType> MODULES;

    static {
        Map<String, EntityType> modules = new LinkedHashMap<>();
        modules.put("contacts", EntityType.CONTACT);
        modules.put("invoices", EntityType.INVOICE);
        modules.put("bills", EntityType.BILL);
        modules.put("prepayments", EntityType.PREPAYMENT);
        MODULES = java.util.Collections.unmodifiableMap(modules);
    }

    /**
     * A document's fields that receipts move (payments come from Xero, and a document's paid state is not part of what
     * the sync carries): a hint that names only these is the echo of a receipt and needs no read.
     */
    private static final Set<String> PAYMENT_STATE = Set.of("paid_sum", "receivable_sum", "status", "modified_date");

    private ScoroWebhookSubscriptions() {
    }

    /** True when a hint's {@code changed_fields} (a list, when the hint has one) are all payment state. */
    public static boolean onlyPaymentState(Object changedFields) {
        if (!(changedFields instanceof java.util.Collection<?> fields) || fields.isEmpty()) {
            return false;
        }
        return fields.stream().allMatch(f -> PAYMENT_STATE.contains(String.valueOf(f)));
    }

    /** The entity a hint's module is about (companies and persons are contacts), or null. */
    public static EntityType entityOf(String module) {
        if (module == null) {
            return null;
        }
        String m = module.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "companies", "persons" -> EntityType.CONTACT;
            default -> MODULES.get(m);
        };
    }

    /** Makes sure every module has an {@code any} subscription to {@code url}; returns the entities covered. */
    public static Set<EntityType> ensure(ScoroClient client, String url) throws ApiException {
        Set<String> present = new HashSet<>();
        for (JsonNode s : client.list("webhooks", null, 1, ScoroClient.MAX_PER_PAGE, false)) {
            if (url.equals(ScoroValues.text(s, "url")) && "any".equals(ScoroValues.text(s, "action"))) {
                present.add(ScoroValues.text(s, "module"));
            }
        }
        Set<EntityType> covered = new HashSet<>();
        for (Map.Entry<String, EntityType> module : MODULES.entrySet()) {
            if (!present.contains(module.getKey())) {
                ObjectNode request = ScoroJson.object().put("module", module.getKey()).put("action", "any").put("url", url);
                client.action("webhooks", "subscribe", request);
            }
            covered.add(module.getValue());
        }
        return covered;
    }
}
