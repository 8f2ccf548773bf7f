package io.sxs.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.schemas.Fixtures;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.EntityKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<SpecificRecordBase> serde = new AvroSerde<>(new InMemorySchemaStore());

    @Test
    void aRecordThatFailsHalfwayLeavesNothingBehindForTheNextOneOnTheThread() {
        ChangeRecord good = Fixtures.change(Fixtures.invoice("line-1", Instant.parse("2026-11-01T10:00:00Z")));
        ChangeRecord bad = ChangeRecord.newBuilder(good).build();
        // Not a member of the payload union: the encoder has written the envelope's first fields when it fails.
        bad.setPayload(io.sxs.schemas.entity.TrackingOption.newBuilder().setId("o").setName("n")
                .setStatus(RecordStatus.ACTIVE).build());
        assertThatThrownBy(() -> serde.serialize("t", bad)).isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);

        byte[] bytes = serde.serialize("t", good);
        assertThat(serde.deserialize("t", bytes).toString()).isEqualTo(good.toString());
    }

    @Test
    void roundTripsAnyTypeWithDecimalsAndDatesThroughOneDeserializer() {
        ChangeRecord change = Fixtures.change(Fixtures.invoice("L1", Instant.parse("2026-11-01T10:00:00Z")));
        EntityKey key = EntityKey.newBuilder().setConnectionId("c1").setEntity(EntityType.INVOICE)
                .setSystem(SystemType.XERO).setId("abc").build();

        SpecificRecordBase decodedChange = serde.deserialize("t", serde.serialize("t", change));
        SpecificRecordBase decodedKey = serde.deserialize("t", serde.serialize("t", key));

        // Generated equals() compares arrays with GenericData, which lacks the decimal conversion: compare the JSON form.
        assertThat(decodedChange.toString()).isEqualTo(change.toString());
        assertThat(((Invoice) ((ChangeRecord) decodedChange).getPayload()).getTotal()).isEqualTo(new BigDecimal("180.00"));
        assertThat(decodedKey).isEqualTo(key);
    }

    @Test
    void bytesAreSingleObjectEncoded() {
        byte[] bytes = serde.serialize("t", Fixtures.change(Fixtures.invoice(null, null)));
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
    }

    @Test
    void bytesAreThoseOfAvrosOwnMessageEncoderAndItsDecoderReadsThem() throws Exception {
        ChangeRecord change = Fixtures.change(Fixtures.invoice("L1", Instant.parse("2026-11-01T10:00:00Z")));
        byte[] ours = serde.serialize("t", change);

        assertThat(ours).isEqualTo(ChangeRecord.getEncoder().encode(change).array());
        assertThat(ChangeRecord.getDecoder().decode(ours).toString()).isEqualTo(change.toString());
    }

    @Test
    void recordsThatEncodeThemselvesGiveTheSameBytesAsAvrosGenericWriter() throws Exception {
        EntityKey key = EntityKey.newBuilder().setConnectionId("c1").setEntity(EntityType.CONTACT)
                .setSystem(SystemType.SCORO).setId("7").build();
        Contact contact = Contact.newBuilder().setId("7").setName("Acme Ltd").setStatus(RecordStatus.ACTIVE)
                .setUpdatedAt(Instant.parse("2026-11-01T10:00:00Z"))
                .setAddresses(List.of(Address.newBuilder().setType("STREET").setLine1("1 High Street").setCity("London").build()))
                .setPhones(List.of(new Phone("DEFAULT", "+44 20 7946 0000"))).build();
        ChangeRecord change = ChangeRecord.newBuilder(Fixtures.change(Fixtures.invoice(null, null))).setEntity(EntityType.CONTACT)
                .setPayload(contact).build();

        assertThat(serde.serialize("t", key)).isEqualTo(EntityKey.getEncoder().encode(key).array());
        assertThat(serde.serialize("t", change)).isEqualTo(ChangeRecord.getEncoder().encode(change).array());
    }

    @Test
    void rejectsBytesThatAreNotSingleObjectEncodedWithANamedError() {
        assertThatThrownBy(() -> serde.deserialize("t", "{\"json\":true}".getBytes()))
                .isInstanceOf(UnknownSchemaException.class).hasMessageContaining("not Avro single-object encoded");
    }

    @Test
    void rejectsUnknownFingerprints() {
        byte[] bytes = serde.serialize("t", Fixtures.change(Fixtures.invoice(null, null)));
        bytes[5] ^= 0x7f;
        assertThatThrownBy(() -> serde.deserialize("t", bytes))
                .isInstanceOf(UnknownSchemaException.class).hasMessageContaining("Unknown writer schema");
    }

    @Test
    void configureAcceptsBootstrapServersAsStringOrListAndMemoryStore() {
        AvroSerde<SpecificRecordBase> fromList = new AvroSerde<>();
        fromList.configure(Map.of("bootstrap.servers", List.of("localhost:1", "localhost:2")), false);
        AvroSerde<SpecificRecordBase> fromString = new AvroSerde<>();
        fromString.configure(Map.of("bootstrap.servers", "localhost:1"), false);
        AvroSerde<SpecificRecordBase> memory = new AvroSerde<>();
        memory.configure(Map.of(AvroSerde.STORE_CONFIG, "memory"), false);
        ChangeRecord change = Fixtures.change(Fixtures.invoice(null, null));
        assertThat(memory.deserialize("t", memory.serialize("t", change)).toString()).isEqualTo(change.toString());
        assertThatThrownBy(() -> new AvroSerde<>().configure(Map.of(), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
