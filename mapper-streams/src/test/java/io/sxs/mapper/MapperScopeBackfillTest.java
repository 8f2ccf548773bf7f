package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.common.EntityType.CONTACT;
import static io.sxs.schemas.common.EntityType.INVOICE;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_OUT_OF_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration change that brings an entity into scope brings over what was seen before, from the latest store. */
class MapperScopeBackfillTest {

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
    void switchingInvoicesFromOffToXeroBringsOverTheInvoicesAlreadySeen() {
        kit = new MapperTestKit(stateDir);
        ConnectionConfig config = connection("c1", Direction.OFF, ContactMode.FROM_SCORO);
        kit.connection(config);
        kit.advance(Duration.ofSeconds(31)); // the mapper notes the connection's scope
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", null, "100")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("43", null, "200")));
        assertThat(outcomes(kit.log())).containsExactly(SKIPPED_OUT_OF_SCOPE, SKIPPED_OUT_OF_SCOPE);
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        ConnectionDirections.set(config, EntityType.INVOICE, Direction.TO_XERO);
        kit.connection(config);
        kit.advance(Duration.ofSeconds(31));

        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).extracting(Command::getSourceId).containsExactlyInAnyOrder("42", "43");
        kit.log();
        kit.advance(Duration.ofSeconds(31));
        assertThat(kit.commands(SystemType.XERO)).as("once, not at every punctuation").isEmpty();
    }

    @Test
    void contactsSwitchedFromWithDocumentsToFromScoroAreCreatedWithoutADocument() {
        kit = new MapperTestKit(stateDir);
        ConnectionConfig config = connection("c1", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS);
        kit.connection(config);
        kit.advance(Duration.ofSeconds(31));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        kit.change(upsert("c1", SystemType.XERO, CONTACT, contact("x-9", "Only In Xero")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        config.setContacts(ContactMode.FROM_SCORO);
        kit.connection(config);
        kit.advance(Duration.ofSeconds(31));

        assertThat(kit.commands(SystemType.XERO)).extracting(Command::getSourceId).containsExactly("7");
        assertThat(kit.commands(SystemType.SCORO)).as("the Xero contact is not Scoro's to receive").isEmpty();
    }

    @Test
    void aPausedConnectionResumedBringsOverWhatArrivedWhileItWasPaused() {
        kit = new MapperTestKit(stateDir);
        ConnectionConfig config = connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO);
        config.setStatus(ConnectionStatus.PAUSED);
        kit.connection(config);
        kit.advance(Duration.ofSeconds(31));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        config.setStatus(ConnectionStatus.ACTIVE);
        kit.connection(config);
        kit.advance(Duration.ofSeconds(31));
        assertThat(kit.commands(SystemType.XERO)).extracting(Command::getSourceId).containsExactly("7");
    }
}
