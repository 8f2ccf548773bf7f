package io.sxs.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ItemLifecycle;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSyncState;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The view two connections publish, in the order the view builder would: conn-a has its payloads in Xero's id space
 * (EUR), conn-b in Scoro's (GBP). After the first states, one invoice is paid down (a new amount due) and one is
 * tombstoned. The expected reports are worked out by hand from these figures, as of {@link #AS_OF}.
 */
final class ViewScenario {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    static final String A = "conn-a";
    static final String B = "conn-b";
    /** The ageing report of the final state as printed. */
    static final String AGEING_TEXT = """
            Receivables ageing as of 2026-03-31 (open authorised invoices, amount due)
            Connection  Customer  Currency  Current     1-30   31-60  61-90    90+    Total
            -------------------------------------------------------------------------------
            conn-a      Acme Ltd  EUR       1000.00   100.50    0.00   0.00   0.00  1100.50
            conn-a      Globex    EUR          0.00     0.00  333.33   0.00  99.99   433.32
            conn-b      Initech   GBP         50.00  1234.56    0.01   0.00   0.00  1284.57
            -------------------------------------------------------------------------------
            Total                 EUR       1000.00   100.50  333.33   0.00  99.99  1533.82
            Total                 GBP         50.00  1234.56    0.01   0.00   0.00  1284.57
            """;
    private static final Instant T0 = Instant.parse("2026-03-31T08:00:00Z");

    /** One record as published: its topic, key, and value (null for a tombstone). */
    record Published(String topic, ViewKey key, ViewRecord value) {
    }

    private final List<Published> records = new ArrayList<>();
    private int tick;

    /** Every record of the scenario, oldest first. */
    static List<Published> records() {
        ViewScenario s = new ViewScenario();
        // conn-a: Xero is the payload system, so references are Xero ids.
        s.contact(A, "SCORO:c1", "c1", "X-C1", SystemType.XERO, "Acme Ltd");
        s.contact(A, "SCORO:c2", "c2", "X-C2", SystemType.XERO, "Globex");
        s.bankAccount(A, "XERO:X-BA1", "ba-1", "X-BA1", SystemType.XERO, "Business Account", "EUR");
        s.invoice(A, "INV-1", "X-C1", DocumentStatus.AUTHORISED, "2026-03-16", "2026-04-15", "EUR", "1000.00", "1000.00", "0.00");
        s.invoice(A, "INV-2", "X-C1", DocumentStatus.AUTHORISED, "2026-02-14", "2026-03-16", "EUR", "500.50", "250.50", "250.00");
        s.invoice(A, "INV-3", "X-C2", DocumentStatus.AUTHORISED, "2025-12-31", "2026-01-30", "EUR", "333.33", "333.33", "0.00");
        s.invoice(A, "INV-4", "X-C2", DocumentStatus.AUTHORISED, "2025-11-01", "2025-12-01", "EUR", "99.99", "99.99", "0.00");
        s.invoice(A, "INV-5", "X-C1", DocumentStatus.PAID, "2026-02-01", "2026-02-15", "EUR", "200.00", "0.00", "200.00");
        s.invoice(A, "INV-6", "X-C2", DocumentStatus.DRAFT, "2026-03-01", "2026-03-01", "EUR", "700.00", "700.00", "0.00");
        s.publish(Topics.view(EntityType.INVOICE), s.view(A, EntityType.INVOICE, "XERO:X-INV-7", "S-INV-7", "X-INV-7",
                SystemType.XERO, ViewSyncState.IN_SYNC, ItemLifecycle.VOIDED, null, null,
                invoicePayload("X-INV-7", "INV-7", "X-C1", DocumentStatus.VOIDED, "2026-03-05", "2026-03-20", "EUR", "80.00",
                        "80.00", "0.00")));
        s.invoice(A, "INV-8", "X-C1", DocumentStatus.AUTHORISED, "2025-12-01", "2026-01-01", "EUR", "10.01", "10.01", "0.00");
        s.payment(A, "X-P1", SystemType.XERO, PaymentKind.PAYMENT, "X-INV-2", "X-BA1", "2026-03-01", "250.00", "EUR",
                PaymentStatus.AUTHORISED, ViewSyncState.IN_SYNC, null);
        s.payment(A, "X-P3", SystemType.XERO, PaymentKind.REFUND, "X-INV-5", "X-BA1", "2026-03-10", "20.00", "EUR",
                PaymentStatus.AUTHORISED, ViewSyncState.IN_SYNC, null);
        s.payment(A, "X-P4", SystemType.XERO, PaymentKind.ALLOCATION, "X-INV-5", null, "2026-03-11", "30.00", "EUR",
                PaymentStatus.AUTHORISED, ViewSyncState.IN_SYNC, null);
        s.payment(A, "X-P5", SystemType.XERO, PaymentKind.PAYMENT, "X-INV-1", "X-BA1", "2026-03-12", "999.00", "EUR",
                PaymentStatus.DELETED, ViewSyncState.IN_SYNC, null);

        // conn-b: Scoro is the payload system. "Wrong Co" has Xero id 77, Initech Scoro id 77: the join must take
        // the Scoro id.
        s.contact(B, "SCORO:77", "77", "X-77", SystemType.SCORO, "Initech");
        s.contact(B, "SCORO:78", "78", "77", SystemType.SCORO, "Wrong Co");
        s.bankAccount(B, "SCORO:ba-9", "ba-9", "X-BA9", SystemType.SCORO, "Savings", "GBP");
        s.scoroInvoice("B1", ViewSyncState.IN_SYNC, null, null, "2026-02-01", "2026-03-01", "1234.56");
        s.scoroInvoice("B2", ViewSyncState.IN_SYNC, null, null, "2026-02-05", "2026-02-28", "0.01");
        s.scoroInvoice("B3", ViewSyncState.FAILED, SyncOutcome.FAILED, "Xero: account code 200 is archived",
                "2026-03-10", "2026-06-30", "50.00");
        s.payment(B, "pb-1", SystemType.SCORO, PaymentKind.PAYMENT, "B1", "ba-9", "2026-03-02", "100.00", "GBP",
                PaymentStatus.AUTHORISED, ViewSyncState.BLOCKED, "Xero period closed before 2026-03-31");

        // Later: INV-2 is paid down by a second payment, INV-8 goes (tombstone).
        s.payment(A, "X-P2", SystemType.XERO, PaymentKind.PAYMENT, "X-INV-2", "X-BA1", "2026-03-20", "150.00", "EUR",
                PaymentStatus.AUTHORISED, ViewSyncState.IN_SYNC, null);
        s.invoice(A, "INV-2", "X-C1", DocumentStatus.AUTHORISED, "2026-02-14", "2026-03-16", "EUR", "500.50", "100.50", "400.00");
        s.publish(Topics.view(EntityType.INVOICE), key(A, EntityType.INVOICE, "XERO:X-INV-8"), null);
        return List.copyOf(s.records);
    }

    /** The records as the consumer's changes, for tests that write the database without Kafka. */
    static List<ViewChange> changes() {
        List<ViewChange> changes = new ArrayList<>();
        long offset = 0;
        for (Published p : records()) {
            changes.add(new ViewChange(p.topic(), 0, offset++, p.key(), p.value()));
        }
        return changes;
    }

    /** The reports' exact figures for the scenario's final state. */
    static void assertReports(Reports reports) throws SQLException {
        assertThat(reports.receivablesAgeing(AS_OF).rows()).containsExactly(
                new AgeingRow(A, "Acme Ltd", "EUR", m("1000.00"), m("100.50"), m("0.00"), m("0.00"), m("0.00"), m("1100.50")),
                new AgeingRow(A, "Globex", "EUR", m("0.00"), m("0.00"), m("333.33"), m("0.00"), m("99.99"), m("433.32")),
                new AgeingRow(B, "Initech", "GBP", m("50.00"), m("1234.56"), m("0.01"), m("0.00"), m("0.00"), m("1284.57")),
                new AgeingRow(null, null, "EUR", m("1000.00"), m("100.50"), m("333.33"), m("0.00"), m("99.99"), m("1533.82")),
                new AgeingRow(null, null, "GBP", m("50.00"), m("1234.56"), m("0.01"), m("0.00"), m("0.00"), m("1284.57")));

        assertThat(reports.invoicesByStatusAndMonth().rows()).containsExactly(
                new StatusMonthRow(YearMonth.of(2025, 11), "AUTHORISED", "EUR", 1, m("99.99")),
                new StatusMonthRow(YearMonth.of(2025, 12), "AUTHORISED", "EUR", 1, m("333.33")),
                new StatusMonthRow(YearMonth.of(2026, 2), "AUTHORISED", "EUR", 1, m("500.50")),
                new StatusMonthRow(YearMonth.of(2026, 2), "AUTHORISED", "GBP", 2, m("1234.57")),
                new StatusMonthRow(YearMonth.of(2026, 2), "PAID", "EUR", 1, m("200.00")),
                new StatusMonthRow(YearMonth.of(2026, 3), "AUTHORISED", "EUR", 1, m("1000.00")),
                new StatusMonthRow(YearMonth.of(2026, 3), "AUTHORISED", "GBP", 1, m("50.00")),
                new StatusMonthRow(YearMonth.of(2026, 3), "DRAFT", "EUR", 1, m("700.00")),
                new StatusMonthRow(YearMonth.of(2026, 3), "VOIDED", "EUR", 1, m("80.00")));

        assertThat(reports.paymentsPerBankAccount().rows()).containsExactly(
                new BankAccountPaymentsRow(A, "Business Account", "EUR", 3, m("380.00")),
                new BankAccountPaymentsRow(B, "Savings", "GBP", 1, m("100.00")));

        assertThat(reports.failingSync().rows()).extracting(FailingItemRow::connectionId, FailingItemRow::entity,
                FailingItemRow::canonicalId, FailingItemRow::scoroId, FailingItemRow::xeroId, FailingItemRow::syncState,
                FailingItemRow::lastOutcome, FailingItemRow::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(B, "INVOICE", "SCORO:B3", "B3", "X-B3", "FAILED", "FAILED",
                        "Xero: account code 200 is archived"),
                org.assertj.core.groups.Tuple.tuple(B, "PAYMENT", "SCORO:pb-1", "pb-1", "X-pb-1", "BLOCKED", "BLOCKED",
                        "Xero period closed before 2026-03-31"));
    }

    static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private void contact(String connection, String canonicalId, String scoroId, String xeroId, SystemType payloadSystem,
                         String name) {
        String id = payloadSystem == SystemType.SCORO ? scoroId : xeroId;
        publish(Topics.view(EntityType.CONTACT), view(connection, EntityType.CONTACT, canonicalId, scoroId, xeroId,
                payloadSystem, ViewSyncState.IN_SYNC, ItemLifecycle.ACTIVE, null, null,
                Contact.newBuilder().setId(id).setName(name).setIsCustomer(true).setStatus(RecordStatus.ACTIVE).build()));
    }

    private void bankAccount(String connection, String canonicalId, String scoroId, String xeroId,
                             SystemType payloadSystem, String name, String currency) {
        String id = payloadSystem == SystemType.SCORO ? scoroId : xeroId;
        publish(Topics.view(EntityType.BANK_ACCOUNT), view(connection, EntityType.BANK_ACCOUNT, canonicalId, scoroId,
                xeroId, payloadSystem, ViewSyncState.IN_SYNC, ItemLifecycle.ACTIVE, null, null,
                BankAccount.newBuilder().setId(id).setName(name).setCode("090").setAccountNumber("EE12 3456")
                        .setCurrencyCode(currency).setStatus(RecordStatus.ACTIVE).build()));
    }

    /** A conn-a invoice, read from Xero (its id X-number, in Scoro S-number). */
    private void invoice(String connection, String number, String contactRef, DocumentStatus status, String date,
                         String dueDate, String currency, String total, String amountDue, String amountPaid) {
        String xeroId = "X-" + number;
        publish(Topics.view(EntityType.INVOICE), view(connection, EntityType.INVOICE, "XERO:" + xeroId, "S-" + number,
                xeroId, SystemType.XERO, ViewSyncState.IN_SYNC, ItemLifecycle.ACTIVE, null, null,
                invoicePayload(xeroId, number, contactRef, status, date, dueDate, currency, total, amountDue, amountPaid)));
    }

    /** A conn-b invoice of Initech (Scoro contact 77), read from Scoro, in GBP, nothing paid yet. */
    private void scoroInvoice(String id, ViewSyncState state, SyncOutcome outcome, String message, String date,
                              String dueDate, String amount) {
        publish(Topics.view(EntityType.INVOICE), view(B, EntityType.INVOICE, "SCORO:" + id, id, "X-" + id,
                SystemType.SCORO, state, ItemLifecycle.ACTIVE, outcome, message,
                invoicePayload(id, "B-" + id, "77", DocumentStatus.AUTHORISED, date, dueDate, "GBP", amount, amount, "0.00")));
    }

    private static Invoice invoicePayload(String id, String number, String contactRef, DocumentStatus status, String date,
                                          String dueDate, String currency, String total, String amountDue,
                                          String amountPaid) {
        return Invoice.newBuilder().setId(id).setDocumentType(DocumentType.INVOICE).setNumber(number)
                .setContactRef(contactRef).setStatus(status).setDate(LocalDate.parse(date))
                .setDueDate(LocalDate.parse(dueDate)).setCurrency(currency).setTotal(m(total))
                .setAmountDue(m(amountDue)).setAmountPaid(m(amountPaid)).build();
    }

    private void payment(String connection, String id, SystemType payloadSystem, PaymentKind kind, String documentRef,
                         String bankAccountRef, String date, String amount, String currency, PaymentStatus status,
                         ViewSyncState state, String message) {
        String canonicalId = payloadSystem + ":" + id;
        String scoroId = payloadSystem == SystemType.SCORO ? id : "S-" + id;
        String xeroId = payloadSystem == SystemType.XERO ? id : "X-" + id;
        publish(Topics.view(EntityType.PAYMENT), view(connection, EntityType.PAYMENT, canonicalId, scoroId, xeroId,
                payloadSystem, state, ItemLifecycle.ACTIVE, state == ViewSyncState.BLOCKED ? SyncOutcome.BLOCKED : null,
                message, Payment.newBuilder().setId(id).setKind(kind).setDocumentEntity(EntityType.INVOICE)
                        .setDocumentRef(documentRef).setBankAccountRef(bankAccountRef).setDate(LocalDate.parse(date))
                        .setAmount(m(amount)).setCurrency(currency).setStatus(status).build()));
    }

    private ViewRecord view(String connection, EntityType entity, String canonicalId, String scoroId, String xeroId,
                            SystemType payloadSystem, ViewSyncState state, ItemLifecycle lifecycle, SyncOutcome outcome,
                            String message, Object payload) {
        return ViewRecord.newBuilder().setConnectionId(connection).setEntity(entity).setCanonicalId(canonicalId)
                .setScoroId(scoroId).setXeroId(xeroId).setOrigin(SystemType.valueOf(canonicalId.split(":")[0]))
                .setOwner(payloadSystem).setSyncState(state).setLifecycle(lifecycle).setPayloadSystem(payloadSystem)
                .setPayload(payload).setLastOutcome(outcome).setMessage(message)
                .setChangedAt(T0.plusSeconds(tick++)).build();
    }

    private void publish(String topic, ViewRecord value) {
        publish(topic, key(value.getConnectionId(), value.getEntity(), value.getCanonicalId()), value);
    }

    private void publish(String topic, ViewKey key, ViewRecord value) {
        records.add(new Published(topic, key, value));
    }

    static ViewKey key(String connection, EntityType entity, String canonicalId) {
        return ViewKey.newBuilder().setConnectionId(connection).setEntity(entity).setCanonicalId(canonicalId).build();
    }
}
