package io.sxs.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.sandbox.http.ReplyCorruption;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.serde.InMemorySchemaStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The readers' fuzzing harness, shared by the connectors' fuzz tests: what to generate (a damage to a real reply and
 * which reader gets it) and what must hold of whatever a reader returns, with a tally of the outcomes for the notes.
 */
public final class ReaderFuzzing {

    private final AvroSerde<SpecificRecordBase> serde = new AvroSerde<>(new InMemorySchemaStore());
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    /** {@code @ForAll(supplier = ReaderFuzzing.Corruptions.class)}: one damage to a real reply. */
    public static final class Corruptions implements ArbitrarySupplier<ReplyCorruption> {
        @Override
        public Arbitrary<ReplyCorruption> get() {
            return Combinators.combine(Arbitraries.of(ReplyCorruption.Kind.class), Arbitraries.integers().between(0, 5_000))
                    .as(ReplyCorruption::new);
        }
    }

    /** {@code @ForAll(supplier = ReaderFuzzing.ReaderIndexes.class)}: which reader (modulo their number). */
    public static final class ReaderIndexes implements ArbitrarySupplier<Integer> {
        @Override
        public Arbitrary<Integer> get() {
            return Arbitraries.integers().between(0, 63);
        }
    }

    /** An item names its record and either maps (and then goes on the wire) or says why it does not. */
    public void check(ReadItem item, ReplyCorruption corruption) {
        assertThat(item.sourceId()).as("%s names its record under %s", item, corruption).isNotBlank();
        assertThat(item.entity()).isNotNull();
        if (item.invalidReason() != null) {
            assertThat(item.payload()).isNull();
            count("invalid item");
            return;
        }
        assertThat(item.summary() || item.payload() != null || item.operation() == Operation.DELETE)
                .as("%s maps or says why not", item).isTrue();
        if (item.payload() != null) {
            // What maps must also go on the wire: an Avro decimal that does not fit would fail the poll every time.
            assertThat(serde.serialize("fuzz", item.payload())).as("%s encodes", item).isNotEmpty();
            ContentHasher.hash(item.payload());
        }
        count("mapped item");
    }

    /** A page (or detail) that could not be read fails with a typed error. */
    public void failed(ApiException e, String what) {
        assertThat(e.kind()).as("a typed failure: %s", e.getMessage()).isNotNull();
        count(what + " ApiException " + e.kind());
    }

    public void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    public String report() {
        return new TreeMap<>(outcomes).toString();
    }
}
