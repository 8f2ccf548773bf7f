package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static io.sxs.mapper.MapperTestKit.outcomes;
import static io.sxs.schemas.envelope.SyncOutcome.COMMAND_ISSUED;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_NOT_OWNER;
import static io.sxs.schemas.envelope.SyncOutcome.SKIPPED_OUT_OF_SCOPE;
import static io.sxs.schemas.envelope.SyncOutcome.WAITING_DEPENDENCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.Item;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items by direction, and with items OFF brought across by the document lines that need them. */
class MapperItemsTest {

    @TempDir
    Path stateDir;

    private MapperTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private static Item product(String id, String code) {
        return Item.newBuilder().setId(id).setCode(code).setName("Product " + code)
                .setSalesUnitPrice(new BigDecimal("12.5000")).setStatus(RecordStatus.ACTIVE).build();
    }

    private void connect(Direction items) {
        kit = new MapperTestKit(stateDir);
        ConnectionConfig c = connection("c1", Direction.TO_XERO, ContactMode.FROM_SCORO);
        ConnectionDirections.set(c, EntityType.ITEM, items);
        kit.connection(c);
        kit.change(upsert("c1", SystemType.SCORO, EntityType.CONTACT, contact("sc1", "Acme Ltd")));
        kit.result(ok(kit.commands(SystemType.XERO).get(0), "xc1"));
        kit.log();
    }

    private static Invoice withItem(String id, String itemRef) {
        Invoice invoice = invoice(id, "sc1", "100");
        invoice.getLines().get(0).setItemRef(itemRef);
        invoice.getLines().get(0).setItemCode(null);
        return invoice;
    }

    @Test
    void withItemsOffAProductSyncsOnlyWhenALineNeedsItAndTheLineNamesItByItsXeroCode() {
        connect(Direction.OFF);
        kit.change(upsert("c1", SystemType.SCORO, EntityType.ITEM, product("p1", "WIDGET")));
        kit.change(upsert("c1", SystemType.SCORO, EntityType.ITEM, product("p2", "UNUSED")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.log()).extracting(e -> e.getMessage())
                .containsOnly("items sync is OFF for this connection; an item syncs with the documents whose lines need it");

        kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, withItem("si1", "p1")));
        List<Command> commands = kit.commands(SystemType.XERO);
        assertThat(commands).hasSize(1);
        Command itemCreate = commands.get(0);
        assertThat(itemCreate.getEntity()).isEqualTo(EntityType.ITEM);
        assertThat(itemCreate.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(((Item) itemCreate.getPayload()).getCode()).isEqualTo("WIDGET");
        assertThat(outcomes(kit.log())).containsExactly(COMMAND_ISSUED, WAITING_DEPENDENCY);

        kit.result(ok(itemCreate, "xi1"));
        Command invoiceCreate = kit.commands(SystemType.XERO).get(0);
        assertThat(invoiceCreate.getEntity()).isEqualTo(EntityType.INVOICE);
        assertThat(((Invoice) invoiceCreate.getPayload()).getLines().get(0).getItemRef()).isEqualTo("xi1");
        assertThat(((Invoice) invoiceCreate.getPayload()).getLines().get(0).getItemCode())
                .as("Xero lines name items by code: the product's").isEqualTo("WIDGET");

        // Once brought across, the product's side owns it: a Scoro edit follows to Xero.
        Item edited = product("p1", "WIDGET");
        edited.setName("Widget, blue");
        kit.change(upsert("c1", SystemType.SCORO, EntityType.ITEM, edited));
        Command update = kit.commands(SystemType.XERO).get(0);
        assertThat(update.getAction()).isEqualTo(CommandAction.UPDATE);
        assertThat(update.getTargetId()).isEqualTo("xi1");
    }

    @Test
    void aLineWhoseProductWasNeverSeenAsksScoroForItOnce() {
        connect(Direction.OFF);
        kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, withItem("si1", "p9")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(kit.log()).anySatisfy(e -> assertThat(e.getMessage())
                .contains("item p9 in Scoro (not seen yet; asked Scoro for it)"));
        List<SourceHint> hints = kit.hints();
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).getSystem()).isEqualTo(SystemType.SCORO);
        assertThat(hints.get(0).getEntity()).isEqualTo(EntityType.ITEM);
        assertThat(hints.get(0).getIds()).containsExactly("p9");

        // An edit of the waiting invoice does not ask again; the product's arrival releases both.
        Invoice edited = withItem("si1", "p9");
        edited.setReference("PO 7");
        kit.change(upsert("c1", SystemType.SCORO, EntityType.INVOICE, edited));
        assertThat(kit.hints()).isEmpty();
        kit.change(upsert("c1", SystemType.SCORO, EntityType.ITEM, product("p9", "LATE")));
        Command itemCreate = kit.commands(SystemType.XERO).get(0);
        assertThat(itemCreate.getEntity()).isEqualTo(EntityType.ITEM);
    }

    @Test
    void withItemsToXeroEveryProductGoesAndXeroEditsAreNotPropagated() {
        connect(Direction.TO_XERO);
        kit.change(upsert("c1", SystemType.SCORO, EntityType.ITEM, product("p1", "WIDGET")));
        Command create = kit.commands(SystemType.XERO).get(0);
        assertThat(create.getAction()).isEqualTo(CommandAction.CREATE);
        kit.result(ok(create, "xi1"));
        kit.log();

        Item inXero = product("xi1", "WIDGET");
        inXero.setName("Renamed in Xero");
        kit.change(upsert("c1", SystemType.XERO, EntityType.ITEM, inXero));
        assertThat(kit.commands(SystemType.SCORO)).isEmpty();
        assertThat(outcomes(kit.log())).containsExactly(SKIPPED_NOT_OWNER);
    }

    @Test
    void withItemsToScoroXeroItemsComeToScoroAndScoroProductsStay() {
        connect(Direction.TO_SCORO);
        kit.change(upsert("c1", SystemType.XERO, EntityType.ITEM, product("xi1", "GADGET")));
        Command create = kit.commands(SystemType.SCORO).get(0);
        assertThat(create.getAction()).isEqualTo(CommandAction.CREATE);
        assertThat(((Item) create.getPayload()).getCode()).isEqualTo("GADGET");

        kit.change(upsert("c1", SystemType.SCORO, EntityType.ITEM, product("p5", "SCORO-ONLY")));
        assertThat(kit.commands(SystemType.XERO)).isEmpty();
        assertThat(outcomes(kit.log())).endsWith(SKIPPED_NOT_OWNER);
        assertThat(outcomes(kit.log())).doesNotContain(SKIPPED_OUT_OF_SCOPE);
    }
}
