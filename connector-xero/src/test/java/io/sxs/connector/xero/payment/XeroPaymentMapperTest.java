package io.sxs.connector.xero.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroPaymentMapperTest {

    private static JsonNode json(String text) throws Exception {
        return XeroJson.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static final String FOREIGN = "{'PaymentID':'p1','Date':'/Date(1794268800000+0000)/','Amount':115.00,"
            + "'BankAmount':100.00,'CurrencyRate':1.150000,'Reference':'wire','PaymentType':'ACCRECPAYMENT',"
            + "'Status':'AUTHORISED','IsReconciled':true,'UpdatedDateUTC':'/Date(1794268800000+0000)/',"
            + "'Account':{'AccountID':'bank-1','Code':'090'},"
            + "'Invoice':{'Type':'ACCREC','InvoiceID':'inv-1','InvoiceNumber':'INV-1','CurrencyCode':'EUR',"
            + "'Contact':{'ContactID':'c-1'}}}";

    @Test
    void aPaymentNamesWhatItPaysTheBankAndTheContactAndKeepsTheForeignAmountsExactly() throws Exception {
        Payment p = XeroPaymentMapper.toPayment(json(FOREIGN));
        assertThat(p.getKind()).isEqualTo(PaymentKind.PAYMENT);
        assertThat(p.getDocumentEntity()).isEqualTo(EntityType.INVOICE);
        assertThat(p.getDocumentRef()).isEqualTo("inv-1");
        assertThat(p.getBankAccountRef()).isEqualTo("bank-1");
        assertThat(p.getContactRef()).isEqualTo("c-1");
        assertThat(p.getDate()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(p.getAmount()).isEqualByComparingTo("115.00");
        assertThat(p.getBankAmount()).isEqualByComparingTo("100.00");
        assertThat(p.getCurrency()).isEqualTo("EUR");
        assertThat(p.getCurrencyRate()).isEqualByComparingTo("1.15");
        assertThat(p.getStatus()).isEqualTo(PaymentStatus.AUTHORISED);
        assertThat(p.getIsReconciled()).isTrue();
    }

    @Test
    void billPaymentsAndCreditNoteRefundsAreToldApartByTheDocumentType() throws Exception {
        Payment bill = XeroPaymentMapper.toPayment(json(FOREIGN.replace("'Type':'ACCREC'", "'Type':'ACCPAY'")));
        assertThat(bill.getDocumentEntity()).isEqualTo(EntityType.BILL);
        Payment refund = XeroPaymentMapper.toPayment(json(FOREIGN.replace("'Type':'ACCREC'", "'Type':'ACCRECCREDIT'")
                .replace("ACCRECPAYMENT", "ARCREDITPAYMENT")));
        assertThat(refund.getDocumentEntity()).isEqualTo(EntityType.CREDIT_NOTE);
        assertThat(refund.getKind()).isEqualTo(PaymentKind.REFUND);
        assertThat(XeroPaymentMapper.paidEntity(json("{'PaymentID':'p','Prepayment':{'PrepaymentID':'x'}}")))
                .as("prepayment refunds are not carried yet").isNull();
        assertThat(XeroPaymentMapper.paidEntity(json(FOREIGN.replace("'Type':'ACCREC'", "'Type':'ACCPAYCREDIT'"))))
                .as("purchase credit notes are not synced").isNull();
    }

    @Test
    void aDeletedPaymentIsAStateSoItsReceiptCanBeRemoved() throws Exception {
        Payment p = XeroPaymentMapper.toPayment(json(FOREIGN.replace("'Status':'AUTHORISED'", "'Status':'DELETED'")));
        assertThat(p.getStatus()).isEqualTo(PaymentStatus.DELETED);
    }

    @Test
    void malformedPaymentsAreTypedErrorsNamingThePayment() {
        assertThatThrownBy(() -> XeroPaymentMapper.toPayment(json(FOREIGN.replace("115.00", "115.001"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("payment p1").hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> XeroPaymentMapper.toPayment(json(FOREIGN.replace("'Amount':115.00", "'Amount':0"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> XeroPaymentMapper.toPayment(json(FOREIGN.replace("'AccountID':'bank-1',", ""))))
                .isInstanceOf(MappingException.class).hasMessageContaining("Account.AccountID");
        assertThatThrownBy(() -> XeroPaymentMapper.toPayment(json(FOREIGN.replace("'Status':'AUTHORISED'", "'Status':'WEIRD'"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("unknown Status WEIRD");
    }

    @Test
    void eachAllocationOfACreditNoteIsAPaymentOfTheInvoiceItSettlesThroughTheCreditAccount() throws Exception {
        List<Payment> allocations = XeroPaymentMapper.allocations(json("{'CreditNoteID':'cn-1','CreditNoteNumber':'CN-1',"
                + "'Date':'/Date(1794268800000+0000)/','CurrencyCode':'GBP','Contact':{'ContactID':'c-1'},'Allocations':["
                + "{'AllocationID':'a1','Amount':30.00,'Date':'/Date(1794355200000+0000)/','Invoice':{'InvoiceID':'inv-1'}},"
                + "{'AllocationID':'a2','Amount':10.00,'Invoice':{'InvoiceID':'inv-2'},'IsDeleted':true}]}"),
                XeroPaymentMapper.Credit.CREDIT_NOTE);
        assertThat(allocations).hasSize(2);
        Payment first = allocations.get(0);
        assertThat(first.getId()).isEqualTo("a1");
        assertThat(first.getKind()).isEqualTo(PaymentKind.ALLOCATION);
        assertThat(first.getDocumentRef()).isEqualTo("inv-1");
        assertThat(first.getCreditEntity()).isEqualTo(EntityType.CREDIT_NOTE);
        assertThat(first.getCreditRef()).isEqualTo("cn-1");
        assertThat(first.getBankAccountRef()).isEqualTo(XeroPaymentMapper.Credit.CREDIT_NOTE.accountId);
        assertThat(first.getDate()).isEqualTo(LocalDate.of(2026, 11, 11));
        assertThat(allocations.get(1).getDate()).as("the credit note's date when the allocation has none")
                .isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(allocations.get(1).getStatus()).isEqualTo(PaymentStatus.DELETED);
        assertThat(XeroPaymentMapper.allocations(json("{'CreditNoteID':'cn-2'}"), XeroPaymentMapper.Credit.CREDIT_NOTE)).isEmpty();
    }

    @Test
    void anOverpaymentsAllocationsPayTheInvoicesOrForSpendOverpaymentsTheBillsTheySettle() throws Exception {
        String row = "{'OverpaymentID':'op-1','Type':'RECEIVE-OVERPAYMENT','Reference':'paid twice','CurrencyCode':'GBP',"
                + "'Date':'/Date(1794268800000+0000)/','Allocations':[{'AllocationID':'a9','Amount':30.00,"
                + "'Date':'/Date(1794268800000+0000)/','Invoice':{'InvoiceID':'inv-3'}}]}";
        Payment p = XeroPaymentMapper.allocations(json(row), XeroPaymentMapper.Credit.OVERPAYMENT).get(0);
        assertThat(p.getDocumentEntity()).isEqualTo(EntityType.INVOICE);
        assertThat(p.getCreditEntity()).isEqualTo(EntityType.OVERPAYMENT);
        assertThat(p.getCreditRef()).isEqualTo("op-1");
        assertThat(p.getBankAccountRef()).isEqualTo(XeroPaymentMapper.Credit.OVERPAYMENT.accountId);
        assertThat(p.getReference()).isEqualTo("paid twice");
        Payment spend = XeroPaymentMapper.allocations(json(row.replace("RECEIVE-", "SPEND-")), XeroPaymentMapper.Credit.OVERPAYMENT).get(0);
        assertThat(spend.getDocumentEntity()).isEqualTo(EntityType.BILL);
    }

    @Test
    void aPrepaymentsAllocationsPayTheInvoicesTheySettleAndItsRefundsAreSummed() throws Exception {
        String row = "{'PrepaymentID':'pp-1','Type':'RECEIVE-PREPAYMENT','Reference':'PP-1','CurrencyCode':'GBP',"
                + "'Date':'/Date(1794268800000+0000)/','Allocations':[{'AllocationID':'a7','Amount':70.00,"
                + "'Date':'/Date(1794268800000+0000)/','Invoice':{'InvoiceID':'inv-4'}}],"
                + "'Payments':[{'PaymentID':'r1','Amount':20.00},{'PaymentID':'r2','Amount':5.50}]}";
        Payment p = XeroPaymentMapper.allocations(json(row), XeroPaymentMapper.Credit.PREPAYMENT).get(0);
        assertThat(p.getKind()).isEqualTo(PaymentKind.ALLOCATION);
        assertThat(p.getDocumentRef()).isEqualTo("inv-4");
        assertThat(p.getCreditEntity()).isEqualTo(EntityType.PREPAYMENT);
        assertThat(p.getBankAccountRef()).isEqualTo(XeroPaymentMapper.Credit.PREPAYMENT.accountId);
        assertThat(XeroPaymentMapper.refunded(json(row), XeroPaymentMapper.Credit.PREPAYMENT)).isEqualByComparingTo("25.50");
        assertThat(XeroPaymentMapper.refunded(json("{'PrepaymentID':'pp-2'}"), XeroPaymentMapper.Credit.PREPAYMENT)).isZero();
        assertThatThrownBy(() -> XeroPaymentMapper.refunded(json("{'PrepaymentID':'pp-3','Payments':[{'PaymentID':'r3','Amount':-1}]}"),
                XeroPaymentMapper.Credit.PREPAYMENT)).isInstanceOf(MappingException.class).hasMessageContaining("prepayment pp-3")
                .hasMessageContaining("refund r3");
    }
}
