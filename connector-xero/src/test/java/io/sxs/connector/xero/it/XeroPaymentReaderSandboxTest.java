package io.sxs.connector.xero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.invoice.XeroCreditNoteReader;
import io.sxs.connector.xero.payment.XeroOverpaymentReader;
import io.sxs.connector.xero.payment.XeroPaymentMapper;
import io.sxs.connector.xero.payment.XeroPaymentReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payments' readers against the Xero sandbox over HTTP: one GET each, deletes as states, allocations alongside. */
class XeroPaymentReaderSandboxTest extends SandboxTestBase {

    private Map<String, Object> invoice(String contactId, String number) {
        return sandbox.createInvoice(tenant.tenantId(), Map.of("Type", "ACCREC", "InvoiceNumber", number,
                "Contact", Map.of("ContactID", contactId), "Date", "2026-11-02", "DueDate", "2026-11-30", "Status", "AUTHORISED",
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 100, "AccountCode", "200",
                        "TaxType", "OUTPUT2"))));
    }

    @Test
    void oneGetReadsThePaymentsAndADeletedOneIsAStateNotAGap() throws Exception {
        String contact = (String) sandbox.createContact(tenant.tenantId(), Map.of("Name", "Payer")).get("ContactID");
        Map<String, Object> inv = invoice(contact, "PAY-1");
        Map<String, Object> paid = sandbox.createPayment(tenant.tenantId(), Map.of("Invoice", Map.of("InvoiceID", inv.get("InvoiceID")),
                "Account", Map.of("Code", "090"), "Date", "2026-11-10", "Amount", new BigDecimal("50.00")));
        sandbox.deletePayment(tenant.tenantId(), (String) paid.get("PaymentID"));
        sandbox.createPayment(tenant.tenantId(), Map.of("Invoice", Map.of("InvoiceID", inv.get("InvoiceID")),
                "Account", Map.of("Code", "090"), "Date", "2026-11-11", "Amount", new BigDecimal("20.00")));

        ReadPage page = new XeroPaymentReader(client).read(connection, null, 1);

        assertThat(page.apiCalls()).isEqualTo(1);
        assertThat(page.items()).hasSize(2).allSatisfy(i -> assertThat(i.invalidReason()).isNull());
        Payment deleted = (Payment) page.items().stream().filter(i -> i.sourceId().equals(paid.get("PaymentID"))).findFirst()
                .orElseThrow().payload();
        assertThat(deleted.getStatus()).isEqualTo(PaymentStatus.DELETED);
        assertThat(deleted.getDocumentRef()).isEqualTo(inv.get("InvoiceID"));
        assertThat(deleted.getBankAccountRef()).isNotBlank();
        assertThat(deleted.getContactRef()).isEqualTo(contact);
    }

    @Test
    void creditNoteAndOverpaymentAllocationsArePaymentsReadWithTheirRowsAfterTheirStandInAccount() throws Exception {
        String contact = (String) sandbox.createContact(tenant.tenantId(), Map.of("Name", "Credited")).get("ContactID");
        Map<String, Object> inv = invoice(contact, "PAY-2");
        Map<String, Object> note = sandbox.createCreditNote(tenant.tenantId(), Map.of("Type", "ACCRECCREDIT",
                "Contact", Map.of("ContactID", contact), "Date", "2026-11-04", "Status", "AUTHORISED",
                "LineItems", List.of(Map.of("Description", "Back", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200",
                        "TaxType", "OUTPUT2"))));
        sandbox.allocateCreditNote(tenant.tenantId(), (String) note.get("CreditNoteID"), Map.of("Invoice",
                Map.of("InvoiceID", inv.get("InvoiceID")), "Amount", new BigDecimal("12.00"), "Date", "2026-11-04"));
        String over = (String) sandbox.createBankTransaction(tenant.tenantId(), Map.of("Type", "RECEIVE-OVERPAYMENT",
                "Contact", Map.of("ContactID", contact), "BankAccount", Map.of("Code", "090"), "Date", "2026-11-05",
                "LineItems", List.of(Map.of("Description", "Twice", "Quantity", 1, "UnitAmount", 8, "TaxType", "NONE"))))
                .get("OverpaymentID");
        sandbox.allocateOverpayment(tenant.tenantId(), over, Map.of("Invoice", Map.of("InvoiceID", inv.get("InvoiceID")),
                "Amount", new BigDecimal("8.00"), "Date", "2026-11-05"));

        List<ReadItem> notes = new XeroCreditNoteReader(client).read(connection, null, 1).items();
        assertThat(notes).extracting(ReadItem::entity)
                .containsExactly(EntityType.CREDIT_NOTE, EntityType.BANK_ACCOUNT, EntityType.PAYMENT);
        Payment allocation = (Payment) notes.get(2).payload();
        assertThat(allocation.getKind()).isEqualTo(PaymentKind.ALLOCATION);
        assertThat(allocation.getAmount()).isEqualByComparingTo("12.00");
        assertThat(allocation.getBankAccountRef()).isEqualTo(XeroPaymentMapper.Credit.CREDIT_NOTE.accountId);

        ReadPage overpayments = new XeroOverpaymentReader(client).read(connection, null, 1);
        assertThat(overpayments.apiCalls()).isEqualTo(1);
        assertThat(overpayments.items()).extracting(ReadItem::entity)
                .containsExactly(EntityType.OVERPAYMENT, EntityType.BANK_ACCOUNT, EntityType.PAYMENT);
        Payment fromOverpayment = (Payment) overpayments.items().get(2).payload();
        assertThat(fromOverpayment.getDocumentRef()).isEqualTo(inv.get("InvoiceID"));
        assertThat(fromOverpayment.getCreditEntity()).isEqualTo(EntityType.OVERPAYMENT);
        assertThat(fromOverpayment.getAmount()).isEqualByComparingTo("8.00");
    }
}
