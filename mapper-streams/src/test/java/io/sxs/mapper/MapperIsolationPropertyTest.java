package io.sxs.mapper;

import static io.sxs.mapper.Fixtures.connection;
import static io.sxs.mapper.Fixtures.contact;
import static io.sxs.mapper.Fixtures.invoice;
import static io.sxs.mapper.Fixtures.ok;
import static io.sxs.mapper.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No record of one connection is ever written into another connection's systems: three connections whose Scoro ids
 * and contact names collide on purpose get interleaved contacts, invoices and write results in random order; every
 * command goes to the connection its change came from, and every id it names in the target (its own, and the
 * contact an invoice refers to) is one that connection's own writes created.
 */
class MapperIsolationPropertyTest {

    private static MapperTestKit kit;
    private static final AtomicInteger TRY = new AtomicInteger();
    private static final AtomicLong COMMANDS = new AtomicLong();

    /** One step: which connection, what (contact, invoice, or answer its oldest pending command), which Scoro id. */
    record Step(int connection, int what, int id) {
    }

    @BeforeContainer
    static void topology() throws Exception {
        kit = new MapperTestKit(Files.createTempDirectory("sxs-mapper-isolation-"));
    }

    @AfterContainer
    static void close() {
        System.out.println("Isolation property: " + COMMANDS.get() + " commands checked over " + TRY.get() + " tries");
        kit.close();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 4)).as(Step::new).list().ofMinSize(10).ofMaxSize(60);
    }

    @Property(tries = 50)
    void everyCommandAndEveryIdItNamesBelongToTheConnectionItCameFrom(@ForAll("steps") List<Step> steps) {
        int t = TRY.incrementAndGet();
        String[] ids = {"t" + t + "-a", "t" + t + "-b", "t" + t + "-c"};
        List<List<Command>> pending = new ArrayList<>();
        for (String id : ids) {
            kit.connection(connection(id, Direction.TO_XERO, ContactMode.WITH_DOCUMENTS));
            pending.add(new ArrayList<>());
        }
        AtomicInteger written = new AtomicInteger();
        for (Step step : steps) {
            String conn = ids[step.connection()];
            switch (step.what()) {
                case 0 -> kit.change(upsert(conn, SystemType.SCORO, EntityType.CONTACT, contact(String.valueOf(step.id()), "Shared Name " + step.id())));
                case 1 -> kit.change(upsert(conn, SystemType.SCORO, EntityType.INVOICE,
                        invoice(String.valueOf(10 + step.id()), String.valueOf(step.id()), "1" + step.id())));
                default -> {
                    List<Command> mine = pending.get(step.connection());
                    if (!mine.isEmpty()) {
                        Command c = mine.remove(0);
                        kit.result(ok(c, c.getTargetId() != null ? c.getTargetId() : "T-" + conn + "-" + written.incrementAndGet()));
                    }
                }
            }
            for (Command c : kit.commands(SystemType.XERO)) {
                COMMANDS.incrementAndGet();
                int owner = java.util.Arrays.asList(ids).indexOf(c.getConnectionId());
                assertThat(owner).as("command %s of a connection of this try", c.getCommandId()).isNotNegative();
                String prefix = "T-" + c.getConnectionId() + "-";
                if (c.getTargetId() != null) {
                    assertThat(c.getTargetId()).as("the item it updates is its connection's").startsWith(prefix);
                }
                if (c.getPayload() instanceof Invoice inv && inv.getContactRef() != null) {
                    assertThat(inv.getContactRef()).as("the contact it names is its connection's").startsWith(prefix);
                }
                pending.get(owner).add(c);
            }
            assertThat(kit.commands(SystemType.SCORO)).isEmpty();
            kit.log();
            kit.hints();
        }
    }
}
