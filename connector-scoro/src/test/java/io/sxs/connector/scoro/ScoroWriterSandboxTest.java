package io.sxs.connector.scoro;

import static io.sxs.connector.scoro.ScoroReadersSandboxTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.scoro.support.Commands;
import io.sxs.connector.scoro.support.FullReads;
import io.sxs.connector.scoro.support.ScoroSandboxTestBase;
import io.sxs.connector.scoro.support.TestConnections;
import io.sxs.connector.source.ReadItem;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command writer through real HTTP against the Scoro sandbox. */
class ScoroWriterSandboxTest extends ScoroSandboxTestBase {



    private static Contact xeroContact(String name) {
        return Contact.newBuilder().setId("x-" + name).setName(name).setEmail("ap@" + name.toLowerCase().replace(' ', '-') + ".test")
                .setIsCustomer(true).setTaxNumber("GB999")
                .setPhones(List.of(new Phone("DEFAULT", "0207 000"), new Phone("MOBILE", "07700 1")))
                .setAddresses(List.of(Address.newBuilder().setType("POBOX").setLine1("PO Box 1").setCity("Leeds").setCountry("GBR").build(),
                        Address.newBuilder().setType("STREET").build()))
                .setStatus(RecordStatus.ACTIVE).build();
    }

    private Command contactCommand(CommandAction action, String targetId, String xeroId, Contact payload) {
        return Commands.of(f.connection.connectionId(), EntityType.CONTACT, action, targetId, xeroId, payload);
    }

    private List<WriteResult> write(Command... commands) {
        return f.connector.writer().write(f.connection, List.of(commands));
    }

    @Test
    void createsAContactMarkedWithItsXeroIdAndTheWrittenHashMatchesALaterRead() throws Exception {
        WriteResult r = write(contactCommand(CommandAction.CREATE, null, "xero-c-1", xeroContact("Acme Ltd"))).get(0);

        assertThat(r.getStatus()).as(r.getMessage()).isEqualTo(ResultStatus.OK);
        Map<String, Object> stored = sandbox.contact(f.companyId(), Long.parseLong(r.getTargetId()));
        assertThat(stored.get("reference_no")).isEqualTo("XERO-xero-c-1");
        assertThat(stored.get("name")).isEqualTo("Acme Ltd");
        assertThat(r.getWrittenHash()).isNotBlank();
        assertThat(r.getTargetVersion()).isEqualTo(stored.get("modified_date"));
        assertThat(r.getApiCalls()).as("a first create does not look first").isEqualTo(1);

        ReadItem read = f.connector.contactReader().read(f.connection, null, 1).items().get(0);
        assertThat(read.sourceId()).isEqualTo(r.getTargetId());
        assertThat(io.sxs.schemas.hash.ContentHasher.hash(read.payload())).as("echo suppression").isEqualTo(r.getWrittenHash());
    }

    @Test
    void retriedCreateFindsTheContactInsteadOfCreatingItTwice() {
        Command create = contactCommand(CommandAction.CREATE, null, "xero-c-2", xeroContact("Twice Ltd"));
        WriteResult first = write(create).get(0);
        long writesAfterFirst = sandbox.writeCalls(f.companyId());

        // Sent again with an unknown outcome (as the mapper's retry or a sink taking over the partition marks it).
        create.setMayExist(true);
        WriteResult again = write(create).get(0);
        assertThat(again.getApiCalls()).as("lookup only: same content").isEqualTo(1);

        assertThat(again.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(again.getTargetId()).isEqualTo(first.getTargetId());
        assertThat(again.getWrittenHash()).isEqualTo(first.getWrittenHash());
        assertThat(sandbox.writeCalls(f.companyId())).as("same content: no write at all").isEqualTo(writesAfterFirst);

        Contact changed = xeroContact("Twice Ltd");
        changed.setTaxNumber("GB111");
        Command changedCreate = contactCommand(CommandAction.CREATE, null, "xero-c-2", changed);
        changedCreate.setMayExist(true);
        WriteResult updated = write(changedCreate).get(0);

        assertThat(updated.getTargetId()).isEqualTo(first.getTargetId());
        assertThat(sandbox.writeCalls(f.companyId())).isEqualTo(writesAfterFirst + 1);
        assertThat(sandbox.contacts(f.companyId())).hasSize(1);
        assertThat(sandbox.contact(f.companyId(), Long.parseLong(first.getTargetId())).get("vatno")).isEqualTo("GB111");
    }

    @Test
    void updatesAndDeletesAContact() {
        WriteResult created = write(contactCommand(CommandAction.CREATE, null, "xero-c-3", xeroContact("Up Ltd"))).get(0);
        Contact renamed = xeroContact("Up and Away Ltd");
        renamed.setNumber("CN-3");

        WriteResult updated = write(contactCommand(CommandAction.UPDATE, created.getTargetId(), "xero-c-3", renamed)).get(0);

        assertThat(updated.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(updated.getApiCalls()).isEqualTo(1);
        Map<String, Object> stored = sandbox.contact(f.companyId(), Long.parseLong(created.getTargetId()));
        assertThat(stored.get("name")).isEqualTo("Up and Away Ltd");
        assertThat(stored.get("reference_no")).isEqualTo("CN-3");

        WriteResult deleted = write(contactCommand(CommandAction.DELETE, created.getTargetId(), "xero-c-3", null)).get(0);
        assertThat(deleted.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(deleted.getWrittenHash()).isEqualTo(io.sxs.schemas.hash.ContentHasher.DELETED);
        assertThat(sandbox.contacts(f.companyId())).isEmpty();
        // Deleting again (a retried command) finds nothing to delete: still done.
        assertThat(write(contactCommand(CommandAction.DELETE, created.getTargetId(), "xero-c-3", null)).get(0).getStatus())
                .isEqualTo(ResultStatus.OK);
    }

    private Invoice invoice(String contactId, String number, DocumentLine... lines) {
        return Invoice.newBuilder().setId("xero-inv").setNumber(number).setReference("REF-1").setContactRef(contactId)
                .setDate(LocalDate.of(2026, 3, 1)).setDueDate(LocalDate.of(2026, 3, 31)).setCurrency("GBP")
                .setStatus(DocumentStatus.AUTHORISED).setLines(List.of(lines)).build();
    }

    private static DocumentLine line(String description, String qty, String price, String account, String tax) {
        return DocumentLine.newBuilder().setDescription(description).setQuantity(new BigDecimal(qty).setScale(4))
                .setUnitAmount(new BigDecimal(price).setScale(4))
                .setLineAmount(new BigDecimal(qty).multiply(new BigDecimal(price)).setScale(2, java.math.RoundingMode.HALF_UP))
                .setAccountCode(account).setTaxType(tax).build();
    }

    private Command invoiceCommand(CommandAction action, String targetId, Invoice payload) {
        return Commands.of(f.connection.connectionId(), EntityType.INVOICE, action, targetId, "xero-inv-1", payload);
    }

    @Test
    void createsUpdatesAndDeletesAnInvoiceWithItsFullLineSet() throws Exception {
        String contact = String.valueOf(id(sandbox.createContact(f.companyId(), Map.of("name", "Buyer"))));
        Invoice inv = invoice(contact, "X-100", line("Work", "2", "100", "200", "OUTPUT2"), line("Books", "1", "10", "260", "RROUTPUT"));

        WriteResult created = write(invoiceCommand(CommandAction.CREATE, null, inv)).get(0);

        assertThat(created.getStatus()).as(created.getMessage()).isEqualTo(ResultStatus.OK);
        Invoice written = (Invoice) created.getWritten();
        assertThat(written.getNumber()).isEqualTo("X-100");
        assertThat(written.getStatus()).isEqualTo(DocumentStatus.AUTHORISED);
        assertThat(written.getSubTotal()).isEqualTo(new BigDecimal("210.00"));
        assertThat(written.getTotalTax()).isEqualTo(new BigDecimal("40.50"));
        // Written by shared codes (a line read before references existed), read back with Scoro's own ids.
        assertThat(written.getLines()).extracting(DocumentLine::getTaxRateRef)
                .containsExactly(vatCodeId("OUTPUT2"), vatCodeId("RROUTPUT"));
        ReadItem read = FullReads.page(f.connector.invoiceReader(), f.connection, null, 1).get(0);
        assertThat(io.sxs.schemas.hash.ContentHasher.hash(read.payload())).as("echo suppression").isEqualTo(created.getWrittenHash());

        Invoice changed = invoice(contact, "X-100", line("Work", "3", "100", "200", "OUTPUT2"));
        changed.setStatus(DocumentStatus.DRAFT);
        WriteResult updated = write(invoiceCommand(CommandAction.UPDATE, created.getTargetId(), changed)).get(0);

        assertThat(updated.getStatus()).as(updated.getMessage()).isEqualTo(ResultStatus.OK);
        Map<String, Object> stored = sandbox.invoice(f.companyId(), Long.parseLong(created.getTargetId()));
        assertThat((List<?>) stored.get("lines")).hasSize(1);
        assertThat(new BigDecimal(String.valueOf(stored.get("sum")))).isEqualByComparingTo("300");
        assertThat(String.valueOf(stored.get("is_sent"))).isEqualTo("0");

        WriteResult deleted = write(invoiceCommand(CommandAction.DELETE, created.getTargetId(), null)).get(0);
        assertThat(deleted.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(sandbox.invoices(f.companyId())).isEmpty();
    }

    @Test
    void retriedInvoiceCreateFindsTheInvoiceByNumber() {
        String contact = String.valueOf(id(sandbox.createContact(f.companyId(), Map.of("name", "Buyer"))));
        Command create = invoiceCommand(CommandAction.CREATE, null, invoice(contact, "X-200", line("Work", "1", "50", "200", "OUTPUT2")));
        WriteResult first = write(create).get(0);
        long writes = sandbox.writeCalls(f.companyId());

        create.setMayExist(true);
        WriteResult again = write(create).get(0);

        assertThat(again.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(again.getTargetId()).isEqualTo(first.getTargetId());
        assertThat(again.getWrittenHash()).isEqualTo(first.getWrittenHash());
        assertThat(sandbox.writeCalls(f.companyId())).isEqualTo(writes);
        assertThat(sandbox.invoices(f.companyId())).hasSize(1);
    }

    @Test
    void errorsComeBackAsTypedResultsOnePerCommandInOrder() {
        String contact = String.valueOf(id(sandbox.createContact(f.companyId(), Map.of("name", "Buyer"))));
        Command noSuchContact = invoiceCommand(CommandAction.CREATE, null, invoice("99999", "X-300", line("W", "1", "1", "200", "OUTPUT2")));
        Command unknownTax = invoiceCommand(CommandAction.CREATE, null, invoice(contact, "X-301", line("W", "1", "1", "200", "EXEMPTOUTPUT")));
        Command bill = Commands.of(f.connection.connectionId(), EntityType.OVERPAYMENT, CommandAction.CREATE, null, "b1", null);
        Command good = contactCommand(CommandAction.CREATE, null, "xero-c-9", xeroContact("Fine Ltd"));
        Command missingTarget = invoiceCommand(CommandAction.UPDATE, "424242", invoice(contact, "X-302", line("W", "1", "1", "200", "OUTPUT2")));

        List<WriteResult> results = write(noSuchContact, unknownTax, bill, good, missingTarget);

        assertThat(results).extracting(WriteResult::getCommandId).containsExactly(noSuchContact.getCommandId(),
                unknownTax.getCommandId(), bill.getCommandId(), good.getCommandId(), missingTarget.getCommandId());
        // Scoro answers a validation error with HTTP 200 and status ERROR.
        assertThat(results.get(0).getStatus()).isEqualTo(ResultStatus.REJECTED);
        assertThat(results.get(0).getErrors()).anySatisfy(e -> assertThat(e).contains("contact 99999 does not exist"));
        assertThat(results.get(1).getStatus()).isEqualTo(ResultStatus.REJECTED);
        assertThat(results.get(1).getMessage()).contains("tax type 'EXEMPTOUTPUT'");
        assertThat(results.get(2).getStatus()).isEqualTo(ResultStatus.REJECTED);
        assertThat(results.get(2).getMessage()).isEqualTo("entity OVERPAYMENT not supported by the Scoro sink yet");
        assertThat(results.get(3).getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(results.get(4).getStatus()).isEqualTo(ResultStatus.NOT_FOUND);
        assertThat(f.calls("invoices/modify")).as("the unknown tax type never reached Scoro").isEqualTo(2);
    }

    @Test
    void wrongKeyIsUnauthorisedForEveryCommandWithoutHammeringTheApi() {
        var bad = TestConnections.scoro("bad", sandbox.baseUri().toString(), f.companyId(), "not-the-key");
        Command a = contactCommand(CommandAction.UPDATE, "1", "x1", xeroContact("A"));
        Command b = contactCommand(CommandAction.UPDATE, "2", "x2", xeroContact("B"));

        List<WriteResult> results = f.connector.writer().write(bad, List.of(a, b));

        assertThat(results).extracting(WriteResult::getStatus).containsExactly(ResultStatus.UNAUTHORISED, ResultStatus.UNAUTHORISED);
        assertThat(results.get(1).getApiCalls()).isZero();
    }


    private String vatCodeId(String code) {
        return sandbox.vatCodes(f.companyId()).stream().filter(v -> code.equals(v.get("vat_code")))
                .map(v -> String.valueOf(v.get("vat_code_id"))).findFirst().orElseThrow();
    }
}
