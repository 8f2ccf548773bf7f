package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.failed;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.common.EntityType.CONTACT;
import static io.sxs.schemas.common.EntityType.INVOICE;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.FAILED;
import static io.sxs.schemas.envelope.SyncOutcome.RELEASED;
import static io.sxs.schemas.envelope.SyncOutcome.WAITING_DEPENDENCY;
import static io.sxs.schemas.envelope.SyncOutcome.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.ResultStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails for a transient reason is retried by the mapper itself; nothing waits for the item to change. */
class MapperRetryTest {

    @TempDir
    Path stateDir;
    private MapperTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void aTransientFailureIsRetriedAtTheNextPunctuationWithTheSameContent() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        Command first = createInvoiceWithMappedContact();
        assertThat(first.getMayExist()).as("a first create: nothing can exist yet").isFalse();

        kit.result(failed(first, ResultStatus.RETRYABLE, "HTTP 503 after 4 attempts"));
        assertThat(kit.commands(SystemType.XERO)).as("not at once").isEmpty();
        assertThat(outcomes(kit.log())).containsExactly(FAILED, WAITING_DEPENDENCY);

        kit.advance(MapperSettings.DEFAULT_PUNCTUATE_INTERVAL.plusSeconds(1));
        Command retry = kit.commands(SystemType.XERO).get(0);
        assertThat(retry.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(retry.getMayExist()).as("the failed attempt may have created it").isTrue();
        assertThat(retry.getSourceId()).isEqualTo("42");
        assertThat(retry.getIdempotencyKey()).as("same content, same key: a replay cannot write twice")
                .isEqualTo(first.getIdempotencyKey());
        assertThat(((Invoice) retry.getPayload()).getContactRef()).isEqualTo("X-C7");
        assertThat(outcomes(kit.log())).containsExactly(RELEASED, COMMAND_ISSUED);

        kit.result(ok(retry, "X-I42"));
        assertThat(outcomes(kit.log())).containsExactly(WRITTEN);
        kit.advance(Duration.ofMinutes(2));
        assertThat(kit.commands(SystemType.XERO)).as("done: nothing more is retried").isEmpty();
    }

    @Test
    void aNewerChangeReplacesAScheduledRetry() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        Command first = createInvoiceWithMappedContact();
        kit.result(failed(first, ResultStatus.RETRYABLE, "timeout"));
        kit.log();

        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "150")));
        List<Command> now = kit.commands(SystemType.XERO);
        assertThat(now).singleElement().satisfies(c -> assertThat(c.getSourceHash()).isNotEqualTo(first.getSourceHash()));
        assertThat(outcomes(kit.log())).containsExactly(RELEASED, COMMAND_ISSUED);

        kit.advance(MapperSettings.DEFAULT_PUNCTUATE_INTERVAL.plusSeconds(1));
        assertThat(kit.commands(SystemType.XERO)).as("the superseded retry is gone").isEmpty();
    }

    @Test
    void rejectedWritesAreNotRetried() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        Command first = createInvoiceWithMappedContact();
        kit.result(failed(first, ResultStatus.REJECTED, "Account code 999 is not valid"));
        kit.advance(Duration.ofMinutes(2));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
    }

    /** Contact 7 mapped to X-C7, then invoice 42 issued as a CREATE; returns that command. */
    private Command createInvoiceWithMappedContact() {
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, Fixtures.contact("7", "Acme Ltd")));
        Command contactCreate = kit.commands(SystemType.XERO).get(0);
        kit.result(ok(contactCreate, "X-C7"));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        Command invoiceCreate = kit.commands(SystemType.XERO).get(0);
        assertThat(invoiceCreate.getEntity()).isEqualTo(INVOICE);
        kit.log();
        return invoiceCreate;
    }
}
