package io.sxs.connector.xero.it;

import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/** Commands as mapper-streams would issue them (references already in Xero's id space). */
final class Commands {

    private Commands() {
    }

    static Command command(EntityType entity, CommandAction action, String sourceId, String targetId, String key,
                           SpecificRecordBase payload) {
        return Command.newBuilder().setCommandId("cmd-" + key).setConnectionId("conn").setTargetSystem(SystemType.XERO)
                .setEntity(entity).setAction(action).setTargetId(targetId).setSourceSystem(SystemType.SCORO)
                .setSourceId(sourceId).setSourceHash("hash-" + key).setIdempotencyKey(key)
                .setIssuedAt(Instant.now()).setPayload(payload).build();
    }

    static Command createContact(String sourceId, String key, Contact c) {
        return command(EntityType.CONTACT, CommandAction.CREATE, sourceId, null, key, c);
    }

    static Command createInvoice(String sourceId, String key, Invoice i) {
        return command(EntityType.INVOICE, CommandAction.CREATE, sourceId, null, key, i);
    }

    static Contact contact(String sourceId, String name) {
        return Contact.newBuilder().setId(sourceId).setName(name).setEmail(name.toLowerCase().replace(' ', '.') + "@example.com")
                .setStatus(RecordStatus.ACTIVE)
                .setAddresses(List.of(Address.newBuilder().setType("POBOX").setLine1("1 Main St").setCity("London")
                        .setPostalCode("N1 1AA").setCountry("GB").build()))
                .setPhones(List.of(new Phone("MOBILE", "07700 900000")))
                .build();
    }

    static Invoice invoice(String sourceId, String number, String contactId, DocumentStatus status) {
        return Invoice.newBuilder().setId(sourceId).setNumber(number).setReference("Scoro " + sourceId)
                .setContactRef(contactId).setDate(LocalDate.of(2024, 5, 1)).setDueDate(LocalDate.of(2024, 5, 31))
                .setCurrency("GBP").setStatus(status)
                .setLines(List.of(
                        line("Design work", "3.5000", "80.1250", null),
                        line("Hosting", "1.0000", "20.0000", "10.0000")))
                .build();
    }

    static DocumentLine line(String description, String qty, String unit, String discount) {
        return DocumentLine.newBuilder().setDescription(description).setQuantity(new BigDecimal(qty))
                .setUnitAmount(new BigDecimal(unit)).setDiscountRate(discount == null ? null : new BigDecimal(discount))
                .setLineAmount(net(qty, unit, discount)).setAccountCode("200").setTaxType("OUTPUT2").build();
    }

    /** The line amount as both systems compute it, so the totals check lets the line through. */
    private static BigDecimal net(String qty, String unit, String discount) {
        BigDecimal gross = new BigDecimal(qty).multiply(new BigDecimal(unit));
        if (discount != null) {
            gross = gross.multiply(BigDecimal.valueOf(100).subtract(new BigDecimal(discount))).divide(BigDecimal.valueOf(100));
        }
        return gross.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
