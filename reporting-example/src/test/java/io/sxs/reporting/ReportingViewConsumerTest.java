package io.sxs.reporting;

import static io.sxs.reporting.ViewScenario.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSyncState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The consumer against a real broker: the scenario published as the view builder publishes it, with an undecodable
 * record and an aborted transaction among it. Each test leaves the topics' compacted state as the scenario's (what a
 * test adds it tombstones again), so the tests hold in any order.
 */
class ReportingViewConsumerTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static ViewTopicsOnBroker kafka;
    private static final List<ViewScenario.Published> SCENARIO = ViewScenario.records();

    @TempDir
    Path dir;

    @BeforeAll
    static void publishTheScenario() {
        kafka = ViewTopicsOnBroker.start();
        int firstStates = SCENARIO.size() - 3;
        kafka.publish(SCENARIO.subList(0, firstStates));
        kafka.publishUndecodable(Topics.view(EntityType.INVOICE),
                ViewScenario.key(ViewScenario.A, EntityType.INVOICE, "XERO:X-INV-1"), "not avro".getBytes());
        // An aborted write of INV-1 with a wrong amount: read_committed must never show it.
        ViewScenario.Published inv1 = SCENARIO.get(3);
        ViewRecord wrong = ViewRecord.newBuilder(inv1.value()).setPayload(Invoice.newBuilder(
                (Invoice) inv1.value().getPayload()).setAmountDue(m("1.00")).build()).build();
        kafka.publishAborted(List.of(new ViewScenario.Published(inv1.topic(), inv1.key(), wrong)));
        kafka.publish(SCENARIO.subList(firstStates, SCENARIO.size()));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void mirrorsTheCompactedStateSkippingTheUndecodableRecord() throws Exception {
        try (ReportingDatabase db = ReportingDatabase.inMemory();
             ViewConsumer consumer = new ViewConsumer(kafka.cluster(), "reporting-test-mirror", db)) {
            consumer.catchUp();
            assertThat(viewItems(db)).isEqualTo(compacted(SCENARIO));
            assertThat(column(db, "SELECT amount_due || '/' || amount_paid FROM invoices WHERE canonical_id = 'XERO:X-INV-2'"))
                    .containsExactly("100.50/400.00");
            assertThat(column(db, "SELECT amount_due FROM invoices WHERE canonical_id = 'XERO:X-INV-1'"))
                    .containsExactly("1000.00");
            assertThat(column(db, "SELECT canonical_id FROM invoices WHERE canonical_id = 'XERO:X-INV-8'")).isEmpty();
            ViewScenario.assertReports(new Reports(db.connection()));
            // The offsets reached the database and, after its commit, the consumer group.
            Map<TopicPartition, Long> end = endOffsets();
            assertThat(db.nextOffsets()).isEqualTo(end);
            assertThat(committed("reporting-test-mirror")).isEqualTo(end);
        }
    }

    @Test
    void resumesFromTheDatabaseFileWithOnlyTheNewRecords() throws Exception {
        Path file = dir.resolve("view.duckdb");
        try (ReportingDatabase db = ReportingDatabase.open(file);
             ViewConsumer consumer = new ViewConsumer(kafka.cluster(), "reporting-test-resume", db)) {
            consumer.catchUp();
        }
        ViewRecord newContact = newcomer("SCORO:c9", "Hooli");
        kafka.publish(List.of(published(newContact)));
        try (ReportingDatabase db = ReportingDatabase.open(file);
             ViewConsumer consumer = new ViewConsumer(kafka.cluster(), "reporting-test-resume", db)) {
            assertThat(consumer.catchUp()).isEqualTo(1);
            assertThat(column(db, "SELECT name FROM contacts WHERE connection_id = 'conn-c'")).containsExactly("Hooli");
        }
        kafka.publish(List.of(ViewTopicsOnBroker.tombstone(newContact)));
        try (ReportingDatabase db = ReportingDatabase.open(file);
             ViewConsumer consumer = new ViewConsumer(kafka.cluster(), "reporting-test-resume", db)) {
            assertThat(consumer.catchUp()).isEqualTo(1);
            assertThat(column(db, "SELECT name FROM contacts WHERE connection_id = 'conn-c'")).isEmpty();
            assertThat(viewItems(db)).isEqualTo(compacted(SCENARIO));
            ViewScenario.assertReports(new Reports(db.connection()));
        }
    }

    @Test
    void followingAppliesChangesAsTheyArrive() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ReportingDatabase db = ReportingDatabase.inMemory();
             ViewConsumer consumer = new ViewConsumer(kafka.cluster(), "reporting-test-follow", db);
             Connection reader = db.newReader()) {
            consumer.catchUp();
            Future<?> following = executor.submit(() -> {
                consumer.follow();
                return null;
            });
            try {
                ViewRecord newContact = newcomer("SCORO:c10", "Pied Piper");
                kafka.publish(List.of(published(newContact)));
                await().atMost(Duration.ofSeconds(20)).until(() -> count(reader, "contacts WHERE connection_id = 'conn-c'") == 1);
                kafka.publish(List.of(ViewTopicsOnBroker.tombstone(newContact)));
                await().atMost(Duration.ofSeconds(20)).until(() -> count(reader, "contacts WHERE connection_id = 'conn-c'") == 0);
            } finally {
                consumer.stop(); // before the consumer is closed on this thread
                following.get(10, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theCommandPrintsTheFourReports() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ReportingCommand()).setOut(new PrintWriter(out));
        int exit = command.execute("--bootstrap-servers", kafka.cluster().bootstrapServers(), "--as-of", "2026-03-31",
                "--group-id", "reporting-test-command", "--kafka", "client.rack=test");
        assertThat(exit).isZero();
        System.out.println(out);
        assertThat(out.toString())
                .contains(ViewScenario.AGEING_TEXT)
                .contains("Invoices by month and status", "Payments per bank account", "Items failing sync")
                .contains("conn-a      Business Account  EUR              3      380.00")
                .contains("Xero: account code 200 is archived");
    }

    /** A contact of a connection no other test uses, so the scenario's figures stay as they are. */
    private static ViewRecord newcomer(String canonicalId, String name) {
        String id = canonicalId.substring(canonicalId.indexOf(':') + 1);
        return ViewRecord.newBuilder().setConnectionId("conn-c").setEntity(EntityType.CONTACT).setCanonicalId(canonicalId)
                .setScoroId(id).setOrigin(SystemType.SCORO).setOwner(SystemType.SCORO).setSyncState(ViewSyncState.WAITING)
                .setPayloadSystem(SystemType.SCORO)
                .setPayload(Contact.newBuilder().setId(id).setName(name).setStatus(RecordStatus.ACTIVE).build())
                .setChangedAt(Instant.now()).build();
    }

    private static ViewScenario.Published published(ViewRecord value) {
        return new ViewScenario.Published(Topics.view(value.getEntity()),
                ViewScenario.key(value.getConnectionId(), value.getEntity(), value.getCanonicalId()), value);
    }

    /** The items the compacted topics hold after the records: each key's last value, none for a tombstoned key. */
    private static Set<String> compacted(List<ViewScenario.Published> records) {
        Map<String, ViewRecord> latest = new LinkedHashMap<>();
        for (ViewScenario.Published p : records) {
            String identity = p.key().getConnectionId() + "|" + p.key().getEntity() + "|" + p.key().getCanonicalId();
            if (p.value() == null) {
                latest.remove(identity);
            } else {
                latest.put(identity, p.value());
            }
        }
        Set<String> rows = new TreeSet<>();
        latest.forEach((identity, value) -> rows.add(identity + "|" + value.getSyncState() + "|" + value.getLifecycle()
                + "|" + SECONDS.format(LocalDateTime.ofInstant(value.getChangedAt(), ZoneOffset.UTC))));
        return rows;
    }

    private static Set<String> viewItems(ReportingDatabase db) throws SQLException {
        return new TreeSet<>(column(db, "SELECT connection_id || '|' || entity || '|' || canonical_id || '|' || sync_state"
                + " || '|' || lifecycle || '|' || strftime(changed_at, '%Y-%m-%dT%H:%M:%S') FROM view_items"));
    }

    private static List<String> column(ReportingDatabase db, String sql) throws SQLException {
        try {
            return column(db.connection(), sql);
        } finally {
            db.connection().commit();
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection connection, String from) throws SQLException {
        return Long.parseLong(column(connection, "SELECT count(*) FROM " + from).get(0));
    }

    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(kafka.cluster().config())) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (String topic : Topics.views()) {
                for (int p = 0; p < ViewTopicsOnBroker.PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> end = new LinkedHashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(latest).all().get().entrySet()) {
                end.put(e.getKey(), e.getValue().offset());
            }
            return end;
        }
    }

    private static Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = Admin.create(kafka.cluster().config())) {
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e
                    : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
            return offsets;
        }
    }
}
