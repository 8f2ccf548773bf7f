package io.sxs.mapper.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.Fixtures;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.ChangeRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContactIndexTest {

    private static ChangeRecord xero(Contact c) {
        return Fixtures.upsert("c1", SystemType.XERO, EntityType.CONTACT, c);
    }

    @Test
    void theStoreIsReadOnceAndLaterStatesKeepTheIndexCurrent() {
        Contact acme = Fixtures.contact("x1", "ACME LTD");
        Contact other = Fixtures.contact("x2", "Other Ltd");
        AtomicInteger scans = new AtomicInteger();
        ContactIndex index = new ContactIndex();
        Contact source = Fixtures.contact("s1", "Acme Ltd");

        assertThat(index.candidates("c1", SystemType.XERO, source, () -> {
            scans.incrementAndGet();
            return List.of(xero(acme), xero(other));
        })).extracting(Contact::getId).containsExactly("x1");

        Contact renamed = Contact.newBuilder(acme).setName("Acme Holdings").setEmail("x@y.test").build();
        index.observe(xero(renamed));
        index.observe(xero(Fixtures.contact("x3", "acme ltd")));
        index.observe(xero(Contact.newBuilder(other).setStatus(RecordStatus.ARCHIVED).build()));
        assertThat(index.candidates("c1", SystemType.XERO, source, () -> {
            scans.incrementAndGet();
            return List.of();
        })).extracting(Contact::getId).containsExactly("x3");
        assertThat(index.candidates("c1", SystemType.XERO, Fixtures.contact("s2", "Other Ltd"), List::of)).isEmpty();
        assertThat(scans).hasValue(1);
    }
}
