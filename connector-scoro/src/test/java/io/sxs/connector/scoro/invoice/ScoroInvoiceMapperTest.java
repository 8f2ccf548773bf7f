package io.sxs.connector.scoro.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.support.Json;
import io.sxs.connector.scoro.support.TestRefs;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.LineAmountType;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.hash.ContentHasher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScoroInvoiceMapperTest {

    private final ReferenceData refs = TestRefs.sandboxLike();

    private ObjectNode view() {
        return (ObjectNode) Json.resource("invoice-view.json");
    }

    @Test
    void mapsHeaderTotalsAndStatus() {
        Invoice inv = ScoroInvoiceMapper.toCanonical(view());

        assertThat(inv.getId()).isEqualTo("42");
        assertThat(inv.getDocumentType()).isEqualTo(DocumentType.INVOICE);
        assertThat(inv.getNumber()).isEqualTo("INV-1042");
        assertThat(inv.getReference()).isEqualTo("PO-7");
        assertThat(inv.getContactRef()).isEqualTo("17");
        assertThat(inv.getDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(inv.getDueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(inv.getCurrency()).isEqualTo("EUR");
        assertThat(inv.getCurrencyRate()).isEqualTo(new BigDecimal("1.174500"));
        assertThat(inv.getStatus()).isEqualTo(DocumentStatus.AUTHORISED);
        assertThat(inv.getLineAmountType()).isEqualTo(LineAmountType.EXCLUSIVE);
        assertThat(inv.getSubTotal()).isEqualTo(new BigDecimal("135.00"));
        assertThat(inv.getTotalTax()).isEqualTo(new BigDecimal("20.25"));
        assertThat(inv.getTotal()).isEqualTo(new BigDecimal("155.25"));
        assertThat(inv.getAmountPaid()).isEqualTo(new BigDecimal("0.00"));
        assertThat(inv.getAmountDue()).isEqualTo(new BigDecimal("155.25"));
        assertThat(inv.getUpdatedAt()).isEqualTo(Instant.parse("2026-03-02T08:30:00Z"));
    }

    @Test
    void mapsLinesWithTheirOwnReferenceIdsAndLineTax() {
        Invoice inv = ScoroInvoiceMapper.toCanonical(view());

        DocumentLine first = inv.getLines().get(0);
        assertThat(first.getLineId()).isEqualTo("901");
        assertThat(first.getItemRef()).isEqualTo("5");
        assertThat(first.getDescription()).isEqualTo("Consulting");
        assertThat(first.getQuantity()).isEqualTo(new BigDecimal("2.0000"));
        assertThat(first.getUnitAmount()).isEqualTo(new BigDecimal("50.0000"));
        assertThat(first.getDiscountRate()).isEqualTo(new BigDecimal("10.0000"));
        assertThat(first.getLineAmount()).isEqualTo(new BigDecimal("90.00"));
        // The line's own ids, translated by the mapper's ID map; no shared codes are looked up at the edge.
        assertThat(first.getAccountRef()).isEqualTo("1");
        assertThat(first.getTaxRateRef()).isEqualTo("1");
        assertThat(first.getAccountCode()).isNull();
        assertThat(first.getTaxType()).isNull();
        assertThat(first.getTaxRate()).isEqualTo(new BigDecimal("20.0000"));
        assertThat(first.getTaxAmount()).isEqualTo(new BigDecimal("18.00"));
        assertThat(first.getTracking()).singleElement().satisfies(t -> assertThat(t.getOptionRef()).isEqualTo("3"));

        DocumentLine second = inv.getLines().get(1);
        assertThat(second.getItemRef()).isNull();
        assertThat(second.getDiscountRate()).isNull();
        assertThat(second.getAccountRef()).isEqualTo("2");
        assertThat(second.getTaxRateRef()).isEqualTo("2");
        assertThat(second.getTaxAmount()).isEqualTo(new BigDecimal("2.25"));
        assertThat(second.getTracking()).isEmpty();
    }

    @Test
    void statusPrecedenceIsDeletedThenPaidThenSent() {
        assertThat(ScoroInvoiceMapper.toCanonical(view().put("is_sent", 0)).getStatus()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(ScoroInvoiceMapper.toCanonical(view().put("status", "paid")).getStatus()).isEqualTo(DocumentStatus.PAID);
        assertThat(ScoroInvoiceMapper.toCanonical(view().put("status", "paid").put("is_deleted", "1")).getStatus())
                .isEqualTo(DocumentStatus.DELETED);
    }

    @Test
    void creditInvoiceIsACreditNote() {
        ObjectNode credit = view();
        credit.putArray("credited_invoices").add(41).add("40");

        Invoice inv = ScoroInvoiceMapper.toCanonical(credit);

        assertThat(inv.getDocumentType()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(inv.getCreditedInvoiceRefs()).containsExactly("41", "40");
    }

    @Test
    void malformedInvoicesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(view().put("id", "")))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("id is missing");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(view().put("sum", "12.345")))
                .hasMessageContaining("sum 12.345 has more than 2 decimals");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(view().put("vat_sum", "lots")))
                .hasMessageContaining("vat_sum 'lots' is not a number");
        ObjectNode badLine = view();
        ((ObjectNode) badLine.get("lines").get(1)).put("price", "ten");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(badLine))
                .hasMessageContaining("invoice 42").hasMessageContaining("line 2 (id 902)").hasMessageContaining("price 'ten'");
        ObjectNode badAmount = view();
        ((ObjectNode) badAmount.get("lines").get(0)).put("amount", "1.00001");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(badAmount)).hasMessageContaining("amount 1.00001 has more than 4 decimals");
    }

    @Test
    void documentDiscountsAreCarriedAsEachLinesDiscountWithTheNetScoroSums() {
        ObjectNode inv = view();
        inv.put("discount", "10").put("discount2", "5");
        ObjectNode first = (ObjectNode) inv.get("lines").get(0);
        first.put("discount", "0").put("sum", "100.00");
        Invoice mapped = ScoroInvoiceMapper.toCanonical(inv);
        DocumentLine line = mapped.getLines().get(0);
        assertThat(line.getDiscountRate()).as("1 - 0.9 x 0.95").isEqualByComparingTo("14.5");
        assertThat(line.getLineAmount()).isEqualByComparingTo("85.50");

        ObjectNode odd = view();
        odd.put("discount", "3.3333");
        ((ObjectNode) odd.get("lines").get(0)).put("discount", "7");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(odd))
                .hasMessageContaining("line 1").hasMessageContaining("more than 4 decimals");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toCanonical(view().put("discount2", "120")))
                .hasMessageContaining("discount2 120% is not between 0 and 100");
    }

    @Test
    void listRowWithoutLinesMapsWithNoLines() {
        ObjectNode row = view();
        row.putNull("lines");
        assertThat(ScoroInvoiceMapper.toCanonical(row).getLines()).isEmpty();
    }

    @Test
    void requestReversesTheMappingAndSendsEveryLine() {
        Invoice inv = ScoroInvoiceMapper.toCanonical(view());

        ObjectNode r = ScoroInvoiceMapper.toRequest(inv, refs, false);

        assertThat(r.get("no").asText()).isEqualTo("INV-1042");
        assertThat(r.get("company_id").isIntegralNumber()).isTrue();
        assertThat(r.get("company_id").asLong()).isEqualTo(17);
        assertThat(r.get("date").asText()).isEqualTo("2026-03-01");
        assertThat(r.get("deadline").asText()).isEqualTo("2026-03-31");
        assertThat(r.get("currency_rate").decimalValue()).isEqualByComparingTo("1.1745");
        assertThat(r.get("is_sent").asInt()).isEqualTo(1);
        assertThat(r.has("credited_invoices")).isFalse();
        ArrayNode lines = (ArrayNode) r.get("lines");
        assertThat(lines).hasSize(2);
        JsonNode l = lines.get(0);
        assertThat(l.has("id")).isFalse();
        assertThat(l.get("product_id").asLong()).isEqualTo(5);
        assertThat(l.get("finance_account_id").asLong()).isEqualTo(1);
        assertThat(l.get("vat_code_id").asLong()).isEqualTo(1);
        assertThat(l.get("finance_object_id").asLong()).isEqualTo(3);
        assertThat(l.get("amount").decimalValue()).isEqualByComparingTo("2");
        assertThat(l.get("price").decimalValue()).isEqualByComparingTo("50");
        assertThat(l.get("discount").decimalValue()).isEqualByComparingTo("10");
        assertThat(lines.get(1).get("discount").decimalValue()).isEqualByComparingTo("0");
        assertThat(ScoroInvoiceMapper.toRequest(inv, refs, true).at("/lines/0/id").asLong()).isEqualTo(901);

        Invoice draft = Invoice.newBuilder(inv).setStatus(DocumentStatus.SUBMITTED).build();
        assertThat(ScoroInvoiceMapper.toRequest(draft, refs, false).get("is_sent").asInt()).isZero();
    }

    @Test
    void anUnknownIdIsTheMappersToJudgeNotTheReaders() {
        ObjectNode unknown = view();
        ((ObjectNode) unknown.get("lines").get(1)).put("vat_code_id", 99);
        assertThat(ScoroInvoiceMapper.toCanonical(unknown).getLines().get(1).getTaxRateRef()).isEqualTo("99");
    }

    @Test
    void requestOfALineReadBeforeReferencesRefusesUnknownCodesNamingThem() {
        Invoice inv = ScoroInvoiceMapper.toCanonical(view());
        inv.getLines().forEach(l -> {
            l.setAccountRef(null);
            l.setTaxRateRef(null);
            l.setAccountCode("200");
            l.setTaxType("OUTPUT2");
        });
        assertThat(ScoroInvoiceMapper.toRequest(inv, refs, false).get("lines").get(0).get("vat_code_id").asLong()).isEqualTo(1);
        Invoice badTax = Invoice.newBuilder(inv).build();
        badTax.getLines().get(1).setTaxType("EXEMPTOUTPUT");
        Invoice badAccount = Invoice.newBuilder(inv).build();
        badAccount.getLines().get(0).setAccountCode("999");

        assertThatThrownBy(() -> ScoroInvoiceMapper.toRequest(badTax, refs, false))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("tax type 'EXEMPTOUTPUT'");
        assertThatThrownBy(() -> ScoroInvoiceMapper.toRequest(badAccount, refs, false))
                .hasMessageContaining("account code '999'");
    }

    @Test
    void creditNoteRequestListsCreditedInvoices() {
        ObjectNode credit = view();
        credit.putArray("credited_invoices").add(41);
        Invoice inv = ScoroInvoiceMapper.toCanonical(credit);

        assertThat(ScoroInvoiceMapper.toRequest(inv, refs, false).at("/credited_invoices/0").asLong()).isEqualTo(41);
    }

    /** Echo suppression: what modify returned and a later view of the unchanged invoice must hash the same. */
    @Test
    void modifyReplyAndLaterViewHashTheSame() {
        ObjectNode modifyReply = view();
        ObjectNode laterView = view();
        // A later view: another modified_date, a payment recorded, numbers quoted differently, extra read-only fields.
        laterView.put("modified_date", "2026-03-09 12:00:00").put("paid_sum", "100.00").put("receivable_sum", "55.25")
                .put("sum", 135).put("currency_rate", "1.1745").put("created_date", "2026-03-01 00:00:00");
        ((ObjectNode) laterView.get("lines").get(0)).put("amount", 2.0).put("finance_account_name", "Sales");

        Invoice written = ScoroInvoiceMapper.toCanonical(modifyReply);
        Invoice read = ScoroInvoiceMapper.toCanonical(laterView);

        assertThat(ContentHasher.hash(read)).isEqualTo(ContentHasher.hash(written));
        ((ObjectNode) laterView.get("lines").get(0)).put("price", "50.01");
        assertThat(ContentHasher.hash(ScoroInvoiceMapper.toCanonical(laterView))).isNotEqualTo(ContentHasher.hash(written));
    }

    /** Line ids are volatile: Scoro re-creating the line set on a full modify does not change the hash. */
    @Test
    void newLineIdsDoNotChangeTheHash() {
        ObjectNode relined = view();
        ((ObjectNode) relined.get("lines").get(0)).put("id", 1901);
        ((ObjectNode) relined.get("lines").get(1)).put("id", 1902);

        assertThat(ContentHasher.hash(ScoroInvoiceMapper.toCanonical(relined)))
                .isEqualTo(ContentHasher.hash(ScoroInvoiceMapper.toCanonical(view())));
    }
}
