package io.sxs.mapper.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.Fixtures;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.MissingDependency;
import io.sxs.schemas.hash.ContentHasher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceTranslatorTest {

    private static final Map<String, String> MAPPED = Map.of(
            "CONTACT/SCORO/7", "X-C7", "ITEM/SCORO/item-1", "X-IT1", "INVOICE/SCORO/40", "X-I40");

    private static String find(EntityType entity, SystemType system, String id) {
        return MAPPED.get(entity + "/" + system + "/" + id);
    }

    @Test
    void rewritesReferencesIntoTheTargetIdsOnACopy() {
        Invoice source = Fixtures.invoice("42", "7", "100");
        source.getLines().get(0).setItemRef("item-1");
        source.getLines().get(0).setTracking(List.of(new LineTracking("cat-1", "opt-9", "Region", "North")));
        source.setCreditedInvoiceRefs(List.of("40"));
        String before = ContentHasher.hash(source);

        Translation t = ReferenceTranslator.translate(EntityType.INVOICE, source, SystemType.SCORO, "X-I42",
                ReferenceTranslatorTest::find);

        assertThat(t.complete()).isTrue();
        Invoice out = (Invoice) t.payload();
        assertThat(out.getId()).isEqualTo("X-I42");
        assertThat(out.getContactRef()).isEqualTo("X-C7");
        assertThat(out.getCreditedInvoiceRefs()).containsExactly("X-I40");
        DocumentLine line = out.getLines().get(0);
        assertThat(line.getLineId()).isNull();
        assertThat(line.getItemRef()).isEqualTo("X-IT1");
        assertThat(line.getTracking().get(0).getOptionRef()).isNull();
        assertThat(line.getTracking().get(0).getOptionName()).isEqualTo("North");
        assertThat(line.getLineAmount()).isEqualByComparingTo("100.00");
        assertThat(ContentHasher.hash(source)).as("the source payload is untouched").isEqualTo(before);
        assertThat(source.getLines().get(0).getLineId()).isEqualTo("line-42");
    }

    @Test
    void theCopySharesNothingItChangesWithTheSource() {
        Invoice source = Fixtures.invoice("42", "7", "100");
        source.getLines().get(0).setItemRef("item-1");
        source.getLines().get(0).setTracking(List.of(new LineTracking("cat-1", "opt-9", "Region", "North")));

        Invoice out = (Invoice) ReferenceTranslator.translate(EntityType.INVOICE, source, SystemType.SCORO, "X-I42",
                ReferenceTranslatorTest::find).payload();

        assertThat(out.getLines().get(0)).isNotSameAs(source.getLines().get(0));
        assertThat(source.getId()).isEqualTo("42");
        assertThat(source.getContactRef()).isEqualTo("7");
        assertThat(source.getLines().get(0).getItemRef()).isEqualTo("item-1");
        assertThat(source.getLines().get(0).getTracking().get(0).getCategoryRef()).isEqualTo("cat-1");
        assertThat(source.getLines().get(0).getTracking().get(0).getOptionRef()).isEqualTo("opt-9");
    }

    @Test
    void aCreateCarriesAnEmptyIdAndALineWaitsForItsUnmappedItem() {
        Invoice source = Fixtures.invoice("42", "7", "100");
        source.getLines().get(0).setItemRef("item-2");

        Translation t = ReferenceTranslator.translate(EntityType.INVOICE, source, SystemType.SCORO, null,
                ReferenceTranslatorTest::find);

        assertThat(((Invoice) t.payload()).getId()).isEmpty();
        assertThat(t.missing()).as("products on synced documents sync: the line waits for its item")
                .containsExactly(new MissingDependency(EntityType.ITEM, SystemType.SCORO, "item-2"));
    }

    @Test
    void aTranslatedItemReferenceBringsTheItemsCodeAndAnUntranslatedOneLeavesTheCodeAlone() {
        Invoice source = Fixtures.invoice("42", "7", "100");
        source.getLines().get(0).setItemRef("item-1");
        source.getLines().get(0).setItemCode(null);
        ReferenceTranslator.Counterparts withCodes = new ReferenceTranslator.Counterparts() {
            @Override
            public String find(EntityType entity, SystemType system, String id) {
                return ReferenceTranslatorTest.find(entity, system, id);
            }

            @Override
            public String code(EntityType entity, SystemType system, String id, String counterpart) {
                return entity == EntityType.ITEM && "item-1".equals(id) ? "WIDGET" : null;
            }
        };

        DocumentLine line = ((Invoice) ReferenceTranslator.translate(EntityType.INVOICE, source, SystemType.SCORO, null,
                withCodes).payload()).getLines().get(0);
        assertThat(line.getItemRef()).isEqualTo("X-IT1");
        assertThat(line.getItemCode()).isEqualTo("WIDGET");
        assertThat(source.getLines().get(0).getItemCode()).as("the source is untouched").isNull();

        io.sxs.schemas.entity.Item item = io.sxs.schemas.entity.Item.newBuilder().setId("p1").setCode("P1")
                .setSalesAccountRef("acc-unmapped").setSalesAccountCode("200")
                .setStatus(io.sxs.schemas.common.RecordStatus.ACTIVE).build();
        Translation t = ReferenceTranslator.translate(EntityType.ITEM, item, SystemType.SCORO, null, withCodes);
        io.sxs.schemas.entity.Item out = (io.sxs.schemas.entity.Item) t.payload();
        assertThat(out.getSalesAccountCode()).as("an account that did not translate keeps the code it had").isEqualTo("200");
        assertThat(t.missing()).as("the item waits for its account")
                .containsExactly(new MissingDependency(EntityType.ACCOUNT, SystemType.SCORO, "acc-unmapped"));
    }

    @Test
    void unmappedContactAndCreditedInvoicesAreMissingNotGuessed() {
        Invoice source = Fixtures.invoice("50", "8", "-10");
        source.setCreditedInvoiceRefs(List.of("40", "41"));

        Translation t = ReferenceTranslator.translate(EntityType.CREDIT_NOTE, source, SystemType.SCORO, null,
                ReferenceTranslatorTest::find);

        assertThat(t.complete()).isFalse();
        assertThat(t.missing()).containsExactly(
                new MissingDependency(EntityType.CONTACT, SystemType.SCORO, "8"),
                new MissingDependency(EntityType.INVOICE, SystemType.SCORO, "41"));
    }

    @Test
    void billsTranslateTheirContactAndADocumentWithoutContactNeedsNone() {
        Bill bill = Bill.newBuilder().setId("B1").setContactRef("7").setStatus(io.sxs.schemas.common.DocumentStatus.DRAFT)
                .setLines(List.of()).build();
        Translation t = ReferenceTranslator.translate(EntityType.BILL, bill, SystemType.SCORO, null, ReferenceTranslatorTest::find);
        assertThat(((Bill) t.payload()).getContactRef()).isEqualTo("X-C7");

        Invoice noContact = Fixtures.invoice("43", null, "5");
        assertThat(ReferenceTranslator.translate(EntityType.INVOICE, noContact, SystemType.SCORO, null,
                ReferenceTranslatorTest::find).missing()).isEmpty();
    }

    @Test
    void aReferenceWhoseEntityIsNamedByASiblingFieldIsLookedUpAsThatEntity() {
        io.sxs.schemas.entity.Payment payment = io.sxs.schemas.entity.Payment.newBuilder().setId("P1")
                .setKind(io.sxs.schemas.entity.PaymentKind.PAYMENT).setDocumentEntity(EntityType.INVOICE).setDocumentRef("40")
                .setBankAccountRef("bank-1").setContactRef("unknown-contact").setDate(java.time.LocalDate.of(2026, 1, 2))
                .setAmount(new java.math.BigDecimal("10.00")).setStatus(io.sxs.schemas.entity.PaymentStatus.AUTHORISED).build();

        Translation t = ReferenceTranslator.translate(EntityType.PAYMENT, payment, SystemType.SCORO, null,
                ReferenceTranslatorTest::find);

        io.sxs.schemas.entity.Payment out = (io.sxs.schemas.entity.Payment) t.payload();
        assertThat(out.getDocumentRef()).as("INVOICE/SCORO/40 is mapped").isEqualTo("X-I40");
        assertThat(t.missing()).as("the bank account is required").containsExactly(
                new MissingDependency(EntityType.BANK_ACCOUNT, SystemType.SCORO, "bank-1"));
        assertThat(out.getContactRef()).isNull();
        assertThat(t.notes()).containsExactly("contactRef: contact unknown-contact is not mapped; sent without it");
    }
}
