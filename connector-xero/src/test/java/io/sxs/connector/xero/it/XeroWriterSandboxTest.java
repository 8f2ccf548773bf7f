package io.sxs.connector.xero.it;

import static io.sxs.connector.xero.it.Commands.command;
import static io.sxs.connector.xero.it.Commands.contact;
import static io.sxs.connector.xero.it.Commands.createContact;
import static io.sxs.connector.xero.it.Commands.createInvoice;
import static io.sxs.connector.xero.it.Commands.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.xero.Fixtures;
import io.sxs.connector.xero.contact.XeroContactReader;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.connector.xero.sink.XeroCommandWriter;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.hash.ContentHasher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class XeroWriterSandboxTest extends SandboxTestBase {

    XeroCommandWriter writer() {
        return new XeroCommandWriter(client);
    }

    Map<String, ReadItem> readAll(boolean invoices) throws Exception {
        List<ReadItem> items = invoices ? new XeroInvoiceReader(client).read(connection, null, 1).items()
                : new XeroContactReader(client).read(connection, null, 1).items();
        return items.stream().collect(Collectors.toMap(ReadItem::sourceId, Function.identity()));
    }

    @Test
    void createsContactsInOneBatchAndTheWrittenHashIsWhatTheReaderSees() throws Exception {
        Contact bad = contact("s3", "Bad Address Ltd");
        bad.setAddresses(List.of(Address.newBuilder().setType("HOME").setLine1("x").build()));
        List<Command> commands = List.of(
                createContact("s1", "k1", contact("s1", "Acme Ltd")),
                createContact("s2", "k2", contact("s2", "Globex")),
                createContact("s3", "k3", bad));
        List<WriteResult> results = writer().write(connection, commands);

        assertThat(results).extracting(WriteResult::getStatus)
                .containsExactly(ResultStatus.OK, ResultStatus.OK, ResultStatus.REJECTED);
        assertThat(results.get(2).getErrors()).anyMatch(m -> m.contains("AddressType"));
        assertThat(results.stream().mapToInt(WriteResult::getApiCalls).sum()).isEqualTo(1);
        assertThat(sandbox.callCounts(tenant.tenantId())).containsEntry("PUT /Contacts", 1L);

        Map<String, ReadItem> read = readAll(false);
        assertThat(read).hasSize(2);
        for (WriteResult r : results.subList(0, 2)) {
            ReadItem item = read.get(r.getTargetId());
            assertThat(r.getTargetVersion()).isEqualTo(item.sourceVersion());
            assertThat(r.getWrittenHash()).isEqualTo(ContentHasher.hash(item.payload()));
        }
        Contact acme = (Contact) read.get(results.get(0).getTargetId()).payload();
        assertThat(acme.getNumber()).isEqualTo("SCORO-s1");
        assertThat(acme.getEmail()).isEqualTo("acme.ltd@example.com");
        assertThat(acme.getAddresses()).hasSize(1);
        assertThat(acme.getPhones()).hasSize(1);
    }

    @Test
    void updatesAndArchivesContacts() throws Exception {
        String id = writer().write(connection, List.of(createContact("s1", "k1", contact("s1", "Acme Ltd")))).get(0).getTargetId();
        Contact changed = contact("s1", "Acme Group");
        changed.setEmail(null);
        WriteResult updated = writer().write(connection,
                List.of(command(EntityType.CONTACT, CommandAction.UPDATE, "s1", id, "k2", changed))).get(0);
        assertThat(updated.getStatus()).isEqualTo(ResultStatus.OK);
        Contact written = (Contact) updated.getWritten();
        assertThat(written.getName()).isEqualTo("Acme Group");
        assertThat(written.getEmail()).as("a cleared field is cleared in Xero").isNull();
        assertThat(written.getNumber()).isEqualTo("SCORO-s1");

        WriteResult archived = writer().write(connection,
                List.of(command(EntityType.CONTACT, CommandAction.DELETE, "s1", id, "k3", null))).get(0);
        assertThat(archived.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(((Contact) archived.getWritten()).getStatus()).isEqualTo(RecordStatus.ARCHIVED);
        assertThat(sandbox.contact(tenant.tenantId(), id)).containsEntry("ContactStatus", "ARCHIVED");
    }

    @Test
    void createsUpdatesAndDeletesInvoices() throws Exception {
        String contactId = (String) userCreatesContact("Buyer", null).get("ContactID");
        List<WriteResult> created = writer().write(connection, List.of(
                createInvoice("i1", "k1", invoice("i1", "SC-1", contactId, DocumentStatus.DRAFT)),
                createInvoice("i2", "k2", invoice("i2", "SC-2", contactId, DocumentStatus.AUTHORISED))));
        assertThat(created).extracting(WriteResult::getStatus).containsOnly(ResultStatus.OK);
        Invoice draft = (Invoice) created.get(0).getWritten();
        // 3.5 x 80.125 = 280.4375 -> 280.44; 20 less 10% = 18.00; VAT 20% per line: 56.09 + 3.60.
        assertThat(draft.getLines().get(0).getUnitAmount()).isEqualTo(new BigDecimal("80.1250"));
        assertThat(draft.getLines().get(0).getLineAmount()).isEqualTo(new BigDecimal("280.44"));
        assertThat(draft.getLines().get(1).getLineAmount()).isEqualTo(new BigDecimal("18.00"));
        assertThat(draft.getTotal()).isEqualTo(new BigDecimal("358.13"));

        Map<String, ReadItem> read = readAll(true);
        for (WriteResult r : created) {
            assertThat(r.getWrittenHash()).isEqualTo(ContentHasher.hash(read.get(r.getTargetId()).payload()));
        }

        Invoice edit = invoice("i1", "SC-1", contactId, DocumentStatus.SUBMITTED);
        edit.setReference("changed");
        WriteResult updated = writer().write(connection, List.of(
                command(EntityType.INVOICE, CommandAction.UPDATE, "i1", draft.getId(), "k3", edit))).get(0);
        assertThat(updated.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(((Invoice) updated.getWritten()).getReference()).isEqualTo("changed");
        assertThat(((Invoice) updated.getWritten()).getStatus()).isEqualTo(DocumentStatus.SUBMITTED);

        List<WriteResult> deleted = writer().write(connection, List.of(
                command(EntityType.INVOICE, CommandAction.DELETE, "i1", draft.getId(), "k4", null),
                command(EntityType.INVOICE, CommandAction.DELETE, "i2", created.get(1).getTargetId(), "k5", null)));
        assertThat(deleted).extracting(WriteResult::getStatus).containsOnly(ResultStatus.OK);
        assertThat(((Invoice) deleted.get(0).getWritten()).getStatus()).isEqualTo(DocumentStatus.DELETED);
        assertThat(((Invoice) deleted.get(1).getWritten()).getStatus()).isEqualTo(DocumentStatus.VOIDED);
        assertThat(deleted.get(0).getApiCalls()).isEqualTo(2); // GET to learn the status, POST to change it

        // Deleting again is a no-op that still reports the item.
        WriteResult again = writer().write(connection, List.of(
                command(EntityType.INVOICE, CommandAction.DELETE, "i1", draft.getId(), "k6", null))).get(0);
        assertThat(again.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(again.getApiCalls()).isEqualTo(1);
    }

    @Test
    void aBatchWithOneInvalidInvoiceWritesTheOthers() throws Exception {
        String contactId = (String) userCreatesContact("Buyer", null).get("ContactID");
        Invoice bad = invoice("i2", "SC-2", contactId, DocumentStatus.AUTHORISED);
        bad.getLines().get(0).setAccountCode("999");
        List<WriteResult> results = writer().write(connection, List.of(
                createInvoice("i1", "k1", invoice("i1", "SC-1", contactId, DocumentStatus.DRAFT)),
                createInvoice("i2", "k2", bad),
                createInvoice("i3", "k3", invoice("i3", "SC-3", contactId, DocumentStatus.AUTHORISED))));
        assertThat(results).extracting(WriteResult::getStatus)
                .containsExactly(ResultStatus.OK, ResultStatus.REJECTED, ResultStatus.OK);
        assertThat(results.get(1).getMessage()).contains("999");
        assertThat(sandbox.invoices(tenant.tenantId())).hasSize(2);
        assertThat(sandbox.writeCalls(tenant.tenantId())).isEqualTo(1);
    }

    @Test
    void aRetriedIdenticalBatchDoesNotCreateTwice() throws Exception {
        String contactId = (String) userCreatesContact("Buyer", null).get("ContactID");
        List<Command> batch = List.of(
                createContact("s1", "k1", contact("s1", "Acme Ltd")),
                createContact("s2", "k2", contact("s2", "Globex")));
        List<Command> invoices = List.of(createInvoice("i1", "k3", invoice("i1", null, contactId, DocumentStatus.DRAFT)));
        List<WriteResult> first = writer().write(connection, batch);
        List<WriteResult> firstInv = writer().write(connection, invoices);
        // The same commands again, as after a crash before the results were published: same key, Xero replays.
        List<WriteResult> second = writer().write(connection, batch);
        List<WriteResult> secondInv = writer().write(connection, invoices);

        assertThat(second).extracting(WriteResult::getTargetId).containsExactlyElementsOf(
                first.stream().map(WriteResult::getTargetId).toList());
        assertThat(secondInv.get(0).getTargetId()).isEqualTo(firstInv.get(0).getTargetId());
        assertThat(second).extracting(WriteResult::getWrittenHash).containsExactlyElementsOf(
                first.stream().map(WriteResult::getWrittenHash).toList());
        assertThat(sandbox.contacts(tenant.tenantId())).hasSize(3);
        assertThat(sandbox.invoices(tenant.tenantId())).hasSize(1);
    }

    @Test
    void aCreateAfterAnUnknownOutcomeFindsTheEarlierWrite() throws Exception {
        String contactId = (String) userCreatesContact("Buyer", null).get("ContactID");
        WriteResult c1 = writer().write(connection, List.of(createContact("s1", "k1", contact("s1", "Acme Ltd")))).get(0);
        WriteResult i1 = writer().write(connection, List.of(
                createInvoice("i1", "k2", invoice("i1", "SC-1", contactId, DocumentStatus.DRAFT)))).get(0);

        // A later attempt with other keys (the first outcome never reached the pipeline); the contact also changed.
        Contact changed = contact("s1", "Acme Ltd");
        changed.setEmail("billing@acme.example");
        List<WriteResult> again = writer().write(connection, List.of(
                createContact("s1", "k1-retry", changed),
                createInvoice("i1", "k2-retry", invoice("i1", "SC-1", contactId, DocumentStatus.DRAFT))));

        assertThat(again).extracting(WriteResult::getStatus).containsOnly(ResultStatus.OK);
        assertThat(again.get(0).getTargetId()).isEqualTo(c1.getTargetId());
        assertThat(((Contact) again.get(0).getWritten()).getEmail()).isEqualTo("billing@acme.example");
        assertThat(again.get(1).getTargetId()).isEqualTo(i1.getTargetId());
        assertThat(again.get(1).getWrittenHash()).isEqualTo(i1.getWrittenHash());
        assertThat(sandbox.contacts(tenant.tenantId())).hasSize(2);
        assertThat(sandbox.invoices(tenant.tenantId())).hasSize(1);
        assertThat(sandbox.callCounts(tenant.tenantId())).containsEntry("POST /Contacts", 1L);
        assertThat(sandbox.callCounts(tenant.tenantId())).doesNotContainKey("POST /Invoices");
    }

    @Test
    void aClashWithSomeoneElsesItemIsRejectedWithItsReason() throws Exception {
        userCreatesContact("Acme Ltd", "OTHER-7");
        String other = (String) userCreatesContact("Other", null).get("ContactID");
        String mine = (String) userCreatesContact("Mine", null).get("ContactID");
        userCreatesInvoice("ACCREC", other, "SC-1", "DRAFT");

        List<WriteResult> results = writer().write(connection, List.of(
                createContact("s1", "k1", contact("s1", "Acme Ltd")),
                createInvoice("i1", "k2", invoice("i1", "SC-1", mine, DocumentStatus.DRAFT))));
        assertThat(results).extracting(WriteResult::getStatus).containsOnly(ResultStatus.REJECTED);
        assertThat(results.get(0).getMessage()).contains("Acme Ltd").contains("OTHER-7").contains("SCORO-s1");
        assertThat(results.get(1).getMessage()).contains("SC-1").contains(other);
    }

    @Test
    void aNameXeroHasInAnotherCaseLinksToThatContactInsteadOfFailing() throws Exception {
        String existing = (String) userCreatesContact("GLOBEX corporation", null).get("ContactID");
        List<WriteResult> results = writer().write(connection, List.of(createContact("s5", "k5", contact("s5", "Globex Corporation"))));
        assertThat(results.get(0).getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(results.get(0).getTargetId()).isEqualTo(existing);
        assertThat(sandbox.contacts(tenant.tenantId())).filteredOn(c -> "SCORO-s5".equals(c.get("ContactNumber"))).singleElement()
                .satisfies(c -> assertThat(c.get("Name")).isEqualTo("Globex Corporation"));
    }

    @Test
    void unsupportedEntitiesAndBadCredentialsGetTypedResults() {
        Command bill = command(EntityType.PAYMENT, CommandAction.CREATE, "p1", null, "k1", null);
        Command contact = createContact("s1", "k2", contact("s1", "Acme Ltd"));
        List<WriteResult> results = writer().write(connection, List.of(bill, contact));
        assertThat(results.get(0).getStatus()).isEqualTo(ResultStatus.REJECTED);
        assertThat(results.get(0).getMessage()).isEqualTo("Xero owns payments on every connection: the pipeline never writes them to Xero");
        assertThat(results.get(1).getStatus()).isEqualTo(ResultStatus.OK);

        var stranger = Fixtures.connection("c-bad", sandbox.apiBase().toString(), tenant.tenantId(), "not-a-token");
        List<WriteResult> refused = writer().write(stranger, List.of(
                createContact("s2", "k3", contact("s2", "Globex")), createContact("s3", "k4", contact("s3", "Initech"))));
        assertThat(refused).extracting(WriteResult::getStatus).containsOnly(ResultStatus.UNAUTHORISED);
    }
}
