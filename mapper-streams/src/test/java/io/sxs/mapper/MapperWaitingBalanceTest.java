package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.delete;
import static io.sxs.mapper.Fixtures.failed;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.schemas.common.EntityType.CONTACT;
import static io.sxs.schemas.common.EntityType.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consumers count the items still waiting as WAITING_DEPENDENCY minus RELEASED and DEPENDENCY_MISSING entries: every
 * change that starts waiting must be logged leaving the wait exactly once, however it leaves.
 */
class MapperWaitingBalanceTest {

    @TempDir
    Path stateDir;
    private MapperTestKit kit;
    private final List<SyncLogEntry> log = new ArrayList<>();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void everyWaitIsLoggedEndingOnceWhateverEndsIt() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));

        // Waits for a contact not seen yet; a re-read and an edit replace the waiting change.
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "150")));
        Command contactCreate = single();
        assertThat(contactCreate.getEntity()).isEqualTo(CONTACT);

        // Released by the contact's result; an edit queues behind the invoice's create.
        kit.result(ok(contactCreate, "X-C7"));
        Command create = single();
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "200")));

        // A transient failure releases the queued edit, whose create fails transiently too and is scheduled for retry.
        kit.result(failed(create, ResultStatus.RETRYABLE, "HTTP 503"));
        Command createOf200 = single();
        kit.result(failed(createOf200, ResultStatus.RETRYABLE, "HTTP 503"));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        // A newer change supersedes the retry; an edit queues; reading the item back as processed supersedes that.
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "250")));
        Command createOf250 = single();
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "300")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "250")));

        // A delete queues behind the write in flight and goes out when its result arrives.
        kit.change(delete("c1", SystemType.SCORO, INVOICE, "42"));
        kit.result(ok(createOf250, "X-I42"));
        Command delete = single();
        assertThat(delete.getAction()).isEqualTo(CommandAction.DELETE);
        kit.result(ok(delete, "X-I42"));

        // One waits until it gives up; one waiting for its contact is deleted meanwhile.
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("43", "99", "10")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("44", "98", "10")));
        kit.change(delete("c1", SystemType.SCORO, INVOICE, "44"));
        kit.advance(Duration.ofMinutes(11));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        drainLog();
        assertThat(log).extracting(SyncLogEntry::getOutcome)
                .contains(SyncOutcome.WAITING_DEPENDENCY, SyncOutcome.RELEASED, SyncOutcome.DEPENDENCY_MISSING);
        Map<String, Integer> waiting = new HashMap<>();
        for (SyncLogEntry entry : log) {
            String item = entry.getEntity() + " " + entry.getSystem() + " " + entry.getItemId();
            int before = waiting.getOrDefault(item, 0);
            switch (entry.getOutcome()) {
                case WAITING_DEPENDENCY -> {
                    assertThat(before).as("%s starts waiting while it waits: %s", item, entry.getMessage()).isZero();
                    waiting.put(item, 1);
                }
                case RELEASED, DEPENDENCY_MISSING -> {
                    assertThat(before).as("%s stops waiting without waiting: %s", item, entry.getMessage()).isEqualTo(1);
                    waiting.put(item, 0);
                }
                default -> {
                }
            }
        }
        assertThat(waiting).as("every wait ended").allSatisfy((item, count) -> assertThat(count).as(item).isZero());
        KeyValueStore<Object, Object> pending = kit.driver.getKeyValueStore(Topics.PENDING_STORE);
        try (KeyValueIterator<Object, Object> all = pending.all()) {
            while (all.hasNext()) {
                // What is left are changes whose wait was given up, kept for when their dependency is mapped.
                assertThat(((io.sxs.schemas.envelope.PendingChange) all.next().value).getEndedAt()).as("nothing waits any more")
                        .isNotNull();
            }
        }
    }

    /** The one command issued since the last call. */
    private Command single() {
        drainLog();
        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    private void drainLog() {
        log.addAll(kit.log());
    }
}
