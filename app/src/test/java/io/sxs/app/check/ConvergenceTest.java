package io.sxs.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;

class ConvergenceTest {

    private static Invoice invoice(String id, String number, String total, DocumentStatus status, String contact) {
        BigDecimal t = new BigDecimal(total).setScale(2);
        return Invoice.newBuilder().setId(id).setDocumentType(DocumentType.INVOICE).setNumber(number).setContactRef(contact)
                .setDate(LocalDate.of(2026, 11, 1)).setDueDate(LocalDate.of(2026, 11, 30)).setCurrency("GBP").setStatus(status)
                .setLines(List.of()).setSubTotal(t).setTotalTax(BigDecimal.ZERO.setScale(2)).setTotal(t).build();
    }

    private static Convergence.Side side(Map<String, String> contacts, IndexedRecord... invoices) {
        return new Convergence.Side(Map.of(EntityType.INVOICE, List.of(invoices)), contacts);
    }

    private static Convergence.EntityReport invoices(Convergence.Side scoro, Convergence.Side xero) {
        return Convergence.compare("c", Map.of(EntityType.INVOICE, SystemType.SCORO), scoro, xero).entities().get(0);
    }

    @Test
    void equalCopiesConvergeWhateverTheirIdsAndTheScaleOfTheirAmounts() {
        Invoice mine = invoice("1", "INV-1", "10", DocumentStatus.AUTHORISED, "s-7");
        Invoice copy = invoice("x-1", "INV-1", "10", DocumentStatus.AUTHORISED, "x-7");
        copy.setTotal(new BigDecimal("10.00"));
        assertThat(invoices(side(Map.of("s-7", "Acme Ltd"), mine), side(Map.of("x-7", "ACME LTD "), copy)).converged()).isTrue();
    }

    @Test
    void missingDuplicatedAndDifferentCopiesAreNamed() {
        Convergence.EntityReport r = invoices(
                side(Map.of("s-7", "Acme"), invoice("1", "INV-1", "10", DocumentStatus.AUTHORISED, "s-7"),
                        invoice("2", "INV-2", "20", DocumentStatus.AUTHORISED, "s-7"),
                        invoice("3", "INV-3", "30", DocumentStatus.DELETED, "s-7"),
                        invoice("4", "INV-4", "40", DocumentStatus.DELETED, "s-7")),
                side(Map.of("x-7", "Beta"), invoice("a", "INV-1", "11", DocumentStatus.AUTHORISED, "x-7"),
                        invoice("b", "INV-1", "11", DocumentStatus.AUTHORISED, "x-7"),
                        invoice("c", "INV-3", "30", DocumentStatus.AUTHORISED, "x-7")));
        assertThat(r.missing()).containsExactly("invoice INV-2 is not in Xero");
        assertThat(r.duplicates()).containsExactly("invoice INV-1 twice in Xero (a, b)");
        assertThat(r.differences()).containsExactly("invoice INV-1: subTotal 10.00 in Scoro, 11.00 in Xero",
                "invoice INV-1: total 10.00 in Scoro, 11.00 in Xero",
                "invoice INV-1: contact Acme in Scoro, Beta in Xero", "invoice INV-3: deleted in Scoro but AUTHORISED in Xero");
        assertThat(r.converged()).isFalse();
    }

    @Test
    void aCopyVoidedOnTheOtherSideIsADifference() {
        Convergence.EntityReport r = invoices(side(Map.of(), invoice("1", "INV-1", "10", DocumentStatus.AUTHORISED, null)),
                side(Map.of(), invoice("a", "INV-1", "10", DocumentStatus.VOIDED, null)));
        assertThat(r.differences()).containsExactly("invoice INV-1: VOIDED in Xero but not in Scoro");
    }
}
