package io.sxs.connector.xero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.client.XeroDates;
import io.sxs.connector.xero.contact.XeroContactReader;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XeroReaderSandboxTest extends SandboxTestBase {

    @Test
    void contactsArePagedInModificationOrderWithArchivedOnes() throws Exception {
        sandbox.clock().pin(Instant.parse("2024-05-01T10:00:00Z"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add((String) userCreatesContact("Customer " + i, "N-" + i).get("ContactID"));
            sandbox.clock().advance(Duration.ofSeconds(1));
        }
        // Touching the first makes it the newest; archiving the second must still be seen.
        sandbox.updateContact(tenant.tenantId(), ids.get(0), Map.of("EmailAddress", "one@example.com"));
        sandbox.clock().advance(Duration.ofSeconds(1));
        sandbox.updateContact(tenant.tenantId(), ids.get(1), Map.of("ContactStatus", "ARCHIVED"));

        XeroContactReader reader = new XeroContactReader(client, 2);
        assertThat(reader.orderedByModification()).isTrue();
        List<ReadItem> all = new ArrayList<>();
        ReadPage page;
        int n = 0;
        do {
            page = reader.read(connection, null, ++n);
            assertThat(page.apiCalls()).isEqualTo(1);
            all.addAll(page.items());
        } while (!page.lastPage());
        assertThat(n).isEqualTo(3);
        assertThat(all).extracting(ReadItem::sourceId)
                .containsExactly(ids.get(2), ids.get(3), ids.get(4), ids.get(0), ids.get(1));
        assertThat(all).allSatisfy(i -> {
            assertThat(i.operation()).isEqualTo(Operation.UPSERT);
            assertThat(i.invalidReason()).isNull();
            assertThat(i.sourceVersion()).startsWith("/Date(");
            assertThat(i.modifiedAt()).isEqualTo(XeroDates.parseTimestamp(i.sourceVersion()));
        });
        Contact archived = (Contact) all.get(4).payload();
        assertThat(archived.getStatus()).isEqualTo(RecordStatus.ARCHIVED);
        assertThat(((Contact) all.get(3).payload()).getEmail()).isEqualTo("one@example.com");
    }

    @Test
    void ifModifiedSinceReturnsOnlyLaterChanges() throws Exception {
        sandbox.clock().pin(Instant.parse("2024-05-01T10:00:00Z"));
        String a = (String) userCreatesContact("Alpha", null).get("ContactID");
        userCreatesContact("Beta", null);
        sandbox.clock().advance(Duration.ofMinutes(5));
        sandbox.updateContact(tenant.tenantId(), a, Map.of("Name", "Alpha Ltd"));

        ReadPage page = new XeroContactReader(client).read(connection, Instant.parse("2024-05-01T10:02:00.400Z"), 1);
        assertThat(page.items()).extracting(ReadItem::sourceId).containsExactly(a);
        assertThat(((Contact) page.items().get(0).payload()).getName()).isEqualTo("Alpha Ltd");
        assertThat(page.lastPage()).isTrue();

        ReadPage none = new XeroContactReader(client).read(connection, Instant.parse("2024-05-01T10:06:00Z"), 1);
        assertThat(none.items()).isEmpty();
        assertThat(none.lastPage()).isTrue();
    }

    @Test
    void invoicesAndBillsComeInTheSamePagesWithLinesAndTombstones() throws Exception {
        String contact = (String) userCreatesContact("Buyer", null).get("ContactID");
        String inv1 = (String) userCreatesInvoice("ACCREC", contact, "INV-1", "DRAFT").get("InvoiceID");
        userCreatesInvoice("ACCPAY", contact, "BILL-1", "DRAFT");
        String inv2 = (String) userCreatesInvoice("ACCREC", contact, "INV-2", "AUTHORISED").get("InvoiceID");
        sandbox.updateInvoice(tenant.tenantId(), inv1, Map.of("Status", "DELETED"));
        sandbox.updateInvoice(tenant.tenantId(), inv2, Map.of("Status", "VOIDED"));

        ReadPage page = new XeroInvoiceReader(client).read(connection, null, 1);
        assertThat(page.lastPage()).isTrue();
        assertThat(page.apiCalls()).as("one call for both").isEqualTo(1);
        assertThat(page.items()).filteredOn(i -> i.entity() == io.sxs.schemas.common.EntityType.BILL).singleElement()
                .satisfies(b -> assertThat(((io.sxs.schemas.entity.Bill) b.payload()).getNumber()).isEqualTo("BILL-1"));
        assertThat(page.items()).filteredOn(i -> i.entity() == io.sxs.schemas.common.EntityType.INVOICE).hasSize(2).allSatisfy(i -> {
            assertThat(i.operation()).isEqualTo(Operation.UPSERT);
            assertThat(i.invalidReason()).isNull();
        });
        Invoice deleted = (Invoice) page.items().stream().filter(i -> i.sourceId().equals(inv1)).findFirst().orElseThrow().payload();
        Invoice voided = (Invoice) page.items().stream().filter(i -> i.sourceId().equals(inv2)).findFirst().orElseThrow().payload();
        assertThat(deleted.getStatus()).isEqualTo(DocumentStatus.DELETED);
        assertThat(voided.getStatus()).isEqualTo(DocumentStatus.VOIDED);
        assertThat(voided.getContactRef()).isEqualTo(contact);
        assertThat(voided.getLines()).hasSize(1);
        assertThat(voided.getLines().get(0).getUnitAmount()).isEqualTo(new BigDecimal("50.5000"));
        assertThat(voided.getLines().get(0).getLineAmount()).isEqualTo(new BigDecimal("101.00"));
        assertThat(voided.getTotal()).isEqualTo(new BigDecimal("121.20"));
    }
}
