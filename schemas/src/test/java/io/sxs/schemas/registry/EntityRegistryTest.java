package io.sxs.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EntityRegistryTest {

    @Test
    void everyEntityTypeHasExactlyOneDescriptorWhosePayloadMatchesItsSchema() {
        for (EntityType type : EntityType.values()) {
            EntityDescriptor d = EntityRegistry.of(type);
            assertThat(d).as(type.name()).isNotNull();
            assertThat(d.type()).isEqualTo(type);
            assertThat(d.payloadSchema().getFullName()).isEqualTo(d.payloadType().getName());
        }
        assertThat(EntityRegistry.all()).hasSize(EntityType.values().length);
    }

    @Test
    void everyPayloadIsABranchOfTheEnvelopesPayloadUnions() {
        for (Schema union : java.util.List.of(
                io.sxs.schemas.envelope.ChangeRecord.getClassSchema().getField("payload").schema(),
                io.sxs.schemas.envelope.Command.getClassSchema().getField("payload").schema(),
                io.sxs.schemas.envelope.WriteResult.getClassSchema().getField("written").schema())) {
            java.util.Set<String> branches = new java.util.HashSet<>();
            union.getTypes().forEach(t -> branches.add(t.getFullName()));
            for (EntityDescriptor d : EntityRegistry.all()) {
                assertThat(branches).as(d.type() + " payload in " + union).contains(d.payloadType().getName());
            }
        }
    }

    @Test
    void theInvoicePlanListsItsReferencesAndLocalFieldsFromTheSchemaMarks() {
        assertThat(EntityRegistry.of(EntityType.INVOICE).references().describe()).containsExactlyInAnyOrder(
                "contactRef -> CONTACT",
                "lines[].lineId (local)",
                "lines[].itemCode (code of lines[].itemRef)",
                "lines[].itemRef -> ITEM",
                "lines[].accountRef -> ACCOUNT",
                "lines[].taxRateRef -> TAX_RATE",
                "lines[].tracking[].categoryRef (local)",
                "lines[].tracking[].optionRef -> TRACKING_OPTION (optional)",
                "creditedInvoiceRefs[] -> INVOICE",
                "allocations (local)");
    }

    @Test
    void aPaymentReferencesTheEntityItsEntityFieldNames() {
        assertThat(EntityRegistry.of(EntityType.PAYMENT).references().describe())
                .contains("documentRef -> @documentEntity", "creditRef -> @creditEntity (optional)",
                        "bankAccountRef -> BANK_ACCOUNT", "contactRef -> CONTACT (optional)");
    }

    @Test
    void anItemNamesItsAccountsAndTaxRatesByReferencesWhoseCodesFollowThem() {
        assertThat(EntityRegistry.of(EntityType.ITEM).references().describe()).containsExactlyInAnyOrder(
                "salesAccountCode (code of salesAccountRef)",
                "purchaseAccountCode (code of purchaseAccountRef)",
                "salesAccountRef -> ACCOUNT",
                "salesTaxRateRef -> TAX_RATE",
                "purchaseAccountRef -> ACCOUNT",
                "purchaseTaxRateRef -> TAX_RATE");
        assertThat(EntityRegistry.of(EntityType.ITEM).followsDocuments()).as("products on synced documents always sync").isTrue();
    }

    @Test
    void aCodeMarkMustNameASiblingReference() {
        Schema notARef = new Schema.Parser().parse("""
                {"type":"record","name":"Bad4","namespace":"t","fields":[{"name":"r","type":"string"},
                 {"name":"c","type":"string","sxs.codeOf":"r"}]}""");
        assertThatThrownBy(() -> ReferencePlan.of(notARef)).hasMessageContaining("t.Bad4.c is sxs.codeOf r, which is not a single sxs.ref");
    }

    @Test
    void aMarkOnTheWrongKindOfFieldIsRefusedWhenThePlanIsCompiled() {
        Schema numberRef = new Schema.Parser().parse("""
                {"type":"record","name":"Bad1","namespace":"t","fields":[{"name":"x","type":"int","sxs.ref":"CONTACT"}]}""");
        Schema unknown = new Schema.Parser().parse("""
                {"type":"record","name":"Bad2","namespace":"t","fields":[{"name":"x","type":"string","sxs.ref":"NOPE"}]}""");
        Schema localWithoutDefault = new Schema.Parser().parse("""
                {"type":"record","name":"Bad3","namespace":"t","fields":[{"name":"x","type":"string","sxs.local":true}]}""");
        assertThatThrownBy(() -> ReferencePlan.of(numberRef)).hasMessageContaining("t.Bad1.x is sxs.ref but not a string id");
        assertThatThrownBy(() -> ReferencePlan.of(unknown)).hasMessageContaining("unknown entity NOPE");
        assertThatThrownBy(() -> ReferencePlan.of(localWithoutDefault)).hasMessageContaining("has no default");
    }

    @Test
    void creditNotesFollowTheInvoiceDirectionAndTheMapWinsOverTheLegacyField() {
        ConnectionConfig legacy = connection().setInvoices(Direction.TO_SCORO).build();
        assertThat(ConnectionDirections.of(legacy, EntityType.INVOICE)).isEqualTo(Direction.TO_SCORO);
        assertThat(ConnectionDirections.of(legacy, EntityType.CREDIT_NOTE)).isEqualTo(Direction.TO_SCORO);

        ConnectionConfig mapped = connection().setInvoices(Direction.TO_SCORO)
                .setDirections(Map.of("INVOICE", Direction.OFF)).build();
        assertThat(ConnectionDirections.of(mapped, EntityType.CREDIT_NOTE)).isEqualTo(Direction.OFF);
        assertThat(ConnectionDirections.of(mapped, EntityType.BILL)).isEqualTo(Direction.OFF);
        assertThat(ConnectionDirections.of(mapped, EntityType.CONTACT)).isNull();
    }

    @Test
    void settingADirectionWritesTheMapAndTheLegacyFieldForInstancesNotYetUpgraded() {
        ConnectionConfig c = ConnectionDirections.set(connection(), EntityType.CREDIT_NOTE, Direction.TO_SCORO).build();
        assertThat(c.getDirections()).containsExactly(Map.entry("INVOICE", Direction.TO_SCORO));
        assertThat(c.getInvoices()).isEqualTo(Direction.TO_SCORO);
        ConnectionDirections.set(c, EntityType.ITEM, Direction.TO_XERO);
        assertThat(c.getDirections()).containsEntry("ITEM", Direction.TO_XERO).containsEntry("INVOICE", Direction.TO_SCORO);
        assertThat(c.getItems()).isEqualTo(Direction.TO_XERO);
        assertThatThrownBy(() -> ConnectionDirections.set(connection(), EntityType.CONTACT, Direction.TO_XERO))
                .hasMessageContaining("CONTACT has no direction setting");
    }

    @Test
    void theRegistryKnowsWhichPayloadEachEntityTakes() {
        assertThat(EntityRegistry.of(EntityType.CREDIT_NOTE).accepts(new Invoice())).isTrue();
        assertThat(EntityRegistry.of(EntityType.CONTACT).accepts(new Invoice())).isFalse();
    }

    private static ConnectionConfig.Builder connection() {
        io.sxs.schemas.common.EncryptedSecret secret = new io.sxs.schemas.common.EncryptedSecret("k1",
                java.nio.ByteBuffer.wrap(new byte[12]), java.nio.ByteBuffer.wrap(new byte[16]));
        return ConnectionConfig.newBuilder().setConnectionId("c1").setName("c1")
                .setScoro(new ScoroEndpoint("https://s.scoro.com", "1", secret))
                .setXero(XeroEndpoint.newBuilder().setTenantId("t").setTokens(secret).build())
                .setCreatedAt(Instant.EPOCH).setUpdatedAt(Instant.EPOCH);
    }
}
