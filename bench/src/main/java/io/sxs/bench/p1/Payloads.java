package io.sxs.bench.p1;

import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Canonical payloads shaped like what the Scoro source emits: companies with an address and phones, invoices of 1 to 4 lines. */
final class Payloads {

    private static final String[] WORDS = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay",
            "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Monarch", "Aperture"};
    private static final String[] SERVICES = {"Consulting", "Design workshop", "Development", "Project management",
            "Support retainer", "Travel", "Licences", "Training"};
    private static final BigDecimal VAT = new BigDecimal("0.20");

    private Payloads() {
    }

    static Contact contact(String id, Random random) {
        String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + id + " Ltd";
        String domain = name.toLowerCase().replace(' ', '-').replace(".", "") + ".example";
        return Contact.newBuilder().setId(id).setName(name).setEmail("accounts@" + domain).setIsCustomer(true)
                .setTaxNumber("GB" + (100_000_000 + random.nextInt(900_000_000))).setDefaultCurrency("GBP")
                .setWebsite("https://" + domain)
                .setAddresses(List.of(Address.newBuilder().setType("STREET").setLine1(random.nextInt(200) + " High Street")
                        .setCity("London").setPostalCode("EC1A " + random.nextInt(10) + "BB").setCountry("GBR").build()))
                .setPhones(List.of(new Phone("DEFAULT", "+44 20 7946 " + (1000 + random.nextInt(9000)))))
                .setStatus(RecordStatus.ACTIVE).build();
    }

    /** The same contact with another phone number: an edit a user makes. */
    static Contact edited(Contact contact, Random random) {
        return Contact.newBuilder(contact).setPhones(List.of(new Phone("DEFAULT", "+44 20 7946 " + (1000 + random.nextInt(9000)))))
                .build();
    }

    static Invoice invoice(String id, String contactRef, Random random) {
        List<DocumentLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            lines.add(line(id + "-" + i, random));
        }
        LocalDate date = LocalDate.of(2026, 11, 1).plusDays(random.nextInt(30));
        return totals(Invoice.newBuilder().setId(id).setDocumentType(DocumentType.INVOICE).setNumber("INV-" + id)
                .setReference("PO " + random.nextInt(100_000)).setContactRef(contactRef).setDate(date)
                .setDueDate(date.plusDays(14)).setCurrency("GBP").setStatus(DocumentStatus.AUTHORISED).setLines(lines));
    }

    /** The same invoice with one more unit on its first line: an edit a user makes. */
    static Invoice edited(Invoice invoice) {
        List<DocumentLine> lines = new ArrayList<>(invoice.getLines());
        DocumentLine first = lines.get(0);
        lines.set(0, amounts(DocumentLine.newBuilder(first), first.getQuantity().add(BigDecimal.ONE), first.getUnitAmount()));
        return totals(Invoice.newBuilder(invoice).setLines(lines));
    }

    private static DocumentLine line(String lineId, Random random) {
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20)).setScale(4);
        BigDecimal unit = BigDecimal.valueOf(5_000 + random.nextInt(200_000), 2).setScale(4);
        return amounts(DocumentLine.newBuilder().setLineId(lineId).setItemCode("ITEM-" + random.nextInt(50))
                .setDescription(SERVICES[random.nextInt(SERVICES.length)]).setAccountCode("200").setTaxType("OUTPUT2")
                .setTaxRate(new BigDecimal("20.0000")), quantity, unit);
    }

    private static DocumentLine amounts(DocumentLine.Builder line, BigDecimal quantity, BigDecimal unit) {
        BigDecimal net = quantity.multiply(unit).setScale(2, RoundingMode.HALF_UP);
        return line.setQuantity(quantity).setUnitAmount(unit).setLineAmount(net)
                .setTaxAmount(net.multiply(VAT).setScale(2, RoundingMode.HALF_UP)).build();
    }

    private static Invoice totals(Invoice.Builder invoice) {
        BigDecimal net = invoice.getLines().stream().map(DocumentLine::getLineAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = invoice.getLines().stream().map(DocumentLine::getTaxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return invoice.setSubTotal(net.setScale(2)).setTotalTax(tax.setScale(2)).setTotal(net.add(tax).setScale(2)).build();
    }
}
