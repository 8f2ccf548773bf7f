package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.envelope.SyncOutcome.BLOCKED;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.RELEASED;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_OUT_OF_SCOPE;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_UNCHANGED;
import static io.sxs.schemas.envelope.SyncOutcome.WAITING_DEPENDENCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.CreditStatus;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import io.sxs.schemas.entity.Prepayment;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncLogEntry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payments are Xero's whatever the document directions; a bank account follows the first payment that uses it. */
class MapperPaymentsTest {

    @TempDir
    Path stateDir;

    private MapperTestKit kit;

    @BeforeEach
    void syncedInvoice() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("sc1", "Acme Ltd")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "xc1"));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, invoice("si1", "sc1", "100")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "xi1"));
        kit.log();
    }

    @AfterEach
    void close() {
        kit.close();
    }

    private static Payment payment(String id, String invoice) {
        return Payment.newBuilder().setId(id).setKind(PaymentKind.PAYMENT).setDocumentEntity(EntityType.INVOICE)
                .setDocumentRef(invoice).setBankAccountRef("bank-1").setContactRef("xc1").setDate(LocalDate.of(2026, 11, 10))
                .setAmount(new BigDecimal("50.00")).setCurrency("GBP").setStatus(PaymentStatus.AUTHORISED).build();
    }

    @Test
    void aBankAccountIsCreatedInScoroWithTheFirstPaymentThatUsesItThenThePaymentFollows() {
        kit.change(upsert("c1", SystemType.XERO, EntityType.BANK_ACCOUNT, BankAccount.newBuilder().setId("bank-1")
                .setName("Business Bank Account").setCode("090").setStatus(RecordStatus.ACTIVE).build()));
        assertThat(kit.commands(SystemType.SCORO)).isEmpty();
        assertThat(outcomes(kit.log())).containsExactly(SKIPPED_OUT_OF_SCOPE);

        kit.change(upsert("c1", SystemType.XERO, EntityType.PAYMENT, payment("p1", "xi1")));
        List<Command> bank = kit.commands(SystemType.SCORO);
        assertThat(bank).singleElement().satisfies(c -> {
            assertThat(c.getEntity()).isEqualTo(EntityType.BANK_ACCOUNT);
            assertThat(c.getAction()).isEqualTo(CommandAction.CREATE);
        });
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED, WAITING_DEPENDENCY);

        kit.result(ok(bank.get(0), "ra1"));
        List<Command> receipts = kit.commands(SystemType.SCORO);
        assertThat(receipts).singleElement().satisfies(c -> {
            assertThat(c.getEntity()).isEqualTo(EntityType.PAYMENT);
            Payment p = (Payment) c.getPayload();
            assertThat(p.getDocumentRef()).as("the Scoro invoice").isEqualTo("si1");
            assertThat(p.getBankAccountRef()).as("the Scoro receipt account").isEqualTo("ra1");
            assertThat(p.getContactRef()).isEqualTo("sc1");
        });
        assertThat(kit.commands(SystemType.XERO)).as("invoices TO_XERO: nothing goes to Xero").isEmpty();

        // The second payment through the same bank creates nothing more.
        kit.change(upsert("c1", SystemType.XERO, EntityType.PAYMENT, payment("p2", "xi1")));
        assertThat(kit.commands(SystemType.SCORO)).singleElement()
                .satisfies(c -> assertThat(c.getEntity()).isEqualTo(EntityType.PAYMENT));
    }

    @Test
    void aPaymentOfAnInvoiceThatExistsOnlyInXeroIsOutOfScopeNotAWaitThatTimesOut() {
        kit.change(upsert("c1", SystemType.XERO, EntityType.PAYMENT, payment("p9", "xi-only-in-xero")));

        assertThat(kit.commands(SystemType.SCORO)).isEmpty();
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_OUT_OF_SCOPE);
        assertThat(log.get(0).getMessage()).contains("xi-only-in-xero").contains("Scoro owns invoices")
                .contains("exists only in Xero");
    }

    private static Prepayment prepayment(String id, String number, String contact, String total) {
        return Prepayment.newBuilder().setId(id).setReference(number).setContactRef(contact).setCurrency("GBP")
                .setTotal(new BigDecimal(total)).setDate(LocalDate.of(2026, 11, 3)).setStatus(CreditStatus.AUTHORISED).build();
    }

    private void bankMapped() {
        kit.change(upsert("c1", SystemType.XERO, EntityType.BANK_ACCOUNT, BankAccount.newBuilder().setId("bank-1")
                .setName("Prepayments (Xero)").setStatus(RecordStatus.ACTIVE).build()));
        kit.change(upsert("c1", SystemType.XERO, EntityType.PAYMENT, payment("p0", "xi1")));
        kit.result(ok(kit.commands(SystemType.SCORO).get(0), "ra1"));
        kit.result(ok(kit.commands(SystemType.SCORO).get(0), "r0"));
        kit.log();
    }

    @Test
    void aXeroPrepaymentIsLinkedToTheScoroPrepaymentInvoiceOfItsNumberAndItsMoneyBecomesAReceiptOnIt() {
        bankMapped();
        kit.change(upsert("c1", SystemType.SCORO, EntityType.PREPAYMENT, prepayment("sp1", "PP-1", "sc1", "120.00")));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.PREPAYMENT, prepayment("sp2", "PP-2", "sc1", "120.00")));
        Payment money = payment("xp1", "xp1");
        money.setDocumentEntity(EntityType.PREPAYMENT);
        kit.change(upsert("c1", SystemType.XERO, EntityType.PAYMENT, money));
        assertThat(kit.commands(SystemType.SCORO)).as("waits for its prepayment's link").isEmpty();
        kit.log();

        kit.change(upsert("c1", SystemType.XERO, EntityType.PREPAYMENT, prepayment("xp1", "pp-1 ", "xc1", "120.00")));

        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_UNCHANGED, RELEASED, COMMAND_ISSUED);
        assertThat(log.get(0).getMessage()).contains("linked to the Scoro prepayment invoice PP-1 (sp1) by number");
        assertThat(kit.commands(SystemType.SCORO)).singleElement().satisfies(c -> {
            assertThat(c.getEntity()).isEqualTo(EntityType.PAYMENT);
            assertThat(((Payment) c.getPayload()).getDocumentRef()).as("the Scoro prepayment invoice").isEqualTo("sp1");
        });
        assertThat(kit.commands(SystemType.XERO)).as("Scoro prepayment invoices are never sent to Xero").isEmpty();
    }

    @Test
    void anUnmatchedOrAmbiguousPrepaymentGoesToTheErrorListNamingTheCandidatesAndALaterInvoiceLinksIt() {
        kit.change(upsert("c1", SystemType.SCORO, EntityType.PREPAYMENT, prepayment("sp1", "PP-1", "sc1", "120.00")));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.PREPAYMENT, prepayment("sp2", "PP-2", "sc1", "120.00")));
        kit.log();

        kit.change(upsert("c1", SystemType.XERO, EntityType.PREPAYMENT, prepayment("xp1", null, "xc1", "120.00")));
        List<SyncLogEntry> ambiguous = kit.log();
        assertThat(outcomes(ambiguous)).containsExactly(BLOCKED);
        assertThat(ambiguous.get(0).getMessage()).contains("2 Scoro prepayment invoices match by client, currency and total")
                .contains("sp1 'PP-1'").contains("sp2 'PP-2'");

        kit.change(upsert("c1", SystemType.XERO, EntityType.PREPAYMENT, prepayment("xp2", "PP-9", "xc1", "55.00")));
        List<SyncLogEntry> unmatched = kit.log();
        assertThat(outcomes(unmatched)).containsExactly(BLOCKED);
        assertThat(unmatched.get(0).getMessage()).contains("no Scoro prepayment invoice matches").contains("'PP-9'");

        // The prepayment invoice is created in Scoro afterwards: the waiting prepayment is linked then.
        kit.change(upsert("c1", SystemType.SCORO, EntityType.PREPAYMENT, prepayment("sp9", "PP-9", "sc1", "55.00")));
        assertThat(kit.log()).extracting(SyncLogEntry::getMessage)
                .anySatisfy(m -> assertThat(m).contains("linked to the Scoro prepayment invoice PP-9 (sp9)"));
    }
}
