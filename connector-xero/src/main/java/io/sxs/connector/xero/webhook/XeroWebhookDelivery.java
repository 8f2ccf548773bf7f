package io.sxs.connector.xero.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.schemas.common.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One POST from Xero's webhooks: the signature check ({@code x-xero-signature} = base64(HMAC-SHA256(raw body, key)),
 * compared in constant time) and the events it carries. Xero's intent-to-receive probes are deliveries with no
 * events, some signed correctly and some not; the endpoint answers 200 or 401 just the same.
 */
public final class XeroWebhookDelivery {

    /** One change Xero announced; {@code entity} is null for categories the pipeline does not read. */
    public record Event(String tenantId, String category, EntityType entity, String resourceId, String eventType,
                        Instant eventAt) {
    }

    /** A delivery that is signed but cannot be read. */
    public static final class MalformedDeliveryException extends Exception {
        public MalformedDeliveryException(String message) {
            super(message);
        }
    }

    private XeroWebhookDelivery() {
    }

    /** True when the signature is the HMAC of exactly these bytes with this key. */
    public static boolean signedBy(byte[] body, String signature, String key) {
        if (signature == null || signature.isBlank() || key == null || key.isEmpty()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
            return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The events of a (verified) delivery. */
    public static List<Event> events(byte[] body) throws MalformedDeliveryException {
        JsonNode root;
        try {
            root = XeroJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedDeliveryException("webhook body is not JSON: " + e.getMessage());
        }
        if (root == null || !root.path("events").isArray()) {
            throw new MalformedDeliveryException("webhook body has no events array");
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode e : root.get("events")) {
            String tenant = e.path("tenantId").asText(null);
            String resource = e.path("resourceId").asText(null);
            String category = e.path("eventCategory").asText("");
            if (tenant == null || resource == null) {
                throw new MalformedDeliveryException("webhook event without tenantId or resourceId");
            }
            events.add(new Event(tenant, category, entityOf(category), resource, e.path("eventType").asText(null),
                    instant(e.path("eventDateUtc").asText(null))));
        }
        return events;
    }

    /**
     * The entities Xero's webhooks announce (its CONTACT, INVOICE and CREDITNOTE event categories, and payments and
     * overpayments through the documents they pay).
     */
    public static final java.util.Set<EntityType> ENTITIES = java.util.Set.of(EntityType.CONTACT, EntityType.INVOICE,
            EntityType.CREDIT_NOTE, EntityType.PAYMENT, EntityType.OVERPAYMENT, EntityType.PREPAYMENT);

    /**
     * The entities an event's change may be: Xero has no payment or overpayment events, a payment (or refund, or an
     * overpayment's allocation) is announced as an UPDATE of the invoice or credit note it pays, so that news also
     * brings the payments' and overpayments' polls forward.
     */
    public static java.util.List<EntityType> entitiesOf(Event event) {
        if (event.entity() == null) {
            return java.util.List.of();
        }
        return switch (event.entity()) {
            case INVOICE -> java.util.List.of(EntityType.INVOICE, EntityType.PAYMENT, EntityType.OVERPAYMENT,
                    EntityType.PREPAYMENT);
            case CREDIT_NOTE -> java.util.List.of(EntityType.CREDIT_NOTE, EntityType.PAYMENT);
            default -> java.util.List.of(event.entity());
        };
    }

    private static EntityType entityOf(String category) {
        return switch (category.toUpperCase(java.util.Locale.ROOT)) {
            case "CONTACT" -> EntityType.CONTACT;
            case "INVOICE" -> EntityType.INVOICE;
            case "CREDITNOTE" -> EntityType.CREDIT_NOTE;
            default -> null;
        };
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
