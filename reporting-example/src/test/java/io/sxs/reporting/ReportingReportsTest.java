package io.sxs.reporting;

import static io.sxs.reporting.ViewScenario.m;
import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.view.ViewRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The report SQL on a database filled directly with the scenario's changes, no Kafka involved. */
class ReportingReportsTest {

    @Test
    void reportsGiveTheHandWorkedFigures() throws SQLException {
        try (ReportingDatabase db = ReportingDatabase.inMemory()) {
            db.apply(ViewScenario.changes(), Map.of());
            ViewScenario.assertReports(new Reports(db.connection()));
        }
    }

    @Test
    void applyingEveryChangeTwiceLeavesTheSameState() throws SQLException {
        try (ReportingDatabase db = ReportingDatabase.inMemory()) {
            List<ViewChange> changes = ViewScenario.changes();
            db.apply(changes, Map.of());
            String once = dump(db);
            // A restart re-reads the last batch; here, everything twice, one change per transaction.
            for (ViewChange change : changes) {
                db.apply(List.of(change), Map.of());
            }
            assertThat(dump(db)).isEqualTo(once);
            ViewScenario.assertReports(new Reports(db.connection()));
        }
    }

    @Test
    void amountsAreKeptExactlyAtTheLargestAvroValue() throws SQLException {
        try (ReportingDatabase db = ReportingDatabase.inMemory()) {
            ViewChange inv = ViewScenario.changes().stream()
                    .filter(c -> c.key().getCanonicalId().equals("XERO:X-INV-1")).findFirst().orElseThrow();
            // DECIMAL(18,2) as in Avro: sixteen integer digits and the cents, none lost.
            Invoice big = Invoice.newBuilder((Invoice) inv.value().getPayload())
                    .setAmountDue(m("9999999999999999.99")).build();
            ViewRecord value = ViewRecord.newBuilder(inv.value()).setPayload(big).build();
            db.apply(List.of(new ViewChange(inv.topic(), 0, 0, inv.key(), value)), Map.of());
            try (Statement s = db.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT amount_due FROM invoices")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getBigDecimal(1)).isEqualTo(m("9999999999999999.99"));
            }
            assertThat(new Reports(db.connection()).receivablesAgeing(ViewScenario.AS_OF).rows().get(0).total())
                    .isEqualTo(m("9999999999999999.99"));
        }
    }

    @Test
    void aPayloadOfAnotherEntityIsSkippedAndTheRestOfTheBatchApplied() throws SQLException {
        try (ReportingDatabase db = ReportingDatabase.inMemory()) {
            List<ViewChange> changes = new ArrayList<>(ViewScenario.changes());
            ViewChange first = changes.get(3); // INV-1
            ViewRecord bill = ViewRecord.newBuilder(first.value())
                    .setPayload(Bill.newBuilder().setId("b").setStatus(DocumentStatus.AUTHORISED).build()).build();
            changes.set(3, new ViewChange(first.topic(), 0, 3, first.key(), bill));
            db.apply(changes, Map.of(new TopicPartition("sxs.view.invoice", 0), 99L));
            assertThat(count(db, "invoices WHERE canonical_id = 'XERO:X-INV-1'")).isZero();
            assertThat(count(db, "view_items WHERE canonical_id = 'XERO:X-INV-1'")).isZero();
            assertThat(count(db, "invoices")).isEqualTo(9);
            assertThat(db.nextOffsets()).containsEntry(new TopicPartition("sxs.view.invoice", 0), 99L);
        }
    }

    @Test
    void tablesHoldEveryItemAndTheEntityTablesTheirOwn() throws SQLException {
        try (ReportingDatabase db = ReportingDatabase.inMemory()) {
            db.apply(ViewScenario.changes(), Map.of());
            assertThat(count(db, "view_items")).isEqualTo(22);
            assertThat(count(db, "view_items WHERE entity = 'INVOICE'")).isEqualTo(10);
            assertThat(count(db, "invoices")).isEqualTo(10);
            assertThat(count(db, "contacts")).isEqualTo(4);
            assertThat(count(db, "bank_accounts")).isEqualTo(2);
            assertThat(count(db, "payments")).isEqualTo(6);
            assertThat(count(db, "view_items WHERE entity = '" + EntityType.PAYMENT + "'")).isEqualTo(6);
        }
    }

    @Test
    void theAgeingReportPrintsAlignedWithItsTotalsBelowARule() throws SQLException {
        try (ReportingDatabase db = ReportingDatabase.inMemory()) {
            db.apply(ViewScenario.changes(), Map.of());
            String text = new Reports(db.connection()).receivablesAgeing(ViewScenario.AS_OF).toText();
            System.out.println(text);
            assertThat(text).isEqualTo(ViewScenario.AGEING_TEXT);
        }
    }

    private static long count(ReportingDatabase db, String from) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + from)) {
            r.next();
            long n = r.getLong(1);
            db.connection().commit();
            return n;
        }
    }

    /** Every table's rows, sorted, as text. */
    private static String dump(ReportingDatabase db) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (ViewTable table : ViewTable.values()) {
            try (Statement s = db.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT * FROM " + table.table() + " ORDER BY ALL")) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    out.append(table.table());
                    for (int i = 1; i <= columns; i++) {
                        out.append('|').append(r.getString(i));
                    }
                    out.append('\n');
                }
            }
        }
        db.connection().commit();
        return out.toString();
    }
}
