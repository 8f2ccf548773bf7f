package io.sxs.mapper.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.serde.InMemorySchemaStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConnectionKeyPrefixTest {

    private final EntityKeySerde keys = new EntityKeySerde(new AvroSerde<>(new InMemorySchemaStore()));
    private final ConnectionKeyPrefix prefix = new ConnectionKeyPrefix(keys);

    @Test
    void everyKeyOfTheConnectionStartsWithItsPrefix() {
        byte[] connection = prefix.serialize("t", "conn-1");
        for (EntityType entity : EntityType.values()) {
            for (SystemType system : SystemType.values()) {
                assertThat(startsWith(keys.serialize("t", EntityKeys.of("conn-1", entity, system, "a-long-id-" + entity)), connection))
                        .isTrue();
            }
        }
    }

    @Test
    void aConnectionWhoseIdExtendsAnothersDoesNotShareItsPrefix() {
        byte[] short1 = prefix.serialize("t", "conn-1");
        assertThat(startsWith(keys.serialize("t", EntityKeys.of("conn-10", EntityType.CONTACT, SystemType.SCORO, "7")), short1)).isFalse();
        assertThat(startsWith(keys.serialize("t", EntityKeys.of("conn-", EntityType.CONTACT, SystemType.SCORO, "17")), short1)).isFalse();
    }

    @Test
    void nonAsciiIdsArePrefixedByTheirUtf8Bytes() {
        EntityKey key = EntityKeys.of("sæt-ü", EntityType.INVOICE, SystemType.XERO, "1");
        assertThat(startsWith(keys.serialize("t", key), prefix.serialize("t", "sæt-ü"))).isTrue();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
