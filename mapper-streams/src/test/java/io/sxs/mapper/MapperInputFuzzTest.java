package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Invalid records on the mapper's input topics (bytes that are not Avro, encodings cut short or with flipped bytes,
 * records of the wrong type, changes under another connection's key, without an id, without or with the wrong
 * payload, with huge strings, for unknown connections, results of commands never issued): none stops the topology,
 * each ends in the sync log as a typed outcome that names the record (its id, or where it was read), no command
 * comes of it, and a valid change right after it is still synced.
 */
class MapperInputFuzzTest {

    enum Bad { RANDOM_BYTES, TRUNCATED, FLIPPED_BYTES, WRONG_TYPE, KEY_MISMATCH, BLANK_ID, NO_PAYLOAD, WRONG_PAYLOAD,
        HUGE_STRINGS, UNKNOWN_CONNECTION, RESULT_OF_NO_COMMAND, RESULT_GARBAGE }

    private static final Set<SyncOutcome> TYPED = EnumSet.of(SyncOutcome.INVALID_INPUT, SyncOutcome.SKIPPED_OUT_OF_SCOPE,
            SyncOutcome.SKIPPED_UNCHANGED);
    private static final Set<SyncOutcome> FLIPPED = EnumSet.of(SyncOutcome.INVALID_INPUT, SyncOutcome.SKIPPED_OUT_OF_SCOPE,
            SyncOutcome.SKIPPED_UNCHANGED, SyncOutcome.WAITING_DEPENDENCY);
    private static MapperTestKit kit;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();

    @BeforeContainer
    static void topology() throws Exception {
        Path dir = Files.createTempDirectory("sxs-mapper-fuzz-");
        kit = new MapperTestKit(dir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
    }

    @AfterContainer
    static void report() {
        System.out.println("Mapper inputs fuzzed: " + new java.util.TreeMap<>(OUTCOMES));
        kit.close();
    }

    @Provide
    Arbitrary<Map.Entry<Bad, Long>> inputs() {
        return Combinators.combine(Arbitraries.of(Bad.class), Arbitraries.longs()).as(Map::entry);
    }

    @Property(tries = 600)
    void noInvalidRecordStopsTheMapperAndEachEndsAsATypedEntryNamingIt(@ForAll("inputs") Map.Entry<Bad, Long> input) {
        Bad bad = input.getKey();
        Random random = new Random(input.getValue());
        int n = SEQ.incrementAndGet();
        feed(bad, random, n);

        List<SyncLogEntry> log = kit.log();
        assertThat(log).as("%s is logged", bad).isNotEmpty();
        for (SyncLogEntry e : log) {
            // Flipped bytes may still decode into a well-formed invoice: it then waits for its (unknown) contact.
            assertThat(e.getOutcome()).as("%s: %s", bad, e.getMessage()).isIn(bad == Bad.FLIPPED_BYTES ? FLIPPED : TYPED);
            assertThat(e.getItemId() != null || e.getMessage().contains("@")).as("%s names the record: %s", bad, e.getMessage())
                    .isTrue();
            OUTCOMES.computeIfAbsent(bad + " " + e.getOutcome(), k -> new AtomicLong()).incrementAndGet();
        }
        assertThat(kit.commands(SystemType.XERO)).as("nothing is written of %s", bad).isEmpty();
        assertThat(kit.commands(SystemType.SCORO)).isEmpty();
        kit.hints();

        // And the mapper still syncs: a valid change right after it becomes its command.
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("ok-" + n, "Valid " + n)));
        assertThat(kit.commands(SystemType.XERO)).singleElement().satisfies(c -> assertThat(c.getAction()).isEqualTo(CommandAction.CREATE));
        kit.log();
    }

    private static void feed(Bad bad, Random random, int n) {
        ChangeRecord valid = upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("bad-" + n, "Bad " + n));
        switch (bad) {
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                kit.raw(random.nextBoolean() ? Topics.CHANGES_SCORO : Topics.CHANGES_XERO, "c1", bytes);
            }
            case TRUNCATED -> {
                byte[] full = kit.encode(valid);
                kit.raw(Topics.CHANGES_SCORO, "c1", java.util.Arrays.copyOf(full, 1 + random.nextInt(full.length - 1)));
            }
            case FLIPPED_BYTES -> {
                byte[] full = kit.encode(upsert("c1", SystemType.SCORO, EntityType.INVOICE, invoice("bad-" + n, "nobody-" + n, "10")));
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    int at = 10 + random.nextInt(full.length - 10); // past the header: the schema is known, the body is not
                    full[at] = (byte) random.nextInt(256);
                }
                kit.raw(Topics.CHANGES_SCORO, "c1", full);
            }
            case WRONG_TYPE -> kit.raw(Topics.CHANGES_XERO, "c1", kit.encode(WriteResult.newBuilder().setCommandId("x" + n)
                    .setConnectionId("c1").setTargetSystem(SystemType.XERO).setEntity(EntityType.CONTACT).setAction(CommandAction.CREATE)
                    .setSourceSystem(SystemType.SCORO).setSourceId("s").setSourceHash("h").setStatus(ResultStatus.OK).setCompletedAt(Instant.EPOCH).build()));
            case KEY_MISMATCH -> kit.change("c2", valid);
            case BLANK_ID -> {
                valid.setSourceId(random.nextBoolean() ? "" : " ");
                kit.change(valid);
            }
            case NO_PAYLOAD -> {
                valid.setPayload(null);
                kit.change(valid);
            }
            case WRONG_PAYLOAD -> kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, contact("bad-" + n, "Not an invoice")));
            case HUGE_STRINGS -> {
                // A huge name is still a name; what makes it invalid is its missing id.
                ChangeRecord huge = upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("", "N".repeat(100_000 + random.nextInt(1000))));
                kit.change(huge);
            }
            case UNKNOWN_CONNECTION -> kit.change(upsert("nobody-" + n, SystemType.SCORO, EntityType.CONTACT, contact("x" + n, "X")));
            case RESULT_OF_NO_COMMAND -> kit.result(WriteResult.newBuilder().setCommandId("never-" + n).setConnectionId("c1")
                    .setTargetSystem(SystemType.XERO).setEntity(EntityType.CONTACT).setAction(CommandAction.UPDATE)
                    .setSourceSystem(SystemType.SCORO).setSourceId("never-" + n).setSourceHash("h").setStatus(ResultStatus.OK).setTargetId("T-" + n)
                    .setCompletedAt(Instant.EPOCH).build());
            case RESULT_GARBAGE -> {
                byte[] bytes = new byte[1 + random.nextInt(100)];
                random.nextBytes(bytes);
                kit.raw(Topics.RESULTS, "c1", bytes);
            }
        }
    }
}
