package io.sxs.connector.scoro;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.scoro.support.FullReads;
import io.sxs.connector.scoro.support.ScoroSandboxTestBase;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The readers through real HTTP against the Scoro sandbox. */
class ScoroReadersSandboxTest extends ScoroSandboxTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Override
    protected void beforeCompany() {
        sandbox.clock().pin(T0);
    }

    @AfterEach
    void clock() {
        sandbox.clock().reset();
    }

    @Test
    void contactsArePagedBy100UntilAShortPage() throws Exception {
        for (int i = 1; i <= 205; i++) {
            sandbox.createContact(f.companyId(), Map.of("name", "Customer " + i, "is_client", 1));
        }

        ReadPage p1 = f.connector.contactReader().read(f.connection, null, 1);
        ReadPage p2 = f.connector.contactReader().read(f.connection, null, 2);
        ReadPage p3 = f.connector.contactReader().read(f.connection, null, 3);

        assertThat(p1.items()).hasSize(100);
        assertThat(p1.lastPage()).isFalse();
        assertThat(p2.items()).hasSize(100);
        assertThat(p3.items()).hasSize(5);
        assertThat(p3.lastPage()).isTrue();
        assertThat(p1.apiCalls()).isEqualTo(1);
        assertThat(p3.items().get(4).payload()).isInstanceOfSatisfying(Contact.class,
                c -> assertThat(c.getName()).isEqualTo("Customer 205"));
        assertThat(f.connector.contactReader().orderedByModification()).isFalse();
    }

    @Test
    void modifiedDateFilterReadsOnlyLaterChanges() throws Exception {
        long a = id(sandbox.createContact(f.companyId(), Map.of("name", "Old")));
        long b = id(sandbox.createContact(f.companyId(), Map.of("name", "Changed")));
        sandbox.clock().advance(Duration.ofHours(1));
        sandbox.updateContact(f.companyId(), b, Map.of("vatno", "GB1"));

        ReadPage page = f.connector.contactReader().read(f.connection, T0.plus(Duration.ofMinutes(30)), 1);

        assertThat(page.items()).extracting(ReadItem::sourceId).containsExactly(String.valueOf(b));
        ReadItem item = page.items().get(0);
        assertThat(item.modifiedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(item.sourceVersion()).as("the modification time, tagged with the content").startsWith("2026-03-01T11:00:00+00:00#");
        assertThat(((Contact) item.payload()).getTaxNumber()).isEqualTo("GB1");
        // The bound is inclusive: a change at exactly "since" is read.
        assertThat(f.connector.contactReader().read(f.connection, T0, 1).items()).extracting(ReadItem::sourceId)
                .containsExactly(String.valueOf(a), String.valueOf(b));
    }

    @Test
    void deletedContactsComeAsDeletesWithTheirLastState() throws Exception {
        long id = id(sandbox.createContact(f.companyId(), Map.of("name", "Gone Ltd")));
        sandbox.clock().advance(Duration.ofMinutes(5));
        sandbox.deleteContact(f.companyId(), id);

        ReadItem item = f.connector.contactReader().read(f.connection, null, 1).items().get(0);

        assertThat(item.operation()).isEqualTo(Operation.DELETE);
        assertThat(item.sourceId()).isEqualTo(String.valueOf(id));
        assertThat(item.modifiedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(((Contact) item.payload()).getStatus()).isEqualTo(RecordStatus.DELETED);
    }

    @Test
    void invoicesAreViewedForLinesAndCreditInvoicesAreCreditNotes() throws Exception {
        long contact = id(sandbox.createContact(f.companyId(), Map.of("name", "Buyer")));
        long invoice = id(sandbox.createInvoice(f.companyId(), Map.of("company_id", contact, "is_sent", 1, "lines", List.of(
                Map.of("comment", "Work", "price", "100.00", "amount", "1.5", "vat_code_id", 1, "finance_account_id", 1),
                Map.of("comment", "Books", "price", "9.99", "amount", "3", "vat_code_id", 2, "finance_account_id", 2)))));
        long credit = id(sandbox.createInvoice(f.companyId(), Map.of("company_id", contact, "credited_invoices", List.of(invoice),
                "lines", List.of(Map.of("comment", "Refund", "price", "10", "amount", "1", "vat_code_id", 1, "finance_account_id", 1)))));
        long deleted = id(sandbox.createInvoice(f.companyId(), Map.of("company_id", contact, "lines", List.of())));
        sandbox.deleteInvoice(f.companyId(), deleted);

        ReadPage page = new ReadPage(FullReads.page(f.connector.invoiceReader(), f.connection, null, 1), true, 0);

        assertThat(page.items()).extracting(ReadItem::sourceId)
                .containsExactly(String.valueOf(invoice), String.valueOf(credit), String.valueOf(deleted));
        Invoice inv = (Invoice) page.items().get(0).payload();
        assertThat(inv.getDocumentType()).isEqualTo(DocumentType.INVOICE);
        assertThat(inv.getStatus()).isEqualTo(DocumentStatus.AUTHORISED);
        assertThat(inv.getContactRef()).isEqualTo(String.valueOf(contact));
        // Lines carry Scoro's own ids of their finance account and VAT code: the mapper translates them.
        assertThat(inv.getLines()).extracting(DocumentLine::getAccountRef).containsExactly("1", "2");
        assertThat(inv.getLines()).extracting(DocumentLine::getTaxRateRef).containsExactly("1", "2");
        assertThat(inv.getSubTotal()).isEqualTo(new BigDecimal("179.97"));
        // Tax is rounded per line, then summed: 30.00 + 1.50 (5% of 29.97 = 1.4985).
        assertThat(inv.getTotalTax()).isEqualTo(new BigDecimal("31.50"));
        assertThat(inv.getLines()).extracting(DocumentLine::getTaxAmount)
                .containsExactly(new BigDecimal("30.00"), new BigDecimal("1.50"));
        Invoice cn = (Invoice) page.items().get(1).payload();
        assertThat(cn.getDocumentType()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(cn.getCreditedInvoiceRefs()).containsExactly(String.valueOf(invoice));
        assertThat(cn.getStatus()).isEqualTo(DocumentStatus.DRAFT);
        ReadItem gone = page.items().get(2);
        assertThat(gone.operation()).isEqualTo(Operation.DELETE);
        assertThat(((Invoice) gone.payload()).getStatus()).isEqualTo(DocumentStatus.DELETED);
        assertThat(page.items().get(0).sourceVersion()).isEqualTo("2026-03-01 10:00:00");

        // One list, a view per live invoice (none for the deleted one), and no reference list: lines carry ids.
        assertThat(f.calls("invoices/list")).isEqualTo(1);
        assertThat(f.calls("invoices/view")).isEqualTo(2);
        assertThat(f.calls("financeAccounts/list")).isZero();
        assertThat(f.calls("vatCodes/list")).isZero();
        FullReads.page(f.connector.invoiceReader(), f.connection, null, 1);
        assertThat(f.calls("vatCodes/list")).as("a second read needs no reference list either").isZero();
        assertThat(f.calls("invoices/list")).isEqualTo(2);
        ReadPage listedOnly = f.connector.invoiceReader().read(f.connection, null, 1);
        assertThat(f.calls("invoices/view")).as("listing alone views nothing").isEqualTo(4);
        assertThat(listedOnly.items()).filteredOn(ReadItem::summary).hasSize(2);
    }

    @Test
    void invoiceFilterUsesModifiedDate() throws Exception {
        long contact = id(sandbox.createContact(f.companyId(), Map.of("name", "Buyer")));
        sandbox.createInvoice(f.companyId(), Map.of("company_id", contact, "lines", List.of()));
        sandbox.clock().advance(Duration.ofDays(1));
        long later = id(sandbox.createInvoice(f.companyId(), Map.of("company_id", contact, "lines", List.of())));

        ReadPage page = f.connector.invoiceReader().read(f.connection, T0.plusSeconds(1), 1);

        assertThat(page.items()).extracting(ReadItem::sourceId).containsExactly(String.valueOf(later));
        assertThat(page.lastPage()).isTrue();
    }

    static long id(Map<String, Object> row) {
        Object id = row.containsKey("contact_id") ? row.get("contact_id") : row.get("id");
        return Long.parseLong(String.valueOf(id));
    }
}
