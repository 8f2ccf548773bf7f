package io.sxs.mapper.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.serde.InMemorySchemaStore;
import org.junit.jupiter.api.Test;

class EntityKeySerdeTest {

    private final AvroSerde<EntityKey> avro = new AvroSerde<>(new InMemorySchemaStore());
    private final EntityKeySerde serde = new EntityKeySerde(avro);

    @Test
    void encodesEveryKeyAsAvroDoesWhateverCameBefore() {
        EntityKey contact = EntityKeys.of("c1", EntityType.CONTACT, SystemType.SCORO, "7");
        EntityKey sameItem = EntityKeys.of("c1", EntityType.CONTACT, SystemType.SCORO, "7");
        EntityKey otherSystem = EntityKeys.of("c1", EntityType.CONTACT, SystemType.XERO, "7");
        EntityKey otherConnection = EntityKeys.of("c2", EntityType.CONTACT, SystemType.SCORO, "7");

        for (EntityKey key : new EntityKey[] {contact, sameItem, otherSystem, contact, otherConnection, sameItem}) {
            assertThat(serde.serialize("t", key)).isEqualTo(avro.serialize("t", key));
        }
        assertThat(serde.deserializer().deserialize("t", serde.serialize("t", otherSystem))).isEqualTo(otherSystem);
    }

    @Test
    void aKeyChangedAfterItWasEncodedIsEncodedAgain() {
        EntityKey key = EntityKeys.of("c1", EntityType.INVOICE, SystemType.SCORO, "42");
        serde.serialize("t", key);
        key.setId("43");
        assertThat(serde.serialize("t", key)).isEqualTo(avro.serialize("t", EntityKeys.of("c1", EntityType.INVOICE, SystemType.SCORO, "43")));
    }
}
