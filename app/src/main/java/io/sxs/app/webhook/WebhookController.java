package io.sxs.app.webhook;

import io.sxs.connector.scoro.webhook.ScoroWebhookSubscriptions;
import io.sxs.connector.xero.webhook.XeroWebhookDelivery;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook endpoints. Neither carries data the pipeline trusts: each accepted event only becomes a hint that the
 * owning connector reads that record through the API. Xero deliveries must carry a valid {@code x-xero-signature}
 * (else 401, which is also the answer intent-to-receive expects); Scoro's hints are unsigned, so their URL carries a
 * per-connection token derived from the secrets key, and a wrong token is answered 404. A delivery accepted before
 * and sent again is refused with 409 ({@link WebhookReplays}).
 */
@RestController
public class WebhookController {

    public static final String SCORO_TOKEN = "scoro-webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final DateTimeFormatter SCORO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final XeroWebhookKey xeroKey;
    private final SecretCipher cipher;
    private final ConnectionDirectory connections;
    private final HintPublisher hints;
    private final Clock clock = Clock.systemUTC();
    private final WebhookReplays replays = new WebhookReplays();

    public WebhookController(XeroWebhookKey xeroKey, SecretCipher cipher, ConnectionDirectory connections, HintPublisher hints) {
        this.xeroKey = xeroKey;
        this.cipher = cipher;
        this.connections = connections;
        this.hints = hints;
    }

    @PostMapping("/webhooks/xero")
    public ResponseEntity<Void> xero(@RequestBody(required = false) byte[] body,
                                     @RequestHeader(name = "x-xero-signature", required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!xeroKey.present() || !XeroWebhookDelivery.signedBy(raw, signature, xeroKey.value())) {
            log.warn("Refused a Xero webhook delivery ({} bytes): {}", raw.length, !xeroKey.present() ? "no webhook key is configured"
                    : signature == null ? "unsigned" : "the signature does not match");
            return ResponseEntity.status(401).build();
        }
        List<XeroWebhookDelivery.Event> events;
        try {
            events = XeroWebhookDelivery.events(raw);
        } catch (XeroWebhookDelivery.MalformedDeliveryException e) {
            log.warn("A signed Xero webhook delivery could not be read: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
        // Intent-to-receive checks (no events) may repeat; a delivery with events is accepted once (its signature
        // covers its entropy and sequence numbers, so it names it).
        if (!events.isEmpty() && !replays.firstTime("xero:" + signature)) {
            log.warn("Refused a replayed Xero webhook delivery ({} events, accepted before)", events.size());
            return ResponseEntity.status(409).build();
        }
        Map<String, SourceHint> byTarget = new LinkedHashMap<>();
        for (XeroWebhookDelivery.Event event : events) {
            for (EntityType entity : XeroWebhookDelivery.entitiesOf(event)) {
                for (ConnectionConfig connection : connections.byXeroTenant(event.tenantId())) {
                    SourceHint hint = byTarget.computeIfAbsent(connection.getConnectionId() + "/" + entity,
                            k -> hint(connection.getConnectionId(), SystemType.XERO, entity, "xero-webhook"));
                    hint.getIds().add(event.resourceId());
                    hint.setEventAt(later(hint.getEventAt(), event.eventAt()));
                }
            }
        }
        byTarget.values().forEach(hints::publish);
        return ResponseEntity.ok().build();
    }

    /** Scoro checks the address with a GET when a subscription is saved. */
    @GetMapping("/webhooks/scoro/{connectionId}/{token}")
    public ResponseEntity<Void> scoroCheck(@PathVariable String connectionId, @PathVariable String token) {
        return known(connectionId, token).isPresent() ? ResponseEntity.ok().build() : ResponseEntity.notFound().build();
    }

    @PostMapping("/webhooks/scoro/{connectionId}/{token}")
    public ResponseEntity<Void> scoro(@PathVariable String connectionId, @PathVariable String token,
                                      @RequestBody(required = false) Map<String, Object> body) {
        Optional<ConnectionConfig> connection = known(connectionId, token);
        if (connection.isEmpty()) {
            log.warn("Refused a Scoro webhook hint for connection {}: unknown connection or wrong token", connectionId);
            return ResponseEntity.notFound().build();
        }
        if (body == null) {
            return ResponseEntity.badRequest().build();
        }
        Object company = body.get("company_account_id");
        if (company != null && !String.valueOf(company).equals(connection.get().getScoro().getCompanyAccountId())) {
            log.warn("Refused a Scoro webhook hint for connection {}: it is about another company", connectionId);
            return ResponseEntity.badRequest().build();
        }
        EntityType entity = ScoroWebhookSubscriptions.entityOf(body.get("module") == null ? null : String.valueOf(body.get("module")));
        Object id = body.get("object_id");
        if (entity == null || id == null) {
            return ResponseEntity.ok().build(); // news about something the pipeline does not read
        }
        if ("modify".equals(body.get("action")) && ScoroWebhookSubscriptions.onlyPaymentState(body.get("changed_fields"))) {
            return ResponseEntity.ok().build(); // a receipt moved its paid state: nothing the sync carries changed
        }
        if (!replays.firstTime("scoro:" + connectionId + ":" + new java.util.TreeMap<>(body))) {
            log.warn("Refused a replayed Scoro webhook hint for connection {} ({} {})", connectionId, entity, id);
            return ResponseEntity.status(409).build();
        }
        SourceHint hint = hint(connectionId, SystemType.SCORO, entity, "scoro-webhook");
        hint.getIds().add(String.valueOf(id));
        hint.setEventAt(scoroDate(body.get("date")));
        hints.publish(hint);
        return ResponseEntity.ok().build();
    }

    private Optional<ConnectionConfig> known(String connectionId, String token) {
        if (!cipher.tokenMatches(SCORO_TOKEN, connectionId, token)) {
            return Optional.empty();
        }
        return connections.get(connectionId);
    }

    private SourceHint hint(String connectionId, SystemType system, EntityType entity, String source) {
        return SourceHint.newBuilder().setHintId(UUID.randomUUID().toString()).setConnectionId(connectionId)
                .setSystem(system).setEntity(entity).setIds(new ArrayList<>()).setReceivedAt(clock.instant())
                .setSource(source).build();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant scoroDate(Object date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(String.valueOf(date), SCORO_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
