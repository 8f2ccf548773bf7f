package io.sxs.connector.xero.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineAmountType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.hash.ContentHasher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class XeroInvoiceMapperTest {

    /** As a paged GET returns it (unitdp=4). */
    static final String GET_INVOICE = """
            {"Type":"ACCREC","InvoiceID":"243216c5-369e-4056-ac67-05388f86dc81","InvoiceNumber":"INV-0001",
             "Reference":"PO 1","Payments":[],"CreditNotes":[],"AmountDue":237.50,"AmountPaid":0.00,"AmountCredited":0.00,
             "CurrencyRate":1.000000,"IsDiscounted":true,"HasErrors":false,
             "Contact":{"ContactID":"bd2270c3-8706-4c11-9cfb-000b551c3f51","Name":"ABC Limited","Addresses":[],"Phones":[]},
             "DateString":"2019-02-26T00:00:00","Date":"/Date(1551139200000+0000)/",
             "DueDateString":"2019-03-26T00:00:00","DueDate":"/Date(1553558400000)/",
             "Status":"AUTHORISED","LineAmountTypes":"Exclusive",
             "LineItems":[
               {"LineItemID":"11111111-1111-1111-1111-111111111111","Description":"Consulting","Quantity":2.0000,
                "UnitAmount":100.1250,"ItemCode":"CONS","AccountCode":"200","TaxType":"OUTPUT2","TaxAmount":40.05,
                "LineAmount":200.25,"DiscountRate":0,
                "Tracking":[{"TrackingCategoryID":"c0000000-0000-0000-0000-000000000001","TrackingOptionID":"d0000000-0000-0000-0000-000000000002","Name":"Region","Option":"North"}]},
               {"LineItemID":"22222222-2222-2222-2222-222222222222","Description":"Licence","Quantity":1.0000,
                "UnitAmount":-2.5000,"AccountCode":"200","TaxType":"OUTPUT2","TaxAmount":-0.50,"LineAmount":-2.50,
                "DiscountRate":10.00,"Tracking":[]}],
             "SubTotal":197.75,"TotalTax":39.55,"Total":237.30,
             "UpdatedDateUTC":"/Date(1551399321043+0000)/","UpdatedDateUTCString":"2019-03-01T00:15:21Z","CurrencyCode":"GBP"}
            """;

    static JsonNode json(String s) throws Exception {
        return XeroJson.MAPPER.readTree(s);
    }

    @Test
    void mapsHeaderLinesAndTracking() throws Exception {
        Invoice inv = XeroInvoiceMapper.toCanonical(json(GET_INVOICE));
        assertThat(inv.getId()).isEqualTo("243216c5-369e-4056-ac67-05388f86dc81");
        assertThat(inv.getNumber()).isEqualTo("INV-0001");
        assertThat(inv.getReference()).isEqualTo("PO 1");
        assertThat(inv.getContactRef()).isEqualTo("bd2270c3-8706-4c11-9cfb-000b551c3f51");
        assertThat(inv.getDate()).isEqualTo(LocalDate.of(2019, 2, 26));
        assertThat(inv.getDueDate()).isEqualTo(LocalDate.of(2019, 3, 26));
        assertThat(inv.getCurrency()).isEqualTo("GBP");
        assertThat(inv.getCurrencyRate()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(inv.getStatus()).isEqualTo(DocumentStatus.AUTHORISED);
        assertThat(inv.getLineAmountType()).isEqualTo(LineAmountType.EXCLUSIVE);
        assertThat(inv.getSubTotal()).isEqualTo(new BigDecimal("197.75"));
        assertThat(inv.getTotalTax()).isEqualTo(new BigDecimal("39.55"));
        assertThat(inv.getTotal()).isEqualTo(new BigDecimal("237.30"));
        assertThat(inv.getAmountDue()).isEqualTo(new BigDecimal("237.50"));
        assertThat(inv.getAmountPaid()).isEqualTo(new BigDecimal("0.00"));
        assertThat(inv.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1551399321043L));
        assertThat(inv.getLines()).hasSize(2);
        DocumentLine l1 = inv.getLines().get(0);
        assertThat(l1.getLineId()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(l1.getQuantity()).isEqualTo(new BigDecimal("2.0000"));
        assertThat(l1.getUnitAmount()).isEqualTo(new BigDecimal("100.1250"));
        assertThat(l1.getDiscountRate()).as("a zero discount is no discount").isNull();
        assertThat(l1.getLineAmount()).isEqualTo(new BigDecimal("200.25"));
        assertThat(l1.getTaxAmount()).isEqualTo(new BigDecimal("40.05"));
        assertThat(l1.getItemCode()).isEqualTo("CONS");
        assertThat(l1.getAccountCode()).isEqualTo("200");
        assertThat(l1.getTaxType()).isEqualTo("OUTPUT2");
        assertThat(l1.getTracking()).hasSize(1);
        assertThat(l1.getTracking().get(0).getCategoryRef()).isEqualTo("c0000000-0000-0000-0000-000000000001");
        assertThat(l1.getTracking().get(0).getOptionRef()).isEqualTo("d0000000-0000-0000-0000-000000000002");
        assertThat(l1.getTracking().get(0).getCategoryName()).isEqualTo("Region");
        assertThat(l1.getTracking().get(0).getOptionName()).isEqualTo("North");
        assertThat(inv.getLines().get(1).getDiscountRate()).isEqualTo(new BigDecimal("10.0000"));
    }

    @Test
    void datesWithoutTheStringTwinUseMsJson() throws Exception {
        ObjectNode n = (ObjectNode) json(GET_INVOICE);
        n.remove("DateString");
        n.remove("DueDateString");
        n.put("Date", "/Date(1551139200000)/");
        Invoice inv = XeroInvoiceMapper.toCanonical(n);
        assertThat(inv.getDate()).isEqualTo(LocalDate.of(2019, 2, 26));
        assertThat(inv.getDueDate()).isEqualTo(LocalDate.of(2019, 3, 26));
    }

    @Test
    void putReplyAndLaterGetHashTheSame() throws Exception {
        Invoice fromGet = XeroInvoiceMapper.toCanonical(json(GET_INVOICE));
        // The PUT reply of the same invoice: new line ids, no DiscountRate on the first line, numbers printed
        // differently, another timestamp and payment state (payments sync on their own).
        ObjectNode reply = (ObjectNode) json(GET_INVOICE);
        reply.put("UpdatedDateUTC", "/Date(1551399000000+0000)/");
        reply.put("AmountDue", new BigDecimal("0.00"));
        reply.put("AmountPaid", new BigDecimal("237.30"));
        ObjectNode line = (ObjectNode) reply.get("LineItems").get(0);
        line.put("LineItemID", "99999999-9999-9999-9999-999999999999");
        line.remove("DiscountRate");
        line.put("Quantity", new BigDecimal("2"));
        line.put("UnitAmount", new BigDecimal("100.125"));
        Invoice fromReply = XeroInvoiceMapper.toCanonical(reply);
        assertThat(ContentHasher.hash(fromReply)).isEqualTo(ContentHasher.hash(fromGet));
        ObjectNode edited = reply.deepCopy();
        edited.put("Reference", "PO 2");
        assertThat(ContentHasher.hash(XeroInvoiceMapper.toCanonical(edited))).isNotEqualTo(ContentHasher.hash(fromGet));
    }

    @Test
    void requestSendsOnlyWritableFields() throws Exception {
        Invoice inv = XeroInvoiceMapper.toCanonical(json(GET_INVOICE));
        ObjectNode req = XeroInvoiceRequestMapper.toRequest(inv, null);
        assertThat(req.get("Type").asText()).isEqualTo("ACCREC");
        assertThat(req.has("InvoiceID")).isFalse();
        assertThat(req.get("Contact").toString()).isEqualTo("{\"ContactID\":\"bd2270c3-8706-4c11-9cfb-000b551c3f51\"}");
        assertThat(req.get("Date").asText()).isEqualTo("2019-02-26");
        assertThat(req.get("DueDate").asText()).isEqualTo("2019-03-26");
        assertThat(req.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(req.get("LineAmountTypes").asText()).isEqualTo("Exclusive");
        for (String readOnly : new String[] {"SubTotal", "TotalTax", "Total", "AmountDue", "AmountPaid", "AmountCredited",
                "UpdatedDateUTC"}) {
            assertThat(req.has(readOnly)).as(readOnly).isFalse();
        }
        JsonNode l1 = req.get("LineItems").get(0);
        assertThat(l1.has("LineItemID")).isFalse();
        assertThat(l1.has("LineAmount")).isFalse();
        assertThat(l1.has("TaxAmount")).isFalse();
        assertThat(l1.has("DiscountRate")).isFalse();
        assertThat(l1.get("UnitAmount").decimalValue()).isEqualByComparingTo("100.125");
        assertThat(l1.get("Tracking").get(0).get("Option").asText()).isEqualTo("North");
        assertThat(req.get("LineItems").get(1).get("DiscountRate").decimalValue()).isEqualByComparingTo("10");

        inv.setStatus(DocumentStatus.PAID);
        assertThat(XeroInvoiceRequestMapper.toRequest(inv, "id-1").has("Status")).isFalse();
        inv.setStatus(DocumentStatus.DRAFT);
        inv.setLineAmountType(LineAmountType.NO_TAX);
        inv.setReference(null);
        ObjectNode update = XeroInvoiceRequestMapper.toRequest(inv, "id-1");
        assertThat(update.get("InvoiceID").asText()).isEqualTo("id-1");
        assertThat(update.get("Status").asText()).isEqualTo("DRAFT");
        assertThat(update.get("LineAmountTypes").asText()).isEqualTo("NoTax");
        assertThat(update.get("Reference").asText()).isEmpty();
    }

    @Test
    void invoiceWithoutContactCannotBeSent() {
        Invoice inv = Invoice.newBuilder().setId("s").setStatus(DocumentStatus.DRAFT).build();
        assertThatThrownBy(() -> XeroInvoiceRequestMapper.toRequest(inv, null))
                .isInstanceOf(MappingException.class).hasMessageContaining("contact");
    }

    @Test
    void malformedAmountsNameTheField() throws Exception {
        ObjectNode tooPrecise = (ObjectNode) json(GET_INVOICE);
        tooPrecise.put("Total", new BigDecimal("237.305"));
        assertThatThrownBy(() -> XeroInvoiceMapper.toCanonical(tooPrecise))
                .isInstanceOf(MappingException.class).hasMessageContaining("Total 237.305 has more than 2 decimals");

        ObjectNode notANumber = (ObjectNode) json(GET_INVOICE);
        ((ObjectNode) notANumber.get("LineItems").get(1)).put("Quantity", "one");
        assertThatThrownBy(() -> XeroInvoiceMapper.toCanonical(notANumber))
                .isInstanceOf(MappingException.class).hasMessageContaining("line 2").hasMessageContaining("Quantity");

        ObjectNode noId = (ObjectNode) json(GET_INVOICE);
        noId.remove("InvoiceID");
        assertThatThrownBy(() -> XeroInvoiceMapper.toCanonical(noId))
                .isInstanceOf(MappingException.class).hasMessageContaining("InvoiceID");

        ObjectNode bill = (ObjectNode) json(GET_INVOICE);
        bill.put("Type", "ACCPAY");
        assertThatThrownBy(() -> XeroInvoiceMapper.toCanonical(bill)).isInstanceOf(MappingException.class);
    }

    @Test
    void deletedAndVoidedKeepTheirStatus() throws Exception {
        for (String s : new String[] {"DELETED", "VOIDED"}) {
            ObjectNode n = (ObjectNode) json(GET_INVOICE);
            n.put("Status", s);
            assertThat(XeroInvoiceMapper.toCanonical(n).getStatus().name()).isEqualTo(s);
        }
    }
}
