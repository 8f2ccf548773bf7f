package io.sxs.mapper.ownership;

import static io.sxs.mapper.Fixtures.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.registry.ConnectionDirections;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OwnershipPolicyTest {

    private static ConnectionConfig config(Direction invoices, Direction bills, Direction items, ContactMode contacts) {
        ConnectionConfig c = connection("c1", invoices, contacts);
        ConnectionDirections.set(c, EntityType.BILL, bills);
        ConnectionDirections.set(c, EntityType.ITEM, items);
        return c;
    }

    @Test
    void aConnectionWrittenBeforeTheDirectionsMapKeepsItsLegacyFields() {
        ConnectionConfig c = connection("c1", Direction.TO_SCORO, ContactMode.FROM_SCORO);
        c.setDirections(java.util.Map.of());
        c.setInvoices(Direction.TO_SCORO);
        c.setBills(Direction.TO_XERO);
        assertThat(OwnershipPolicy.resolve(c, EntityType.INVOICE, null)).isEqualTo(Ownership.owned(SystemType.XERO));
        assertThat(OwnershipPolicy.resolve(c, EntityType.BILL, null)).isEqualTo(Ownership.owned(SystemType.SCORO));
        assertThat(OwnershipPolicy.resolve(c, EntityType.ITEM, null).reason())
                .isEqualTo("items sync is OFF for this connection; an item syncs with the documents whose lines need it");
    }

    private static IdMapEntry mapped(SystemType origin) {
        return IdMapEntry.newBuilder().setConnectionId("c1").setEntity(EntityType.CONTACT).setSystem(SystemType.XERO)
                .setId("x").setOrigin(origin).setUpdatedAt(Instant.EPOCH).build();
    }

    @Test
    void directionsNameTheOwner() {
        ConnectionConfig c = config(Direction.TO_XERO, Direction.TO_SCORO, Direction.OFF, ContactMode.FROM_SCORO);
        assertThat(OwnershipPolicy.resolve(c, EntityType.INVOICE, null)).isEqualTo(Ownership.owned(SystemType.SCORO));
        assertThat(OwnershipPolicy.resolve(c, EntityType.CREDIT_NOTE, null)).isEqualTo(Ownership.owned(SystemType.SCORO));
        assertThat(OwnershipPolicy.resolve(c, EntityType.BILL, null)).isEqualTo(Ownership.owned(SystemType.XERO));
        assertThat(OwnershipPolicy.resolve(c, EntityType.ITEM, null).kind()).isEqualTo(Ownership.Kind.WITH_DOCUMENTS);
        ConnectionDirections.set(c, EntityType.BILL, Direction.OFF);
        assertThat(OwnershipPolicy.resolve(c, EntityType.BILL, null).kind()).isEqualTo(Ownership.Kind.OFF);
        assertThat(OwnershipPolicy.resolve(c, EntityType.CONTACT, mapped(SystemType.XERO)))
                .as("the mode wins over the origin").isEqualTo(Ownership.owned(SystemType.SCORO));
        c.setContacts(ContactMode.TO_SCORO);
        assertThat(OwnershipPolicy.resolve(c, EntityType.CONTACT, null)).isEqualTo(Ownership.owned(SystemType.XERO));
    }

    @Test
    void withDocumentsAContactIsOwnedByItsOriginOnceMapped() {
        ConnectionConfig c = config(Direction.TO_XERO, Direction.OFF, Direction.OFF, ContactMode.WITH_DOCUMENTS);
        assertThat(OwnershipPolicy.resolve(c, EntityType.CONTACT, null).kind()).isEqualTo(Ownership.Kind.WITH_DOCUMENTS);
        assertThat(OwnershipPolicy.resolve(c, EntityType.CONTACT, mapped(SystemType.XERO))).isEqualTo(Ownership.owned(SystemType.XERO));
        assertThat(OwnershipPolicy.resolve(c, EntityType.CONTACT, mapped(SystemType.SCORO))).isEqualTo(Ownership.owned(SystemType.SCORO));
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"TRACKING_CATEGORY", "OVERPAYMENT"})
    void entitiesWithoutCommandsYetAreNotSynced(EntityType entity) {
        ConnectionConfig c = config(Direction.TO_XERO, Direction.TO_XERO, Direction.TO_XERO, ContactMode.FROM_SCORO);
        Ownership ownership = OwnershipPolicy.resolve(c, entity, null);
        assertThat(ownership.kind()).isEqualTo(Ownership.Kind.NOT_SYNCED_YET);
        assertThat(ownership.reason()).contains("not synced yet");
    }

    @Test
    void xeroOwnsPaymentsWhateverTheDocumentDirections() {
        for (Direction d : Direction.values()) {
            ConnectionConfig c = config(d, d, d, ContactMode.FROM_SCORO);
            assertThat(OwnershipPolicy.resolve(c, EntityType.PAYMENT, null)).isEqualTo(Ownership.owned(SystemType.XERO));
        }
    }

    @Test
    void aBankAccountWaitsForTheFirstPaymentThatUsesItThenXeroOwnsIt() {
        ConnectionConfig c = config(Direction.TO_XERO, Direction.OFF, Direction.OFF, ContactMode.FROM_SCORO);
        Ownership unmapped = OwnershipPolicy.resolve(c, EntityType.BANK_ACCOUNT, null);
        assertThat(unmapped.kind()).isEqualTo(Ownership.Kind.WITH_DOCUMENTS);
        assertThat(unmapped.reason()).contains("first payment");
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.BANK_ACCOUNT, SystemType.XERO)).isTrue();
        assertThat(OwnershipPolicy.resolve(c, EntityType.BANK_ACCOUNT, mapped(SystemType.XERO)))
                .isEqualTo(Ownership.owned(SystemType.XERO));
    }

    @Test
    void xeroOwnsTaxRatesAndAccountsWhateverTheDocumentDirections() {
        for (Direction d : Direction.values()) {
            ConnectionConfig c = config(d, d, d, ContactMode.FROM_SCORO);
            assertThat(OwnershipPolicy.resolve(c, EntityType.TAX_RATE, null)).isEqualTo(Ownership.owned(SystemType.XERO));
            assertThat(OwnershipPolicy.resolve(c, EntityType.ACCOUNT, null)).isEqualTo(Ownership.owned(SystemType.XERO));
        }
    }

    @Test
    void aDocumentMayBringItsContactAcrossOnlyInTheContactDirection() {
        ConnectionConfig c = config(Direction.TO_XERO, Direction.OFF, Direction.OFF, ContactMode.WITH_DOCUMENTS);
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.CONTACT, SystemType.SCORO)).isTrue();
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.CONTACT, SystemType.XERO)).isTrue();
        c.setContacts(ContactMode.FROM_SCORO);
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.CONTACT, SystemType.SCORO)).isTrue();
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.CONTACT, SystemType.XERO)).isFalse();
        c.setContacts(ContactMode.TO_SCORO);
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.CONTACT, SystemType.SCORO)).isFalse();
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.CONTACT, SystemType.XERO)).isTrue();
    }

    @Test
    void withItemsOffAProductFollowsItsDocumentsAndItsOriginOwnsItOnceMapped() {
        ConnectionConfig c = config(Direction.TO_XERO, Direction.OFF, Direction.OFF, ContactMode.FROM_SCORO);
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.ITEM, SystemType.SCORO)).isTrue();
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.ITEM, SystemType.XERO)).isTrue();
        assertThat(OwnershipPolicy.resolve(c, EntityType.ITEM, mapped(SystemType.SCORO))).isEqualTo(Ownership.owned(SystemType.SCORO));
        ConnectionDirections.set(c, EntityType.ITEM, Direction.TO_SCORO);
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.ITEM, SystemType.XERO)).isTrue();
        assertThat(OwnershipPolicy.mayFollowDocumentFrom(c, EntityType.ITEM, SystemType.SCORO))
                .as("Xero owns items: a Scoro line cannot create one there").isFalse();
    }
}
