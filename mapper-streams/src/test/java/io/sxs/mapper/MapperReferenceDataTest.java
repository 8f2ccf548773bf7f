package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.delete;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.Fixtures.written;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.common.EntityType.TAX_RATE;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_ECHO;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_NOT_OWNER;
import static io.sxs.schemas.envelope.SyncOutcome.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Account;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference data flows Xero to Scoro whatever the document directions, and Scoro is read-only for it. */
class MapperReferenceDataTest {

    @TempDir
    Path stateDir;

    private MapperTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private static TaxRate rate(String id, String name, String percent) {
        return TaxRate.newBuilder().setId(id).setCode(id.startsWith("S") ? "OUTPUT2" : id).setName(name)
                .setStatus(RecordStatus.ACTIVE).setEffectiveRate(new BigDecimal(percent)).build();
    }

    /** Xero's OUTPUT2 synced to Scoro as vat code S5; returns the Scoro side's state as written. */
    private TaxRate synced(Direction invoices) {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", invoices, ContactMode.WITH_DOCUMENTS));
        kit.change(upsert("c1", SystemType.XERO, TAX_RATE, rate("OUTPUT2", "20% (VAT on Income)", "20.0000")));
        List<Command> commands = kit.commands(SystemType.SCORO);
        assertThat(commands).hasSize(1);
        Command create = commands.get(0);
        assertThat(create.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(create.getEntity()).isEqualTo(TAX_RATE);
        kit.result(ok(create, "S5"));
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED, WRITTEN);
        return (TaxRate) written(create, "S5");
    }

    @Test
    void aXeroTaxRateIsWrittenToScoroWhicheverWayInvoicesFlowAndItsReadBackIsAnEcho() {
        for (Direction invoices : List.of(Direction.TO_XERO, Direction.TO_SCORO)) {
            TaxRate inScoro = synced(invoices);
            kit.change(upsert("c1", SystemType.SCORO, TAX_RATE, inScoro));
            assertThat(outcomes(kit.log())).containsExactly(SKIPPED_ECHO);
            assertThat(kit.commands(SystemType.SCORO)).isEmpty();
            kit.close();
            kit = null;
        }
    }

    @Test
    void aScoroEditOfASyncedTaxRateIsPutBackToXerosStateAndLogged() {
        TaxRate inScoro = synced(Direction.TO_XERO);
        inScoro.setName("renamed in Scoro");
        kit.change(upsert("c1", SystemType.SCORO, TAX_RATE, inScoro));

        List<Command> commands = kit.commands(SystemType.SCORO);
        assertThat(commands).hasSize(1);
        Command putBack = commands.get(0);
        assertThat(putBack.getAction()).isEqualTo(CommandAction.UPDATE);
        assertThat(putBack.getTargetId()).isEqualTo("S5");
        assertThat(putBack.getSourceSystem()).isEqualTo(SystemType.XERO);
        assertThat(((TaxRate) putBack.getPayload()).getName()).isEqualTo("20% (VAT on Income)");
        List<SyncLogEntry> log = kit.log();
        assertThat(outcomes(log)).containsExactly(SKIPPED_NOT_OWNER, COMMAND_ISSUED);
        assertThat(log.get(0).getMessage()).contains("Scoro is read-only for them").contains("edit made in Scoro is reverted");

        kit.change(upsert("c1", SystemType.SCORO, TAX_RATE, inScoro));
        assertThat(kit.commands(SystemType.SCORO)).as("the same edited state read again while the put-back is in flight")
                .isEmpty();
    }

    @Test
    void aTaxRateDeletedInScoroIsCreatedAgainLookingForItFirst() {
        synced(Direction.TO_XERO);
        kit.change(delete("c1", SystemType.SCORO, TAX_RATE, "S5"));

        Command recreate = kit.commands(SystemType.SCORO).get(0);
        assertThat(recreate.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(recreate.getTargetId()).isNull();
        assertThat(recreate.getMayExist()).isTrue();
        assertThat(kit.log().get(0).getMessage()).contains("the delete made in Scoro is reverted");
        kit.result(ok(recreate, "S9"));
        assertThat(outcomes(kit.log())).containsExactly(WRITTEN);
    }

    @Test
    void aTaxRateGoneFromXeroIsDeletedInScoro() {
        synced(Direction.TO_XERO);
        kit.change(delete("c1", SystemType.XERO, TAX_RATE, "OUTPUT2"));
        Command delete = kit.commands(SystemType.SCORO).get(0);
        assertThat(delete.getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(delete.getTargetId()).isEqualTo("S5");
    }

    @Test
    void aScoroLineNamesItsAccountAndTaxRateByScoroIdsAndXeroGetsTheirCounterpartsThroughTheIdMap() {
        kit = new MapperTestKit(stateDir);
        kit.connection(connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO));
        // Xero's account 200 and tax rate OUTPUT2, adopted in Scoro as finance account 11 and VAT code 5.
        kit.change(upsert("c1", SystemType.XERO, EntityType.ACCOUNT, Account.newBuilder().setId("acc-200").setCode("200")
                .setName("Sales").setType("REVENUE").setStatus(RecordStatus.ACTIVE).build()));
        kit.change(upsert("c1", SystemType.XERO, TAX_RATE, rate("OUTPUT2", "20% (VAT on Income)", "20.0000")));
        for (Command reference : kit.commands(SystemType.SCORO)) {
            kit.result(ok(reference, reference.getEntity() == EntityType.ACCOUNT ? "11" : "5"));
        }
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("sc1", "Acme Ltd")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "xc1"));

        Invoice invoice = invoice("si1", "sc1", "100");
        invoice.getLines().forEach(l -> byIds(l, "11", "5"));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, invoice));

        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).hasSize(1);
        DocumentLine line = ((Invoice) commands.get(0).getPayload()).getLines().get(0);
        assertThat(line.getAccountRef()).isEqualTo("acc-200");
        assertThat(line.getTaxRateRef()).isEqualTo("OUTPUT2");

        // A finance account Xero does not have: the invoice waits for it, and the log names it.
        Invoice orphan = invoice("si2", "sc1", "50");
        orphan.getLines().forEach(l -> byIds(l, "99", "5"));
        kit.log();
        kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, orphan));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.log()).anySatisfy(e -> {
            assertThat(e.getOutcome()).isEqualTo(SyncOutcome.WAITING_DEPENDENCY);
            assertThat(e.getMessage()).containsIgnoringCase("account").contains("99");
        });
    }

    /** A line as the Scoro reader makes it: its own finance account and VAT code ids, no shared codes. */
    private static void byIds(DocumentLine line, String accountId, String vatCodeId) {
        line.setAccountCode(null);
        line.setTaxType(null);
        line.setAccountRef(accountId);
        line.setTaxRateRef(vatCodeId);
    }
}
