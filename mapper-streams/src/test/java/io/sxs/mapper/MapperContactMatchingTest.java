package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before a contact is created in the other system, the one it already is there is found and linked. */
class MapperContactMatchingTest {

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
    void aScoroContactWhoseNameXeroHasInAnotherCaseIsLinkedNotDuplicated() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        Contact inXero = contact("x-acme", "ACME LTD");
        inXero.setEmail(null);
        kit.change(upsert("c1", SystemType.XERO, EntityType.CONTACT, inXero));
        kit.log();

        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("s1", "Acme Ltd")));
        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).getAction()).isEqualTo(CommandAction.UPDATE);
        assertThat(commands.get(0).getTargetId()).isEqualTo("x-acme");
        assertThat(kit.log()).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(SyncOutcome.COMMAND_ISSUED);
            assertThat(e.getMessage()).contains("linked to the existing Xero contact 'ACME LTD' by name instead of creating one");
        });
    }

    @Test
    void twoCandidatesGoToReviewWithBothNamedAndNothingIsWritten() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        Contact north = contact("x-1", "Acme North");
        north.setEmail("ap@acme.test");
        Contact south = contact("x-2", "Acme South");
        south.setEmail("ap@acme.test");
        kit.change(upsert("c1", SystemType.XERO, EntityType.CONTACT, north));
        kit.change(upsert("c1", SystemType.XERO, EntityType.CONTACT, south));
        kit.log();

        Contact source = contact("s1", "Acme Ltd");
        source.setEmail("AP@acme.test");
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, source));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        SyncLogEntry review = kit.log().get(0);
        assertThat(review.getOutcome()).isEqualTo(SyncOutcome.BLOCKED);
        assertThat(review.getMessage()).contains("review: 2 Xero contacts match by e-mail")
                .contains("x-1 'Acme North'").contains("x-2 'Acme South'");

        // The same state read again does not ask again; a change of it is matched afresh.
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, source));
        assertThat(outcomes(kit.log())).containsExactly(SyncOutcome.SKIPPED_UNCHANGED);
        Contact numbered = Contact.newBuilder(source).setNumber("C-9").setEmail("billing@acme.test").build();
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, numbered));
        assertThat(kit.commands(SystemType.XERO)).singleElement()
                .satisfies(c -> assertThat(c.getAction()).isEqualTo(CommandAction.CREATE));
    }

    @Test
    void aContactAlreadyLinkedToAnotherIsNoCandidate() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("s1", "Acme Ltd")));
        Command create = kit.commands(SystemType.XERO).get(0);
        kit.result(Fixtures.ok(create, "x-acme"));
        kit.change(upsert("c1", SystemType.XERO, EntityType.CONTACT, contact("x-acme", "Acme Ltd")));
        kit.log();

        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("s2", "acme ltd")));
        assertThat(kit.commands(SystemType.XERO)).singleElement()
                .satisfies(c -> assertThat(c.getAction()).as("x-acme is s1's").isEqualTo(CommandAction.CREATE));
    }
}
