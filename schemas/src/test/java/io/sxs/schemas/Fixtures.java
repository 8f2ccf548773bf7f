package io.sxs.schemas;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Plain test inputs shared by the schema tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Invoice invoice(String lineId, Instant updatedAt) {
        return Invoice.newBuilder()
                .setId("42").setNumber("INV-42").setContactRef("7")
                .setDate(LocalDate.of(2026, 11, 1)).setDueDate(LocalDate.of(2026, 11, 15))
                .setCurrency("GBP").setStatus(DocumentStatus.AUTHORISED)
                .setLines(List.of(DocumentLine.newBuilder().setLineId(lineId).setDescription("Consulting")
                        .setQuantity(new BigDecimal("1.5000")).setUnitAmount(new BigDecimal("100.0000"))
                        .setLineAmount(new BigDecimal("150.00")).setAccountCode("200").setTaxType("OUTPUT2")
                        .setTaxAmount(new BigDecimal("30.00")).build()))
                .setSubTotal(new BigDecimal("150.00")).setTotalTax(new BigDecimal("30.00")).setTotal(new BigDecimal("180.00"))
                .setUpdatedAt(updatedAt)
                .build();
    }

    public static ChangeRecord change(Invoice invoice) {
        return ChangeRecord.newBuilder().setEventId("e1").setConnectionId("c1").setSystem(SystemType.SCORO)
                .setEntity(EntityType.INVOICE).setSourceId(invoice.getId()).setSourceVersion("2026-11-01 10:00:00")
                .setOperation(Operation.UPSERT).setContentHash("h").setObservedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setPayload(invoice).build();
    }
}
