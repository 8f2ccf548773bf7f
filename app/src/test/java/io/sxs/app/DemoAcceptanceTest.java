package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.app.demo.Demo;
import io.sxs.app.demo.DemoSandboxes;
import io.sxs.kafka.embedded.FreePorts;
import io.sxs.sandbox.demo.DemoSeedResult;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.TopicSpec;
import io.sxs.schemas.topic.Topics;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.app.support.ControlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README command 1 as a test: no Kafka configured, so the application starts its own broker, the seeded sandboxes
 * and the demo connection. After the summary every demo invoice must be in Xero exactly once, and every topic must
 * decode with a plain consumer and only the schemas module.
 */
class DemoAcceptanceTest {

    private static ConfigurableApplicationContext app;
    private static Demo demo;
    private static DemoSandboxes sandboxes;
    private static String bootstrap;

    @BeforeAll
    static void runDemo() throws Exception {
        int brokerPort = FreePorts.next();
        Path data = Files.createTempDirectory("sxs-demo-");
        app = new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(Map.of(
                "sxs.data-dir", data.toString(), "sxs.broker.port", brokerPort, "sxs.broker.controller-port", FreePorts.next(),
                "sxs.demo.xero-port", 0, "sxs.demo.scoro-port", 0, "server.port", 0)).run();
        bootstrap = "localhost:" + brokerPort;
        demo = app.getBean(Demo.class);
        sandboxes = app.getBean(DemoSandboxes.class);
        assertThat(demo.awaitInitialSync(Duration.ofMinutes(4))).as(demo.progress().summary(demo.connectionId())).isTrue();
        xeroCallsAfterSync = sandboxes.xero().callCounts(sandboxes.seed().xeroTenant().tenantId());
        scoroCallsAfterSync = sandboxes.scoro().callCounts(sandboxes.seed().scoroCompany().companyAccountId());
    }

    private static Map<String, Long> xeroCallsAfterSync;
    private static Map<String, Long> scoroCallsAfterSync;

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyDemoInvoiceExistsOnceInXeroWithTheSameNumberContactLinesAndTotals() {
        DemoSeedResult seed = sandboxes.seed();
        assertThat(seed.scoroContactIds()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(seed.scoroInvoiceIds()).hasSizeGreaterThanOrEqualTo(50);
        String company = seed.scoroCompany().companyAccountId();
        String tenant = seed.xeroTenant().tenantId();
        List<Map<String, Object>> xeroInvoices = sandboxes.xero().invoices(tenant);
        Map<String, Long> perNumber = xeroInvoices.stream()
                .collect(Collectors.groupingBy(i -> String.valueOf(i.get("InvoiceNumber")), Collectors.counting()));
        Map<String, Long> contactsPerName = sandboxes.xero().contacts(tenant).stream()
                .collect(Collectors.groupingBy(c -> String.valueOf(c.get("Name")), Collectors.counting()));

        for (long id : seed.scoroInvoiceIds()) {
            Map<String, Object> s = sandboxes.scoro().invoice(company, id);
            String number = String.valueOf(s.get("no"));
            assertThat(perNumber.get(number)).as("copies of " + number + " in Xero").isEqualTo(1L);
            Map<String, Object> x = xeroInvoices.stream().filter(i -> number.equals(i.get("InvoiceNumber"))).findFirst().orElseThrow();
            String contactName = String.valueOf(sandboxes.scoro().contact(company, ((Number) s.get("company_id")).longValue()).get("name"));
            assertThat(((Map<?, ?>) x.get("Contact")).get("Name")).as("contact of " + number).isEqualTo(contactName);
            assertThat(contactsPerName.get(contactName)).as("copies of contact " + contactName).isEqualTo(1L);
            List<?> scoroLines = (List<?>) s.get("lines");
            List<?> xeroLines = (List<?>) x.get("LineItems");
            assertThat(xeroLines).as("lines of " + number).hasSameSizeAs(scoroLines);
            for (int i = 0; i < scoroLines.size(); i++) {
                Map<?, ?> sl = (Map<?, ?>) scoroLines.get(i);
                Map<?, ?> xl = (Map<?, ?>) xeroLines.get(i);
                assertThat(xl.get("Description")).isEqualTo(sl.get("comment"));
                assertThat(decimal(xl.get("Quantity"))).isEqualByComparingTo(decimal(sl.get("amount")));
                assertThat(decimal(xl.get("UnitAmount"))).isEqualByComparingTo(decimal(sl.get("price")));
                assertThat(decimal(xl.get("LineAmount"))).isEqualByComparingTo(decimal(sl.get("sum")));
            }
            assertThat(decimal(x.get("SubTotal"))).as("subtotal of " + number).isEqualByComparingTo(decimal(s.get("sum")));
            assertThat(decimal(x.get("TotalTax"))).as("tax of " + number).isEqualByComparingTo(decimal(s.get("vat_sum")));
            String expectedStatus = Objects.equals(String.valueOf(s.get("is_sent")), "1") || Boolean.TRUE.equals(s.get("is_sent"))
                    ? decimal(x.get("AmountDue")).signum() == 0 ? "PAID" : "AUTHORISED" : "DRAFT";
            assertThat(x.get("Status")).as("status of " + number + " (PAID once the demo paid it in Xero)").isEqualTo(expectedStatus);
        }
        Map<String, Long> scoroCalls = sandboxes.scoro().callCounts(company);
        assertThat(sandboxes.scoro().documentWriteCalls(company)).as("nothing but receipts (Xero's money) written to Scoro")
                .isEqualTo(scoroCalls.getOrDefault("receipts/modify", 0L) + scoroCalls.getOrDefault("receipts/delete", 0L));
    }

    @Test
    void everyDemoProductIsAXeroItemAndEveryBillAXeroBillOnceWithItsSupplierAndTotals() {
        DemoSeedResult seed = sandboxes.seed();
        String company = seed.scoroCompany().companyAccountId();
        String tenant = seed.xeroTenant().tenantId();
        Map<String, Map<String, Object>> items = sandboxes.xero().items(tenant).stream()
                .collect(Collectors.toMap(i -> String.valueOf(i.get("Code")), i -> i));
        for (Map<String, Object> product : sandboxes.scoro().records(company, "products")) {
            Map<String, Object> item = items.get(String.valueOf(product.get("code")));
            assertThat(item).as("item " + product.get("code")).isNotNull();
            assertThat(decimal(((Map<?, ?>) item.get("SalesDetails")).get("UnitPrice"))).isEqualByComparingTo(decimal(product.get("price")));
        }
        assertThat(items).hasSameSizeAs(seed.scoroProductIds());
        List<Map<String, Object>> xeroBills = sandboxes.xero().invoices(tenant).stream()
                .filter(i -> "ACCPAY".equals(i.get("Type"))).toList();
        assertThat(xeroBills).hasSameSizeAs(seed.scoroBillIds());
        for (long id : seed.scoroBillIds()) {
            Map<String, Object> bill = sandboxes.scoro().bill(company, id);
            Map<String, Object> x = xeroBills.stream().filter(b -> bill.get("no").equals(b.get("InvoiceNumber"))).findFirst().orElseThrow();
            assertThat(x.get("Status")).isEqualTo(decimal(x.get("AmountDue")).signum() == 0 ? "PAID" : "AUTHORISED");
            assertThat(decimal(x.get("Total"))).as("total of bill " + bill.get("no"))
                    .isEqualByComparingTo(decimal(bill.get("sum")).add(decimal(bill.get("vat_sum"))));
            assertThat(((Map<?, ?>) x.get("Contact")).get("Name")).isEqualTo(sandboxes.scoro()
                    .contact(company, ((Number) bill.get("company_id")).longValue()).get("name"));
        }
        // Every credit invoice is a Xero credit note allocated to the invoice it credits.
        List<Map<String, Object>> notes = sandboxes.xero().creditNotes(tenant);
        assertThat(notes).hasSameSizeAs(seed.scoroCreditInvoiceIds());
        assertThat(notes).allSatisfy(n -> assertThat((List<?>) n.get("Allocations")).hasSize(1));
        // Lines that name a product name its item in Xero.
        long productLines = sandboxes.xero().invoices(tenant).stream().filter(i -> "ACCREC".equals(i.get("Type")))
                .flatMap(i -> ((List<?>) i.get("LineItems")).stream()).filter(l -> ((Map<?, ?>) l).get("ItemCode") != null).count();
        assertThat(productLines).isPositive();
    }

    @Test
    void theMergedViewHoldsEveryDemoInvoiceOnceWithBothIdsAndXerosTotals() throws Exception {
        assertThat(demo.awaitPayments(Duration.ofMinutes(3))).isNotNull();
        reconcileInvoices();
        DemoSeedResult seed = sandboxes.seed();
        String company = seed.scoroCompany().companyAccountId();
        String tenant = seed.xeroTenant().tenantId();
        Map<String, Map<String, Object>> scoroByNumber = sandboxes.scoro().invoices(company).stream()
                .collect(Collectors.toMap(i -> String.valueOf(i.get("no")), i -> i, (a, b) -> a));
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            List<Map<String, Object>> xeroInvoices = sandboxes.xero().invoices(tenant).stream()
                    .filter(i -> "ACCREC".equals(i.get("Type"))).toList();
            Map<String, List<io.sxs.schemas.view.ViewRecord>> view = io.sxs.app.support.TopicReader
                    .compacted(bootstrap, Topics.view(io.sxs.schemas.common.EntityType.INVOICE)).values().stream()
                    .map(v -> (io.sxs.schemas.view.ViewRecord) v)
                    .filter(v -> v.getConnectionId().equals(demo.connectionId()))
                    .collect(Collectors.groupingBy(v -> ((io.sxs.schemas.entity.Invoice) v.getPayload()).getNumber()));
            assertThat(view.keySet()).as("invoice numbers in the view").containsExactlyInAnyOrderElementsOf(
                    xeroInvoices.stream().map(i -> String.valueOf(i.get("InvoiceNumber"))).toList());
            for (Map<String, Object> x : xeroInvoices) {
                String number = String.valueOf(x.get("InvoiceNumber"));
                io.sxs.schemas.view.ViewRecord v = view.get(number).get(0);
                io.sxs.schemas.entity.Invoice invoice = (io.sxs.schemas.entity.Invoice) v.getPayload();
                assertThat(view.get(number)).as("view records of " + number).hasSize(1);
                assertThat(v.getXeroId()).as(number).isEqualTo(x.get("InvoiceID"));
                assertThat(v.getScoroId()).as(number).isEqualTo(String.valueOf(scoroByNumber.get(number).get("id")));
                assertThat(v.getSyncState()).as(number).isEqualTo(io.sxs.schemas.view.ViewSyncState.IN_SYNC);
                assertThat(invoice.getTotal()).as("total of " + number).isEqualByComparingTo(decimal(x.get("Total")));
                assertThat(invoice.getAmountDue()).as("amount due of " + number).isEqualByComparingTo(decimal(x.get("AmountDue")));
            }
        });
    }

    /**
     * The reporting example, run as a data team would (its jar, against the demo's broker): its receivables ageing
     * equals what Xero's own API says is due, per customer, currency and bucket.
     */
    @Test
    void theReportingExamplesAgeingEqualsTheReceivablesXeroReports() throws Exception {
        assertThat(demo.awaitPayments(Duration.ofMinutes(3))).isNotNull();
        reconcileInvoices();
        Path jar = Path.of("../reporting-example/target/sxs-reporting.jar");
        assertThat(jar).as("built by the reactor before the app's tests (mvn -B verify)").isRegularFile();
        java.time.LocalDate asOf = java.time.LocalDate.parse("2026-12-31");
        String tenant = sandboxes.seed().xeroTenant().tenantId();
        String[] last = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            Map<String, List<BigDecimal>> expected = ageingFromXero(sandboxes.xero().invoices(tenant), asOf);
            last[0] = runReporting(jar, asOf, true);
            assertThat(ageingFromReport(last[0], demo.connectionId())).as(last[0]).isEqualTo(expected);
        });
        System.out.println("Reporting example against the demo:\n" + runReporting(jar, asOf, false));
    }

    /**
     * A sync run of the invoices, as an operator starts one before reading reports: both systems' invoices read
     * again, so that every change since the last poll (a settlement whose news was not read) is in the view.
     */
    private static void reconcileInvoices() {
        ControlClient api = new ControlClient("http://localhost:" + app.getEnvironment().getProperty("local.server.port"),
                app.getBean(io.sxs.app.control.OperatorToken.class).reveal());
        JsonNode run = api.json("POST", "/api/connections/" + demo.connectionId() + "/runs", Map.of("entities", List.of("INVOICE")));
        String runId = run.path("runId").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> "DONE".equals(
                api.get("/api/connections/" + demo.connectionId() + "/runs/" + runId).path("state").asText()));
    }

    /** Xero's open receivables per "customer|currency": current, 1-30, 31-60, 61-90, 90+ days past due, and total. */
    private static Map<String, List<BigDecimal>> ageingFromXero(List<Map<String, Object>> invoices, java.time.LocalDate asOf) {
        Map<String, List<BigDecimal>> out = new java.util.TreeMap<>();
        for (Map<String, Object> i : invoices) {
            BigDecimal due = decimal(i.get("AmountDue"));
            if (!"ACCREC".equals(i.get("Type")) || !"AUTHORISED".equals(i.get("Status")) || due.signum() <= 0) {
                continue;
            }
            long late = java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.parse(String.valueOf(i.get("DueDateString")).substring(0, 10)), asOf);
            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            String key = ((Map<?, ?>) i.get("Contact")).get("Name") + "|" + i.get("CurrencyCode");
            List<BigDecimal> row = out.computeIfAbsent(key, k -> new java.util.ArrayList<>(java.util.Collections.nCopies(6, BigDecimal.ZERO)));
            row.set(bucket, row.get(bucket).add(due));
            row.set(5, row.get(5).add(due));
        }
        out.replaceAll((k, row) -> row.stream().map(BigDecimal::stripTrailingZeros).toList());
        return out;
    }

    private static String runReporting(Path jar, java.time.LocalDate asOf, boolean csv) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--bootstrap-servers", bootstrap, "--as-of", asOf.toString()));
        if (csv) {
            command.add("--csv");
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** The ageing section of the CSV output, the connection's rows, per "customer|currency". */
    private static Map<String, List<BigDecimal>> ageingFromReport(String csv, String connectionId) {
        Map<String, List<BigDecimal>> out = new java.util.TreeMap<>();
        String section = csv.substring(csv.indexOf("# Receivables ageing"));
        section = section.substring(0, section.indexOf("\n# ") < 0 ? section.length() : section.indexOf("\n# "));
        for (String line : section.lines().skip(2).toList()) {
            List<String> cells = csvCells(line);
            if (cells.size() == 9 && cells.get(0).equals(connectionId)) {
                out.put(cells.get(1) + "|" + cells.get(2), cells.subList(3, 9).stream()
                        .map(c -> new BigDecimal(c).stripTrailingZeros()).toList());
            }
        }
        return out;
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void thePaymentsTheDemoMakesInXeroReachScoroAsReceiptsOnce() throws Exception {
        String report = demo.awaitPayments(Duration.ofMinutes(3));
        assertThat(report).as("the demo's payments report").isNotNull().contains("Payments made in Xero by the demo");
        DemoSeedResult seed = sandboxes.seed();
        String company = seed.scoroCompany().companyAccountId();
        String tenant = seed.xeroTenant().tenantId();
        List<Map<String, Object>> paidInXero = sandboxes.xero().invoices(tenant).stream()
                .filter(i -> decimal(i.get("AmountPaid")).signum() > 0 || decimal(i.get("AmountCredited")).signum() > 0).toList();
        assertThat(paidInXero).as("paid in part, in full, a bill and the credited invoices").hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> x : paidInXero) {
            boolean bill = "ACCPAY".equals(x.get("Type"));
            Map<String, Object> s = (bill ? sandboxes.scoro().bills(company) : sandboxes.scoro().invoices(company)).stream()
                    .filter(d -> x.get("InvoiceNumber").equals(d.get("no"))).findFirst().orElseThrow();
            long id = ((Number) s.get("id")).longValue();
            Object paidSum = (bill ? sandboxes.scoro().bill(company, id) : sandboxes.scoro().invoice(company, id)).get("paid_sum");
            assertThat(decimal(paidSum)).as("Scoro's paid sum of " + x.get("InvoiceNumber"))
                    .isEqualByComparingTo(decimal(x.get("AmountPaid")).add(decimal(x.get("AmountCredited"))));
        }
        long payments = sandboxes.xero().payments(tenant).size();
        long overpaymentAllocations = sandboxes.xero().overpayments(tenant).stream()
                .mapToLong(o -> ((List<?>) o.get("Allocations")).size()).sum();
        long prepayments = sandboxes.xero().prepayments(tenant).size();
        assertThat(payments).as("in full, in two parts, a bill, in euros").isEqualTo(5);
        assertThat(overpaymentAllocations).isEqualTo(1);
        assertThat(prepayments).isEqualTo(1);
        assertThat(sandboxes.scoro().callCounts(company).get("receipts/modify"))
                .as("one receipt per payment, allocation and prepayment, each written once")
                .isEqualTo(payments + seed.scoroCreditInvoiceIds().size() + overpaymentAllocations + prepayments);
        Map<String, Object> prepaid = sandboxes.scoro().prepayments(company).stream()
                .filter(p -> "PP-DEMO-1".equals(p.get("no"))).findFirst().orElseThrow();
        assertThat(decimal(prepaid.get("paid_sum"))).as("the prepayment, matched by its number").isEqualByComparingTo("480.00");
        assertThat(report).contains("in euros").contains("an overpayment allocated").contains("PP-DEMO-1");
    }

    @Test
    void theInitialSyncSpendsTheMinimumOfCallsWithinTheRealLimits() {
        DemoSeedResult seed = sandboxes.seed();
        String tenant = seed.xeroTenant().tenantId();
        String company = seed.scoroCompany().companyAccountId();
        Map<String, Long> xeroCalls = xeroCallsAfterSync;
        Map<String, Long> scoroCalls = scoroCallsAfterSync;
        assertThat(sandboxes.xero().throttledCalls(tenant)).as("Xero 429s").isZero();
        assertThat(sandboxes.scoro().throttledCalls(company)).as("Scoro 429s").isZero();
        // 50 invoices, their contacts, 5 products and 10 bills would fit one batch each; invoices wait for their contacts and
        // products, whose results can come back apart, so they go in at most two waves; bills share the endpoint but
        // not the batch. One read of each (empty) Xero list: bills come in the invoices' page.
        // Contacts are created as the documents that need them arrive (invoices, then bills, read by two sources):
        // at most one batch per wave.
        assertThat(xeroCalls).containsEntry("PUT /Items", 1L);
        assertThat(xeroCalls.get("PUT /Contacts")).isBetween(1L, 3L);
        assertThat(xeroCalls.get("PUT /Invoices")).isBetween(2L, 3L);
        // One read of the invoices' page; allocating a credit note changes the invoice it credits, and Xero announces
        // that change: one targeted read (up to 50 ids) per wave of allocations.
        assertThat(xeroCalls.get("GET /Invoices")).isBetween(1L, 3L);
        assertThat(xeroCalls.get("PUT /CreditNotes")).isBetween(1L, 2L);
        assertThat(xeroCalls.get("PUT /CreditNotes/{CreditNoteID}/Allocations")).isEqualTo((long) seed.scoroCreditInvoiceIds().size());
        assertThat(xeroCalls.get("GET /Contacts")).isEqualTo(1L);
        // Scoro lists have no lines: one view per invoice and bill, never more.
        assertThat(scoroCalls.get("invoices/view")).as("invoices and credit invoices share the module")
                .isEqualTo(seed.scoroInvoiceIds().size() + seed.scoroCreditInvoiceIds().size());
        assertThat(scoroCalls.get("invoices/list")).isEqualTo(1L);
        assertThat(scoroCalls.get("bills/view")).isEqualTo(seed.scoroBillIds().size());
        assertThat(scoroCalls.get("bills/list")).isEqualTo(1L);
        assertThat(scoroCalls.get("products/list")).isEqualTo(1L);
    }

    @Test
    void aChangeMadeInXeroIsReadThroughTheSignedWebhookWithOneTargetedRead() {
        makeAXeroChange();
        assertThat(contactReadsAfterXeroChange).as("one targeted read of the contact, no poll")
                .isEqualTo(contactReadsBeforeXeroChange + 1);
    }

    private static boolean xeroChanged;
    private static long contactReadsBeforeXeroChange;
    private static long contactReadsAfterXeroChange;

    /** A user adds a contact in Xero: its webhook makes the Xero source read it (a change record on sxs.changes.xero). */
    private static synchronized void makeAXeroChange() {
        if (xeroChanged) {
            return;
        }
        String tenant = sandboxes.seed().xeroTenant().tenantId();
        contactReadsBeforeXeroChange = sandboxes.xero().callCounts(tenant).getOrDefault("GET /Contacts", 0L);
        sandboxes.xero().createContact(tenant, Map.of("Name", "Added in Xero by a user"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> demo.progress().counts(io.sxs.schemas.common.EntityType.CONTACT).readXero > 0);
        contactReadsAfterXeroChange = sandboxes.xero().callCounts(tenant).getOrDefault("GET /Contacts", 0L);
        xeroChanged = true;
    }

    @Test
    void everyRecordOnEveryTopicDecodesWithAPlainConsumerAndOnlyTheSchemasModule() {
        makeAXeroChange();
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroSerde<SpecificRecordBase> serde = AvroSerde.forCluster(bootstrap);
        Map<String, Integer> decoded = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (TopicSpec spec : Topics.ALL) {
                List<TopicPartition> partitions = consumer.partitionsFor(spec.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                int count = 0;
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
                        if (spec.name().equals(Topics.SCHEMAS)) {
                            Schema schema = new Schema.Parser().parse(new String(rec.value()));
                            assertThat(schema.getFullName()).startsWith("io.sxs.schemas");
                        } else {
                            if (rec.value() != null) {
                                assertThat(serde.deserialize(spec.name(), rec.value())).isNotNull();
                            }
                            if (spec.key().startsWith("connection id")) {
                                assertThat(new String(rec.key())).startsWith("demo-");
                            } else {
                                assertThat(serde.deserialize(spec.name(), rec.key())).isNotNull();
                            }
                        }
                        count++;
                    }
                }
                decoded.put(spec.name(), count);
            }
        }
        for (String topic : List.of(Topics.SCHEMAS, Topics.CONNECTIONS, Topics.SOURCE_CURSORS, Topics.CHANGES_SCORO,
                Topics.CHANGES_XERO, Topics.COMMANDS_XERO, Topics.RESULTS, Topics.SYNC_LOG, Topics.SOURCE_HINTS,
                Topics.IDMAP, Topics.LATEST)) {
            assertThat(decoded.get(topic)).as("records on " + topic).isPositive();
        }
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal bd ? bd : new BigDecimal(String.valueOf(value));
    }
}
