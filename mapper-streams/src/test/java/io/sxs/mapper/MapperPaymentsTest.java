package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_OUT_OF_SCOPE;
import static io.sxs.schemas.envelope.SyncOutcome.WAITING_DEPENDENCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
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
}
