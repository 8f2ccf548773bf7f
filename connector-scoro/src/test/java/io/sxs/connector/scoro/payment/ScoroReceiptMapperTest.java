package io.sxs.connector.scoro.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScoroReceiptMapperTest {

    private static Payment payment(EntityType paid) {
        return Payment.newBuilder().setId("p1").setKind(PaymentKind.PAYMENT).setDocumentEntity(paid).setDocumentRef("41")
                .setBankAccountRef("3").setContactRef("7").setDate(LocalDate.of(2026, 11, 10))
                .setAmount(new BigDecimal("80.50")).setCurrency("EUR").setStatus(PaymentStatus.AUTHORISED).build();
    }

    private static JsonNode json(String text) throws Exception {
        return ScoroJson.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void aPaymentIsAReceiptGroupOfOneReceiptOnTheDocumentInItsAccount() {
        ObjectNode r = ScoroReceiptMapper.toRequest(payment(EntityType.INVOICE));
        assertThat(r.get("date").asText()).isEqualTo("2026-11-10");
        assertThat(r.get("receipt_account_id").asInt()).isEqualTo(3);
        assertThat(r.get("contact_id").asInt()).isEqualTo(7);
        assertThat(r.get("currency").asText()).isEqualTo("EUR");
        assertThat(r.get("sales_doc_type").asText()).isEqualTo("invoices");
        assertThat(r.get("receipts")).hasSize(1);
        assertThat(r.get("receipts").get(0).get("invoice_id").asInt()).isEqualTo(41);
        assertThat(r.get("receipts").get(0).get("sum").decimalValue()).isEqualByComparingTo("80.50");
        assertThat(ScoroReceiptMapper.toRequest(payment(EntityType.BILL)).get("sales_doc_type").asText()).isEqualTo("bills");
        assertThat(ScoroReceiptMapper.toRequest(payment(EntityType.CREDIT_NOTE)).get("sales_doc_type").asText())
                .as("a credit invoice is an invoice in Scoro").isEqualTo("invoices");
    }

    @Test
    void whatHasNoReceiptInScoroIsATypedError() {
        assertThatThrownBy(() -> ScoroReceiptMapper.toRequest(payment(EntityType.OVERPAYMENT)))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("has no receipts in Scoro");
        Payment bad = payment(EntityType.INVOICE);
        bad.setDocumentRef("xero-guid");
        assertThatThrownBy(() -> ScoroReceiptMapper.toRequest(bad)).isInstanceOf(ScoroMappingException.class)
                .hasMessageContaining("is not a Scoro id");
    }

    @Test
    void aLostCreateIsRecognisedByItsContentNotByAnyGroupOfTheSameDay() throws Exception {
        ObjectNode request = ScoroReceiptMapper.toRequest(payment(EntityType.INVOICE));
        JsonNode same = json("{'id':9,'date':'2026-11-10','receipt_account_id':3,'sales_doc_type':'invoices','is_deleted':0,"
                + "'receipts':[{'receipt_id':1,'invoice_id':41,'prepayment_id':null,'sum':'80.5'}]}");
        assertThat(ScoroReceiptMapper.sameReceipt(request, same)).isTrue();
        assertThat(ScoroReceiptMapper.sameReceipt(request, json(same.toString().replace("\"sum\":\"80.5\"", "\"sum\":\"80.6\""))))
                .isFalse();
        assertThat(ScoroReceiptMapper.sameReceipt(request, json(same.toString().replace("\"receipt_account_id\":3",
                "\"receipt_account_id\":4")))).isFalse();
        assertThat(ScoroReceiptMapper.sameReceipt(request, json(same.toString().replace("\"is_deleted\":0", "\"is_deleted\":1"))))
                .isFalse();
    }

    @Test
    void aReceiptReadBackIsAPaymentInScorosIds() throws Exception {
        Payment p = ScoroReceiptMapper.toCanonical(json("{'id':9,'date':'2026-11-10','contact_id':7,'currency':'GBP',"
                + "'sales_doc_type':'bills','receipt_account_id':3,'modified_date':'2026-11-10T10:00:00+00:00','is_deleted':0,"
                + "'receipts':[{'receipt_id':1,'invoice_id':41,'prepayment_id':null,'sum':'80.50'}]}"));
        assertThat(p.getId()).isEqualTo("9");
        assertThat(p.getDocumentEntity()).isEqualTo(EntityType.BILL);
        assertThat(p.getDocumentRef()).isEqualTo("41");
        assertThat(p.getBankAccountRef()).isEqualTo("3");
        assertThat(p.getAmount()).isEqualByComparingTo("80.50");
    }
}
