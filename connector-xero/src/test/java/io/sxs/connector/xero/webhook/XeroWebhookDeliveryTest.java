package io.sxs.connector.xero.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.schemas.common.EntityType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class XeroWebhookDeliveryTest {

    private static final String KEY = "webhook-key";
    private static final byte[] BODY = ("{\"events\":[{\"resourceUrl\":\"https://api.xero.com/api.xro/2.0/Invoices/i1\","
            + "\"resourceId\":\"i1\",\"eventDateUtc\":\"2026-12-01T10:00:00.123\",\"eventType\":\"UPDATE\","
            + "\"eventCategory\":\"INVOICE\",\"tenantId\":\"t1\",\"tenantType\":\"ORGANISATION\"},"
            + "{\"resourceId\":\"s1\",\"eventCategory\":\"SUBSCRIPTION\",\"tenantId\":\"t1\"}],"
            + "\"firstEventSequence\":1,\"lastEventSequence\":2,\"entropy\":\"x\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyTheHmacOfTheExactBodyWithTheKeyIsAccepted() throws Exception {
        String good = sign(BODY, KEY);
        assertThat(XeroWebhookDelivery.signedBy(BODY, good, KEY)).isTrue();
        byte[] tampered = BODY.clone();
        tampered[10] ^= 1;
        assertThat(XeroWebhookDelivery.signedBy(tampered, good, KEY)).isFalse();
        assertThat(XeroWebhookDelivery.signedBy(BODY, sign(BODY, "another key"), KEY)).isFalse();
        assertThat(XeroWebhookDelivery.signedBy(BODY, null, KEY)).isFalse();
        assertThat(XeroWebhookDelivery.signedBy(BODY, good, null)).as("no key configured").isFalse();
    }

    @Test
    void eventsNameTheEntityTheRecordAndWhenItChanged() throws Exception {
        List<XeroWebhookDelivery.Event> events = XeroWebhookDelivery.events(BODY);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).entity()).isEqualTo(EntityType.INVOICE);
        assertThat(events.get(0).resourceId()).isEqualTo("i1");
        assertThat(events.get(0).eventAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123Z"));
        assertThat(events.get(1).entity()).as("categories the pipeline does not read").isNull();
        assertThatThrownBy(() -> XeroWebhookDelivery.events("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XeroWebhookDelivery.MalformedDeliveryException.class);
        assertThatThrownBy(() -> XeroWebhookDelivery.events("{\"events\":[{\"eventCategory\":\"INVOICE\"}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XeroWebhookDelivery.MalformedDeliveryException.class).hasMessageContaining("tenantId");
    }

    private static String sign(byte[] body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
