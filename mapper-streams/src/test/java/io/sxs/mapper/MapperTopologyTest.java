package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.delete;
import static io.sxs.mapper.Fixtures.failed;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.Fixtures.written;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.common.EntityType.CONTACT;
import static io.sxs.schemas.common.EntityType.CREDIT_NOTE;
import static io.sxs.schemas.common.EntityType.INVOICE;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.DEPENDENCY_MISSING;
import static io.sxs.schemas.envelope.SyncOutcome.INVALID_INPUT;
import static io.sxs.schemas.envelope.SyncOutcome.REJECTED;
import static io.sxs.schemas.envelope.SyncOutcome.RELEASED;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_ECHO;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_NOT_OWNER;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_OUT_OF_SCOPE;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_UNCHANGED;
import static io.sxs.schemas.envelope.SyncOutcome.WAITING_DEPENDENCY;
import static io.sxs.schemas.envelope.SyncOutcome.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncStage;
import io.sxs.schemas.registry.SystemNames;
import io.sxs.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MapperTopologyTest {

    @TempDir
    Path stateDir;

    private MapperTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private static Direction invoicesOwnedBy(SystemType owner) {
        return owner == SystemType.SCORO ? Direction.TO_XERO : Direction.TO_SCORO;
    }

    /** Contact 7 and invoice 42 (contact 7, 100.00) from the owner; returns the invoice's CREATE, left in flight. */
    private Command invoiceCreateInFlight(SystemType owner) {
        SystemType target = OwnershipPolicy.other(owner);
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", invoicesOwnedBy(owner), ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c1", owner, CONTACT, contact("7", "Acme Ltd")));
        kit.change(upsert("c1", owner, INVOICE, invoice("42", "7", "100")));
        Command contactCreate = kit.commands(target).get(0);
        kit.result(ok(contactCreate, "T-C7"));
        Command invoiceCreate = kit.commands(target).get(0);
        assertThat(invoiceCreate.getEntity()).isEqualTo(INVOICE);
        kit.log();
        return invoiceCreate;
    }

    /** As above, and the invoice written to the target as T-I42. */
    private Command syncedInvoice(SystemType owner) {
        Command create = invoiceCreateInFlight(owner);
        kit.result(ok(create, "T-I42"));
        assertThat(outcomes(kit.log())).containsExactly(WRITTEN);
        return create;
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void documentCreatesItsContactFirstThenItselfWithTheTranslatedContact(SystemType owner) {
        SystemType target = OwnershipPolicy.other(owner);
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", invoicesOwnedBy(owner), ContactMode.WITH_DOCUMENTS));

        kit.change(upsert("c1", owner, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(target)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_OUT_OF_SCOPE);
        assertThat(log.get(0).getMessage()).contains("contact syncs with its documents");

        kit.change(upsert("c1", owner, INVOICE, invoice("42", "7", "100")));
        List<Command> commands = kit.commands(target);
        assertThat(commands).hasSize(1);
        Command contactCreate = commands.get(0);
        assertThat(contactCreate.getEntity()).isEqualTo(CONTACT);
        assertThat(contactCreate.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(contactCreate.getSourceSystem()).isEqualTo(owner);
        assertThat(contactCreate.getSourceId()).isEqualTo("7");
        assertThat(contactCreate.getTargetId()).isNull();
        assertThat(((Contact) contactCreate.getPayload()).getId()).isEmpty();
        assertThat(((Contact) contactCreate.getPayload()).getName()).isEqualTo("Acme Ltd");
        assertThat(kit.commands(owner)).isEmpty();
        log = kit.log();
        assertThat(outcomes(log)).containsExactly(COMMAND_ISSUED, WAITING_DEPENDENCY);
        assertThat(log.get(0).getItemId()).isEqualTo("7");
        assertThat(log.get(0).getCommandId()).isEqualTo(contactCreate.getCommandId());
        assertThat(log.get(0).getMessage()).contains("needed by invoice 42");
        assertThat(log.get(1).getItemId()).isEqualTo("42");
        assertThat(log.get(1).getMessage()).contains("contact 7 in " + SystemNames.of(owner) + " (create issued)");
        assertThat(log).allSatisfy(entry -> {
            assertThat(entry.getStage()).isEqualTo(SyncStage.MAPPER);
            assertThat(entry.getConnectionId()).isEqualTo("c1");
            assertThat(entry.getSystem()).isEqualTo(owner);
        });

        kit.result(ok(contactCreate, "T-C7"));
        commands = kit.commands(target);
        assertThat(commands).hasSize(1);
        Command invoiceCreate = commands.get(0);
        assertThat(invoiceCreate.getEntity()).isEqualTo(INVOICE);
        assertThat(invoiceCreate.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(invoiceCreate.getTargetId()).isNull();
        assertThat(invoiceCreate.getSourceId()).isEqualTo("42");
        assertThat(invoiceCreate.getIdempotencyKey()).isNotBlank().hasSizeLessThanOrEqualTo(128);
        Invoice payload = (Invoice) invoiceCreate.getPayload();
        assertThat(payload.getId()).isEmpty();
        assertThat(payload.getContactRef()).isEqualTo("T-C7");
        assertThat(payload.getLines().get(0).getLineId()).isNull();
        assertThat(payload.getLines().get(0).getItemCode()).as("a line without an item reference keeps its code").isEqualTo("CONSULT");
        assertThat(payload.getTotal()).isEqualByComparingTo("100.00");
        log = kit.log();
        assertThat(outcomes(log)).containsExactly(WRITTEN, RELEASED, COMMAND_ISSUED);
        assertThat(log.get(0).getItemId()).isEqualTo("7");
        assertThat(log.get(0).getCounterpartId()).isEqualTo("T-C7");
        assertThat(log.get(1).getItemId()).isEqualTo("42");
        assertThat(log.get(2).getCommandId()).isEqualTo(invoiceCreate.getCommandId());
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void secondChangeOfTheInvoiceIsAnUpdateOfItsCounterpart(SystemType owner) {
        syncedInvoice(owner);
        kit.change(upsert("c1", owner, INVOICE, invoice("42", "7", "150")));

        List<Command> commands = kit.commands(OwnershipPolicy.other(owner));
        assertThat(commands).hasSize(1);
        Command update = commands.get(0);
        assertThat(update.getAction()).isEqualTo(CommandAction.UPDATE);
        assertThat(update.getTargetId()).isEqualTo("T-I42");
        Invoice payload = (Invoice) update.getPayload();
        assertThat(payload.getId()).isEqualTo("T-I42");
        assertThat(payload.getContactRef()).isEqualTo("T-C7");
        assertThat(payload.getTotal()).isEqualByComparingTo("150.00");
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(COMMAND_ISSUED);
        assertThat(log.get(0).getCounterpartId()).isEqualTo("T-I42");
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void changeWhileTheWriteIsInFlightIsQueuedAndProcessedAfterTheResult(SystemType owner) {
        SystemType target = OwnershipPolicy.other(owner);
        Command create = invoiceCreateInFlight(owner);

        kit.change(upsert("c1", owner, INVOICE, invoice("42", "7", "150")));
        assertThat(kit.commands(target)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(WAITING_DEPENDENCY);
        assertThat(log.get(0).getMessage()).contains("write in flight");
        assertThat(log.get(0).getCommandId()).isEqualTo(create.getCommandId());

        kit.result(ok(create, "T-I42"));
        List<Command> commands = kit.commands(target);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).getAction()).isEqualTo(CommandAction.UPDATE);
        assertThat(commands.get(0).getTargetId()).isEqualTo("T-I42");
        assertThat(((Invoice) commands.get(0).getPayload()).getTotal()).isEqualByComparingTo("150.00");
        assertThat(outcomes(kit.log())).containsExactly(WRITTEN, RELEASED, COMMAND_ISSUED);
    }

    @Test
    void aLaterReadInTheWrittenStateIsAChangeTheSyncDoesNotCarryNotAnEcho() {
        SystemType owner = SystemType.SCORO;
        SystemType target = SystemType.XERO;
        Command create = syncedInvoice(owner);
        kit.change(upsert("c1", target, INVOICE, written(create, "T-I42")));
        assertThat(outcomes(kit.log())).containsExactly(SKIPPED_ECHO);

        // Paid in part in Xero: the amount paid is not carried by the invoice, so its content is what was written.
        Invoice paid = (Invoice) written(create, "T-I42");
        paid.setAmountPaid(new java.math.BigDecimal("50.00"));
        kit.change(upsert("c1", target, INVOICE, paid));

        assertThat(kit.commands(owner)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_UNCHANGED);
        assertThat(log.get(0).getMessage()).doesNotContain("own write").contains("an amount paid");
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void theWrittenStateReadBackFromTheTargetIsAnEcho(SystemType owner) {
        SystemType target = OwnershipPolicy.other(owner);
        Command create = syncedInvoice(owner);

        kit.change(upsert("c1", target, INVOICE, written(create, "T-I42")));

        assertThat(kit.commands(owner)).isEmpty();
        assertThat(kit.commands(target)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_ECHO);
        assertThat(log.get(0).getSystem()).isEqualTo(target);
        assertThat(log.get(0).getItemId()).isEqualTo("T-I42");
        assertThat(log.get(0).getCounterpartId()).isEqualTo("42");
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void aUserChangeInTheSystemThatDoesNotOwnTheInvoiceIsNotPropagated(SystemType owner) {
        SystemType target = OwnershipPolicy.other(owner);
        syncedInvoice(owner);

        kit.change(upsert("c1", target, INVOICE, invoice("T-I42", "T-C7", "999")));

        assertThat(kit.commands(owner)).isEmpty();
        assertThat(kit.commands(target)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_NOT_OWNER);
        assertThat(log.get(0).getMessage()).startsWith(SystemNames.of(owner) + " owns this invoice");
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void anUnchangedReReadIsSkipped(SystemType owner) {
        syncedInvoice(owner);

        kit.change(upsert("c1", owner, INVOICE, invoice("42", "7", "100")));

        assertThat(kit.commands(OwnershipPolicy.other(owner))).isEmpty();
        assertThat(outcomes(kit.log())).containsExactly(SKIPPED_UNCHANGED);
    }

    @ParameterizedTest
    @EnumSource(SystemType.class)
    void aDeleteInTheOwnerBecomesADeleteCommand(SystemType owner) {
        SystemType target = OwnershipPolicy.other(owner);
        syncedInvoice(owner);

        kit.change(delete("c1", owner, INVOICE, "42"));
        List<Command> commands = kit.commands(target);
        assertThat(commands).hasSize(1);
        Command delete = commands.get(0);
        assertThat(delete.getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(delete.getTargetId()).isEqualTo("T-I42");
        assertThat(delete.getPayload()).isNull();
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED);

        kit.result(ok(delete, "T-I42"));
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(WRITTEN);
        assertThat(log.get(0).getMessage()).contains("deleted");

        // Re-reading the delete changes nothing; deleting an item that never synced has nothing to delete.
        kit.change(delete("c1", owner, INVOICE, "42"));
        kit.change(delete("c1", owner, INVOICE, "55"));
        assertThat(kit.commands(target)).isEmpty();
        log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_UNCHANGED, SKIPPED_UNCHANGED);
        assertThat(log.get(1).getMessage()).contains("never synced");
    }

    @Test
    void aContactArrivingAfterTheDocumentThatWaitsForItIsCreatedThenTheDocument() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.log()).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("contact 7 in Scoro (not seen yet; asked Scoro for it)"));

        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        Command contactCreate = kit.commands(SystemType.XERO).get(0);
        assertThat(contactCreate.getEntity()).isEqualTo(CONTACT);
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED);

        kit.result(ok(contactCreate, "X-C7"));
        assertThat(kit.commands(SystemType.XERO)).singleElement().satisfies(c -> {
            assertThat(c.getEntity()).isEqualTo(INVOICE);
            assertThat(((Invoice) c.getPayload()).getContactRef()).isEqualTo("X-C7");
        });
        assertThat(outcomes(kit.log())).containsExactly(WRITTEN, RELEASED, COMMAND_ISSUED);
    }

    @Test
    void aMappedContactReleasesOnlyItsOwnConnectionsWaitingDocuments() {
        kit = new MapperTestKit(stateDir);
        // "c1" is a prefix of "c10": the look-up of waiting documents by connection must not mix them up.
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.connection(connection("c10", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c10", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        assertThat(outcomes(kit.log())).containsExactly(WAITING_DEPENDENCY, WAITING_DEPENDENCY);

        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        Command contactCreate = kit.commands(SystemType.XERO).get(0);
        assertThat(contactCreate.getConnectionId()).isEqualTo("c1");
        kit.log();

        kit.result(ok(contactCreate, "X-C7"));
        assertThat(kit.commands(SystemType.XERO)).singleElement().satisfies(c -> {
            assertThat(c.getConnectionId()).isEqualTo("c1");
            assertThat(c.getEntity()).isEqualTo(INVOICE);
        });
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(WRITTEN, RELEASED, COMMAND_ISSUED);
        assertThat(log).extracting(SyncLogEntry::getConnectionId).containsOnly("c1");
    }

    @Test
    void aFailedContactCreateEndsTheDocumentsWaitingForIt() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("43", "7", "200")));
        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).as("one contact create, however many documents need it").hasSize(1);
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_OUT_OF_SCOPE, COMMAND_ISSUED, WAITING_DEPENDENCY, WAITING_DEPENDENCY);
        assertThat(log.get(3).getMessage()).contains("contact 7 in Scoro (its create is in flight)");

        kit.result(failed(commands.get(0), ResultStatus.REJECTED, "The contact name Acme Ltd is already assigned to another contact"));

        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        log = kit.log();
        assertThat(outcomes(log)).containsExactly(REJECTED, DEPENDENCY_MISSING, DEPENDENCY_MISSING);
        assertThat(log.get(0).getItemId()).isEqualTo("7");
        assertThat(log.get(0).getMessage()).contains("already assigned").contains("ValidationException");
        assertThat(log.subList(1, 3)).extracting(SyncLogEntry::getItemId).containsExactlyInAnyOrder("42", "43");
        assertThat(log.get(1).getMessage())
                .startsWith("contact 7 could not be created in Xero: The contact name Acme Ltd is already assigned");

        // They left the waiting list: the timeout does not report them a second time.
        kit.advance(Duration.ofMinutes(11));
        assertThat(kit.log()).isEmpty();

        // Released when fixed: the contact is corrected in Scoro and syncs; the documents follow without anyone
        // touching them.
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Trading Ltd")));
        Command retry = kit.commands(SystemType.XERO).get(0);
        assertThat(retry.getEntity()).isEqualTo(CONTACT);
        assertThat(retry.getMayExist()).as("an earlier create was attempted").isTrue();
        kit.log();
        kit.result(ok(retry, "X-C7"));
        List<Command> documents = kit.commands(SystemType.XERO);
        assertThat(documents).extracting(Command::getSourceId).containsExactlyInAnyOrder("42", "43");
        assertThat(documents).allSatisfy(c -> assertThat(((Invoice) c.getPayload()).getContactRef()).isEqualTo("X-C7"));
        assertThat(outcomes(kit.log())).as("no RELEASED: they were not waiting any more")
                .containsExactly(WRITTEN, COMMAND_ISSUED, COMMAND_ISSUED);
    }

    @Test
    void aDependencyThatNeverArrivesTimesOutNamingTheMissingReference() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "99", "100")));
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(WAITING_DEPENDENCY);
        assertThat(log.get(0).getMessage()).contains("contact 99 in Scoro (not seen yet; asked Scoro for it)");

        kit.advance(Duration.ofMinutes(5));
        assertThat(kit.log()).isEmpty();
        // A re-read replaces the waiting change (so the log releases the one and logs the other waiting), but does not
        // restart the clock.
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "99", "100")));
        assertThat(outcomes(kit.log())).containsExactly(RELEASED, WAITING_DEPENDENCY);
        kit.advance(Duration.ofMinutes(4));
        assertThat(kit.log()).isEmpty();

        kit.advance(Duration.ofMinutes(2));
        log = kit.log();
        assertThat(outcomes(log)).containsExactly(DEPENDENCY_MISSING);
        assertThat(log.get(0).getItemId()).isEqualTo("42");
        assertThat(log.get(0).getEntity()).isEqualTo(INVOICE);
        assertThat(log.get(0).getMessage()).contains("missing contact 99 in Scoro");
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        kit.advance(Duration.ofMinutes(11));
        assertThat(kit.log()).isEmpty();

        // The contact turns up at last: the document that gave up on it brings it across, then follows.
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("99", "Late Ltd")));
        Command contactCreate = kit.commands(SystemType.XERO).get(0);
        assertThat(contactCreate.getSourceId()).isEqualTo("99");
        kit.log();
        kit.result(ok(contactCreate, "X-C99"));
        assertThat(kit.commands(SystemType.XERO)).extracting(Command::getSourceId).containsExactly("42");
    }

    @Test
    void aCreditNoteWaitsForTheInvoiceItCredits() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "T-C7"));
        Invoice credit = invoice("50", "7", "-20");
        credit.setDocumentType(DocumentType.CREDIT_NOTE);
        credit.setCreditedInvoiceRefs(List.of("42"));
        kit.change(upsert("c1", SystemType.SCORO, CREDIT_NOTE, credit));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(COMMAND_ISSUED, WRITTEN, WAITING_DEPENDENCY);
        assertThat(log.get(2).getMessage()).contains("invoice 42 in Scoro (not mapped yet)");

        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "T-I42"));

        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).getEntity()).isEqualTo(CREDIT_NOTE);
        assertThat(((Invoice) commands.get(0).getPayload()).getCreditedInvoiceRefs()).containsExactly("T-I42");
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED, WRITTEN, RELEASED, COMMAND_ISSUED);
    }

    @Test
    void oneConnectionsRecordsNeverReachAnother() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("A", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.connection(connection("B", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("B", SystemType.SCORO, CONTACT, contact("7", "Beta Ltd")));
        kit.change(upsert("B", SystemType.SCORO, INVOICE, invoice("1", "7", "10")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "T-B7"));
        assertThat(kit.commands(SystemType.XERO)).extracting(Command::getConnectionId).containsExactly("B");
        kit.log();

        // A's invoice names a contact id that is mapped only in B: A must wait, not borrow B's mapping.
        kit.change(upsert("A", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(WAITING_DEPENDENCY);
        assertThat(log.get(0).getConnectionId()).isEqualTo("A");
        assertThat(log.get(0).getMessage()).contains("contact 7 in Scoro (not seen yet; asked Scoro for it)");

        // A record of A under B's key is refused rather than applied to either connection.
        kit.change("B", upsert("A", SystemType.SCORO, CONTACT, contact("8", "Gamma Ltd")));
        kit.change("B", upsert("A", SystemType.SCORO, INVOICE, invoice("43", "7", "100")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        log = kit.log();
        assertThat(outcomes(log)).containsExactly(INVALID_INPUT, INVALID_INPUT);
        assertThat(log).extracting(SyncLogEntry::getConnectionId).containsOnly("B");

        // B's contact update goes only to B.
        kit.connection(connection("A", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.change(upsert("B", SystemType.SCORO, CONTACT, contact("7", "Beta Limited")));
        assertThat(kit.commands(SystemType.XERO)).singleElement().satisfies(c -> {
            assertThat(c.getConnectionId()).isEqualTo("B");
            assertThat(c.getTargetId()).isEqualTo("T-B7");
        });
    }

    @Test
    void malformedInputIsLoggedAsInvalidAndProcessingContinues() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));

        kit.rawScoro("c1", "not avro at all".getBytes(StandardCharsets.UTF_8));
        ChangeRecord noPayload = upsert("c1", SystemType.SCORO, CONTACT, contact("5", "No Payload"));
        noPayload.setPayload(null);
        kit.change(noPayload);
        ChangeRecord wrongPayload = upsert("c1", SystemType.SCORO, INVOICE, contact("6", "Not An Invoice"));
        kit.change(wrongPayload);
        kit.rawScoro("c1", null);

        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(INVALID_INPUT, INVALID_INPUT, INVALID_INPUT, INVALID_INPUT);
        assertThat(log.get(0).getMessage()).contains("undecodable record at sxs.changes.scoro");
        assertThat(log.get(1).getMessage()).contains("UPSERT of CONTACT 5 without a payload");
        assertThat(log.get(1).getItemId()).isEqualTo("5");
        assertThat(log.get(2).getMessage()).contains("entity INVOICE does not take a Contact payload");
        assertThat(log).extracting(SyncLogEntry::getConnectionId).containsOnly("c1");
        assertThat(kit.commands(SystemType.XERO)).isEmpty();

        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(SystemType.XERO)).singleElement()
                .satisfies(c -> assertThat(c.getAction()).isEqualTo(CommandAction.CREATE));
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED);
    }

    @Test
    void unknownPausedAndRemovedConnectionsAreOutOfScope() {
        kit = new MapperTestKit(stateDir);
        kit.change(upsert("nobody", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.connection(io.sxs.schemas.envelope.ConnectionConfig.newBuilder(connection("c2", Direction.TO_XERO, ContactMode.FROM_SCORO))
                .setStatus(ConnectionStatus.PAUSED).build());
        kit.change(upsert("c2", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        kit.removeConnection("c1");
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));

        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_OUT_OF_SCOPE, SKIPPED_OUT_OF_SCOPE, SKIPPED_OUT_OF_SCOPE);
        assertThat(log).extracting(SyncLogEntry::getMessage).containsExactly(
                "connection nobody is unknown", "connection c2 is PAUSED", "connection c1 is unknown");
    }

    @Test
    void aSecondLinkOfTheSameXeroOrganisationWrittenStraightToTheTopicSyncsNothingUntilTheFirstIsRemoved() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        io.sxs.schemas.envelope.ConnectionConfig second = connection("c2", Direction.TO_XERO, ContactMode.FROM_SCORO);
        second.getXero().setTenantId("TENANT-C1"); // the same organisation, spelt in other case
        second.setCreatedAt(Fixtures.T0.plusSeconds(60));
        kit.connection(second);
        kit.change(upsert("c2", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.log()).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(SKIPPED_OUT_OF_SCOPE);
            assertThat(e.getMessage()).isEqualTo("connection c2 is refused and syncs nothing: the Xero organisation TENANT-C1"
                    + " is already linked by connection c1 (one Xero organisation syncs with one Scoro entity)");
        });
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(SystemType.XERO)).as("the holder syncs").hasSize(1);

        kit.removeConnection("c1");
        kit.change(upsert("c2", SystemType.SCORO, CONTACT, contact("8", "Beta Ltd")));
        assertThat(kit.commands(SystemType.XERO)).as("freed once the holder is gone").singleElement()
                .satisfies(c -> assertThat(c.getConnectionId()).isEqualTo("c2"));
    }

    @Test
    void anUnreadableConnectionRecordLeavesTheConfigurationInForceAndItsChangesCarryOn() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(SystemType.XERO)).hasSize(1);

        kit.rawConnection("c1", "not avro at all".getBytes(StandardCharsets.UTF_8));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("8", "Beta Ltd")));
        assertThat(kit.commands(SystemType.XERO)).singleElement()
                .satisfies(c -> assertThat(c.getSourceId()).isEqualTo("8"));

        // A readable update is applied at once: the decoded configuration is never stale.
        kit.connection(io.sxs.schemas.envelope.ConnectionConfig.newBuilder(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO))
                .setStatus(ConnectionStatus.PAUSED).build());
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("9", "Gamma Ltd")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.log()).last().satisfies(e -> assertThat(e.getMessage()).isEqualTo("connection c1 is PAUSED"));
    }

    @Test
    void entitiesNotSyncedYetAndSwitchedOffEntitiesAreOutOfScope() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.OFF, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c1", SystemType.XERO, io.sxs.schemas.common.EntityType.BANK_ACCOUNT, BankAccount.newBuilder()
                .setId("bank-1").setName("Business Bank Account").setCode("090").setStatus(RecordStatus.ACTIVE).build()));
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "7", "100")));

        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.commands(SystemType.SCORO)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_OUT_OF_SCOPE, SKIPPED_OUT_OF_SCOPE);
        assertThat(log.get(0).getMessage()).contains("syncs to Scoro with the first payment that uses it");
        assertThat(log.get(1).getMessage()).contains("invoices sync is OFF");
    }

    @Test
    void aLateResultOfAnEarlierCreateStillRecordsTheMapping() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        Command create = kit.commands(SystemType.XERO).get(0);
        kit.result(ok(create, "T-C7"));
        kit.log();

        // The same result delivered twice is ignored; a change then updates the one mapped counterpart.
        kit.result(ok(create, "T-C7"));
        assertThat(outcomes(kit.log())).containsExactly(SKIPPED_UNCHANGED);
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Limited")));
        Command update = kit.commands(SystemType.XERO).get(0);
        assertThat(update.getAction()).isEqualTo(CommandAction.UPDATE);
        assertThat(update.getTargetId()).isEqualTo("T-C7");
        kit.log();

        // A second create of the same item (a duplicate) is reported, not silently re-pointed.
        kit.result(ok(create, "T-C7-DUP"));
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(io.sxs.schemas.envelope.SyncOutcome.FAILED);
        assertThat(log.get(0).getMessage()).contains("duplicate").contains("T-C7-DUP");
    }

    @Test
    void aConnectionDeletedFromTheTopicLosesEveryRowOfItAndTheSameIdStartsAgainFromNothing() {
        kit = new MapperTestKit(stateDir);
        for (String id : List.of("c1", "c2")) {
            kit.connection(connectionOf(id));
            kit.change(upsert(id, SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
            kit.result(ok(kit.commands(SystemType.XERO).get(0), "T-C7-" + id));
        }
        kit.change(upsert("c1", SystemType.SCORO, INVOICE, invoice("42", "99", "100"))); // waits for contact 99
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Limited")));
        Command update = kit.commands(SystemType.XERO).get(0); // left in flight
        kit.advance(Duration.ofSeconds(31)); // the mapper notes both scopes
        kit.log();
        kit.hints();
        assertThat(rowsOf(Topics.IDMAP_STORE, "c1")).as("contact 7 and its counterpart").isEqualTo(2);
        assertThat(rowsOf(Topics.PENDING_STORE, "c1")).as("the invoice waiting").isEqualTo(1);
        assertThat(rowsOf(Topics.LATEST_STORE, "c1")).isEqualTo(2);
        int others = rowsOf(Topics.IDMAP_STORE, "c2") + rowsOf(Topics.LATEST_STORE, "c2");

        kit.removeConnection("c1");
        kit.advance(Duration.ofSeconds(31));
        kit.result(ok(update, "T-C7-c1")); // a late result must not bring a row back
        assertThat(kit.log()).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo(SKIPPED_OUT_OF_SCOPE);
            assertThat(e.getMessage()).isEqualTo("connection c1 is unknown; the result is not recorded");
        });
        assertThat(rowsOf(Topics.IDMAP_STORE, "c1") + rowsOf(Topics.PENDING_STORE, "c1") + rowsOf(Topics.LATEST_STORE, "c1"))
                .isZero();
        assertThat(rowsOf(Topics.IDMAP_STORE, "c2") + rowsOf(Topics.LATEST_STORE, "c2")).as("another connection's rows")
                .isEqualTo(others);

        // Added again under the same id it knows nothing: contact 7 is created again, c2's is still mapped.
        kit.connection(connectionOf("c1"));
        kit.change(upsert("c1", SystemType.SCORO, CONTACT, contact("7", "Acme Limited")));
        assertThat(kit.commands(SystemType.XERO)).singleElement()
                .satisfies(c -> assertThat(c.getAction()).isEqualTo(CommandAction.CREATE));
        kit.change(upsert("c2", SystemType.SCORO, CONTACT, contact("7", "Acme Ltd")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
    }

    private static io.sxs.schemas.envelope.ConnectionConfig connectionOf(String id) {
        io.sxs.schemas.envelope.ConnectionConfig config = connection(id, Direction.TO_XERO, ContactMode.FROM_SCORO);
        config.getXero().setTenantId("tenant-" + id);
        config.getScoro().setCompanyAccountId("company-" + id);
        return config;
    }

    private int rowsOf(String store, String connectionId) {
        int n = 0;
        try (org.apache.kafka.streams.state.KeyValueIterator<io.sxs.schemas.envelope.EntityKey, Object> all =
                     kit.driver.<io.sxs.schemas.envelope.EntityKey, Object>getKeyValueStore(store).all()) {
            while (all.hasNext()) {
                n += all.next().key.getConnectionId().equals(connectionId) ? 1 : 0;
            }
        }
        return n;
    }
}
