package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.common.EntityType.CONTACT;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_UNCHANGED;
import static io.sxs.schemas.envelope.SyncOutcome.WAITING_DEPENDENCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.serde.InMemorySchemaStore;
import io.sxs.schemas.topic.Topics;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latest store holds each item's last observation as read; an unchanged re-read does not rewrite it. */
class MapperLatestStoreTest {

    @TempDir
    Path stateDir;
    private MapperTestKit kit;
    private final AvroSerde<SpecificRecordBase> serde = new AvroSerde<>(new InMemorySchemaStore());

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void keepsTheFirstReadOfAStateAndEveryNewState() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        ChangeRecord first = upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd"));
        kit.change(first);
        EntityKey key = EntityKeys.of(first);
        assertThat(latest(key).getEventId()).isEqualTo(first.getEventId());

        ChangeRecord reRead = upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd"));
        kit.change(reRead);
        assertThat(latest(key).getEventId()).as("the same observation is not written again").isEqualTo(first.getEventId());

        ChangeRecord newVersion = ChangeRecord.newBuilder(reRead).setEventId("e-3").setSourceVersion("v-2").build();
        kit.change(newVersion);
        assertThat(latest(key).getEventId()).as("a new version stamp is a new observation").isEqualTo("e-3");

        ChangeRecord edited = upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Limited"));
        kit.change(edited);
        assertThat(latest(key).getEventId()).isEqualTo(edited.getEventId());
        assertThat(latest(key).toString()).isEqualTo(edited.toString());
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED, SKIPPED_UNCHANGED, SKIPPED_UNCHANGED,
                WAITING_DEPENDENCY);
    }

    private ChangeRecord latest(EntityKey key) {
        KeyValueStore<EntityKey, byte[]> store = kit.driver.getKeyValueStore(Topics.LATEST_STORE);
        return (ChangeRecord) serde.deserialize(null, store.get(key));
    }
}
