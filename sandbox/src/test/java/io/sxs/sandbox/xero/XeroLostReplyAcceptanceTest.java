package io.sxs.sandbox.xero;

import static io.sxs.sandbox.support.XeroClient.wrap;
import io.sxs.sandbox.support.XeroSandboxTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroClient;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lost-reply fault, seen only through the API as a client would: the write happens, the client sees a failure,
 * a later GET shows the write, and a retry with the same Idempotency-Key replays the first reply without writing again.
 */
class XeroLostReplyAcceptanceTest extends XeroSandboxTest {

    @Test
    void aLostReplyWriteIsVisibleLaterAndAnIdempotentRetryDoesNotWriteTwice() {
        XeroClient c = new XeroClient(xero, xero.createTenant("Lost Reply Ltd"));
        XeroClient other = new XeroClient(xero, c.tenant());
        Map<String, Object> body = wrap("Invoices", Map.of("Type", "ACCREC", "InvoiceNumber", "LR-1",
                "Contact", Map.of("Name", "Lost Reply Customer"), "Status", "AUTHORISED",
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 100, "AccountCode", "200",
                        "TaxType", "OUTPUT2"))));
        createContact(c, "Lost Reply Customer");
        xero.faults(c.tenant().tenantId()).loseNextReplies(1);

        assertThatThrownBy(() -> c.put("/Invoices?summarizeErrors=false", body, "Idempotency-Key", "inv-LR-1"))
                .as("the client sees a failure").isInstanceOf(UncheckedIOException.class);

        JsonNode afterFailure = other.get("/Invoices?InvoiceNumbers=LR-1&page=1").body().get("Invoices");
        assertThat(afterFailure).as("the write happened").hasSize(1);
        String invoiceId = afterFailure.get(0).get("InvoiceID").asText();

        HttpJson.Reply retry = c.put("/Invoices?summarizeErrors=false", body, "Idempotency-Key", "inv-LR-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("Invoices").get(0).get("InvoiceID").asText()).isEqualTo(invoiceId);
        assertThat(other.get("/Invoices?page=1").body().get("Invoices")).as("nothing written twice").hasSize(1);

        HttpJson.Reply withoutKey = c.put("/Invoices?summarizeErrors=false", body);
        assertThat(withoutKey.body().get("Invoices").get(0).get("HasErrors").asBoolean())
                .as("without the key the retry is a new write, refused by the unique ACCREC number").isTrue();
        assertThat(other.get("/Invoices?page=1").body().get("Invoices")).hasSize(1);
    }

    private static void createContact(XeroClient c, String name) {
        assertThat(c.put("/Contacts", wrap("Contacts", Map.of("Name", name))).status()).isEqualTo(200);
    }
}
