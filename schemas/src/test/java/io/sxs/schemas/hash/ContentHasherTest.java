package io.sxs.schemas.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.Fixtures;
import io.sxs.schemas.entity.Invoice;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContentHasherTest {

    @Test
    void ignoresVolatileFieldsSuchAsLineIdsAndTimestamps() {
        Invoice a = Fixtures.invoice("line-1", Instant.parse("2026-11-01T10:00:00Z"));
        Invoice b = Fixtures.invoice("line-2", Instant.parse("2026-11-02T10:00:00Z"));
        b.setAmountPaid(new BigDecimal("10.00"));
        assertThat(ContentHasher.hash(a)).isEqualTo(ContentHasher.hash(b));
    }

    @Test
    void changesWhenBusinessContentChanges() {
        Invoice a = Fixtures.invoice("line-1", null);
        Invoice b = Fixtures.invoice("line-1", null);
        b.getLines().get(0).setDescription("Consulting, revised");
        assertThat(ContentHasher.hash(a)).isNotEqualTo(ContentHasher.hash(b));
    }

    @Test
    void aPaidDocumentHashesAsTheApprovedOneSoPaymentsAreNotEditsOfIt() {
        Invoice approved = Fixtures.invoice("line-1", null);
        approved.setStatus(io.sxs.schemas.common.DocumentStatus.AUTHORISED);
        Invoice paid = Fixtures.invoice("line-1", null);
        paid.setStatus(io.sxs.schemas.common.DocumentStatus.PAID);
        Invoice voided = Fixtures.invoice("line-1", null);
        voided.setStatus(io.sxs.schemas.common.DocumentStatus.VOIDED);
        assertThat(ContentHasher.hash(paid)).isEqualTo(ContentHasher.hash(approved));
        assertThat(ContentHasher.hash(voided)).isNotEqualTo(ContentHasher.hash(approved));
        assertThat(paid.getStatus()).isEqualTo(io.sxs.schemas.common.DocumentStatus.PAID);
    }

    @Test
    void doesNotModifyTheHashedRecord() {
        Invoice a = Fixtures.invoice("line-1", Instant.parse("2026-11-01T10:00:00Z"));
        ContentHasher.hash(a);
        assertThat(a.getLines().get(0).getLineId()).isEqualTo("line-1");
        assertThat(a.getUpdatedAt()).isNotNull();
    }

    @Test
    void deletedItemsHashToAConstant() {
        assertThat(ContentHasher.hash(null)).isEqualTo(ContentHasher.DELETED);
    }
}
