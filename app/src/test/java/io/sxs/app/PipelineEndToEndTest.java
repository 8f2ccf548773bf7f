package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import io.sxs.app.config.SxsProperties;
import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.app.topic.TopicCatalogueInitializer;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The walking skeleton end to end: real in-process broker, real HTTP to both sandboxes, the real application context.
 * Write calls are counted by the sandboxes, which is how "nothing written twice, nothing written back" is proven.
 */
class PipelineEndToEndTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void invoicesToXeroFollowScoroAndSurviveARestartWithoutDuplicatesOrWriteBacks() throws Exception {
        ScoroCompany company = scoro.createCompany("Acme Scoro");
        XeroTenant tenant = xero.createTenant("Acme Ltd");
        Path data = Files.createTempDirectory("sxs-e2e-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            connect("to-xero", company, tenant, Direction.TO_XERO);
            Map<String, Object> contact = scoro.createContact(company.companyAccountId(), Map.of(
                    "name", "Northwind Traders", "is_client", 1,
                    "means_of_contact", Map.of("email", List.of("ap@northwind.example"))));
            long contactId = ((Number) contact.get("contact_id")).longValue();
            Map<String, Object> invoice = scoro.createInvoice(company.companyAccountId(), Map.of(
                    "no", "SC-1001", "company_id", contactId, "date", "2026-11-02", "deadline", "2026-11-16",
                    "currency", "GBP", "is_sent", 1,
                    "lines", List.of(line(company, "Consulting", "1.5", "120.00", "OUTPUT2"), line(company, "Licence", "2", "49.99", "OUTPUT2"))));
            long invoiceId = ((Number) invoice.get("id")).longValue();

            Map<String, Object> written = await().atMost(TIMEOUT).until(() -> xeroInvoice(tenant, "SC-1001"), i -> i != null);
            assertThat(written.get("Type")).isEqualTo("ACCREC");
            assertThat(written.get("Status")).isEqualTo("AUTHORISED");
            assertThat(((Map<?, ?>) written.get("Contact")).get("Name")).isEqualTo("Northwind Traders");
            assertThat(lines(written)).hasSize(2);
            assertThat(decimal(written.get("Total"))).isEqualByComparingTo(decimal(scoroTotal(company, invoiceId)));
            String invoiceIdInXero = (String) written.get("InvoiceID");

            scoro.updateInvoice(company.companyAccountId(), invoiceId, Map.of(
                    "lines", List.of(line(company, "Consulting", "3", "120.00", "OUTPUT2"))));
            Map<String, Object> updated = await().atMost(TIMEOUT).until(() -> xeroInvoice(tenant, "SC-1001"),
                    i -> i != null && lines(i).size() == 1);
            assertThat(updated.get("InvoiceID")).isEqualTo(invoiceIdInXero);
            assertThat(decimal(updated.get("Total"))).isEqualByComparingTo("432.00");
            assertThat(countByNumber(tenant, "SC-1001")).isEqualTo(1);
            assertThat(xero.contacts(tenant.tenantId())).hasSize(1);

            long xeroWrites = settledWrites(() -> xero.writeCalls(tenant.tenantId()));
            assertThat(scoro.documentWriteCalls(company.companyAccountId())).isZero();
            app = restart(app, data);
            assertThat(xero.writeCalls(tenant.tenantId())).isEqualTo(xeroWrites);
            assertThat(scoro.documentWriteCalls(company.companyAccountId())).isZero();
            assertThat(countByNumber(tenant, "SC-1001")).isEqualTo(1);

            // Deletes travel: the authorised Xero copy of a deleted Scoro invoice is voided, not left behind.
            scoro.deleteInvoice(company.companyAccountId(), invoiceId);
            Map<String, Object> voided = await().atMost(TIMEOUT).until(() -> xeroInvoice(tenant, "SC-1001"),
                    i -> "VOIDED".equals(i.get("Status")));
            assertThat(voided.get("InvoiceID")).isEqualTo(invoiceIdInXero);
        } finally {
            app.close();
        }
    }

    @Test
    void invoicesToScoroFollowXeroAndSurviveARestartWithoutDuplicatesOrWriteBacks() throws Exception {
        ScoroCompany company = scoro.createCompany("Beta Scoro");
        XeroTenant tenant = xero.createTenant("Beta Ltd");
        Path data = Files.createTempDirectory("sxs-e2e-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            connect("to-scoro", company, tenant, Direction.TO_SCORO);
            Map<String, Object> contact = xero.createContact(tenant.tenantId(), Map.of("Name", "Contoso Pty", "EmailAddress", "ar@contoso.example"));
            Map<String, Object> invoice = xero.createInvoice(tenant.tenantId(), Map.of(
                    "Type", "ACCREC", "InvoiceNumber", "X-2001", "Contact", Map.of("ContactID", contact.get("ContactID")),
                    "Date", "2026-11-03", "DueDate", "2026-11-17", "Status", "AUTHORISED", "CurrencyCode", "GBP",
                    "LineItems", List.of(xeroLine("Design", "2", "250.00"), xeroLine("Hosting", "1", "19.90"))));
            String xeroInvoiceId = (String) invoice.get("InvoiceID");

            Map<String, Object> written = await().atMost(TIMEOUT).until(() -> scoroInvoice(company, "X-2001"), i -> i != null);
            assertThat(((List<?>) written.get("lines"))).hasSize(2);
            assertThat(decimal(written.get("sum")).add(decimal(written.get("vat_sum"))))
                    .isEqualByComparingTo(decimal(invoice.get("Total")));
            Map<String, Object> scoroContact = scoro.contact(company.companyAccountId(), ((Number) written.get("company_id")).longValue());
            assertThat(scoroContact.get("name")).isEqualTo("Contoso Pty");
            Object scoroInvoiceId = written.get("id");

            xero.updateInvoice(tenant.tenantId(), xeroInvoiceId, Map.of("LineItems", List.of(xeroLine("Design", "3", "250.00"))));
            Map<String, Object> updated = await().atMost(TIMEOUT).until(() -> scoroInvoice(company, "X-2001"),
                    i -> i != null && ((List<?>) i.get("lines")).size() == 1);
            assertThat(updated.get("id")).isEqualTo(scoroInvoiceId);
            assertThat(decimal(updated.get("sum"))).isEqualByComparingTo("750.00");
            assertThat(scoro.invoices(company.companyAccountId())).hasSize(1);
            assertThat(scoro.contacts(company.companyAccountId())).hasSize(1);

            long scoroWrites = settledWrites(() -> scoro.writeCalls(company.companyAccountId()));
            assertThat(xero.writeCalls(tenant.tenantId())).isZero();
            app = restart(app, data);
            assertThat(scoro.writeCalls(company.companyAccountId())).isEqualTo(scoroWrites);
            assertThat(xero.writeCalls(tenant.tenantId())).isZero();
            assertThat(scoro.invoices(company.companyAccountId())).hasSize(1);
        } finally {
            app.close();
        }
    }

    @Test
    void aSinkTakingOverCommandsLooksBeforeCreatingSoAnEarlierAttemptIsNotDuplicated() throws Exception {
        ScoroCompany company = scoro.createCompany("Gamma Scoro");
        XeroTenant tenant = xero.createTenant("Gamma Ltd");
        Path data = Files.createTempDirectory("sxs-e2e-");
        TopicCatalogueInitializer.ensure(io.sxs.schemas.topic.KafkaCluster.of(broker.bootstrapServers()), new SxsProperties.Topics(3, (short) 1, -1));
        connect("takeover", company, tenant, Direction.TO_SCORO);
        // An earlier sink created the contact and died before its result was recorded: the command is still unanswered.
        Map<String, Object> earlier = scoro.createContact(company.companyAccountId(),
                Map.of("name", "Fabrikam Ltd", "reference_no", "XERO-x-contact-1"));
        Contact contact = Contact.newBuilder().setId("x-contact-1").setName("Fabrikam Ltd").setTaxNumber("GB999")
                .setStatus(RecordStatus.ACTIVE).build();
        Command create = Command.newBuilder().setCommandId("cmd-takeover-1").setConnectionId("takeover")
                .setTargetSystem(SystemType.SCORO).setEntity(EntityType.CONTACT).setAction(CommandAction.CREATE)
                .setSourceSystem(SystemType.XERO).setSourceId("x-contact-1").setSourceHash(ContentHasher.hash(contact))
                .setIdempotencyKey("takeover-1").setIssuedAt(Instant.now()).setPayload(contact).build();
        try (KafkaProducer<String, SpecificRecordBase> producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), AvroSerde.forCluster(broker.bootstrapServers()))) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS_SCORO, "takeover", create)).get();
        }

        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            long id = ((Number) earlier.get("contact_id")).longValue();
            await().atMost(TIMEOUT).until(() -> scoro.contact(company.companyAccountId(), id).get("vatno"), "GB999"::equals);
            assertThat(scoro.contacts(company.companyAccountId())).as("found and updated, not created twice").hasSize(1);
        } finally {
            app.close();
        }
    }

    /** A new application context on the same broker and data; returns once its mapper processes again. */
    private static ConfigurableApplicationContext restart(ConfigurableApplicationContext app, Path data) throws InterruptedException {
        app.close();
        ConfigurableApplicationContext next = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        Pipeline pipeline = next.getBean(Pipeline.class);
        await().atMost(TIMEOUT).until(pipeline::mapperRunning);
        pollCycles();
        return next;
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant, Direction invoices) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(), tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, invoices);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }

    /** Waits until a write counter has not moved for a few poll cycles, and returns it. */
    private static long settledWrites(java.util.function.LongSupplier counter) throws InterruptedException {
        long last = -1;
        long current = counter.getAsLong();
        while (current != last) {
            last = current;
            pollCycles();
            current = counter.getAsLong();
        }
        return current;
    }

    /** Several poll intervals, so the sources read everything at least twice more. Used only to assert absence. */
    private static void pollCycles() throws InterruptedException {
        Thread.sleep(4000);
    }

    private static Map<String, Object> line(ScoroCompany company, String comment, String amount, String price, String vatCode) {
        Object vatCodeId = scoro.vatCodes(company.companyAccountId()).stream()
                .filter(v -> vatCode.equals(v.get("vat_code"))).findFirst().orElseThrow().get("vat_code_id");
        Object salesAccountId = scoro.financeAccounts(company.companyAccountId()).stream()
                .filter(a -> "200".equals(String.valueOf(a.get("account_symbol")))).findFirst().orElseThrow().get("id");
        return Map.of("comment", comment, "amount", new BigDecimal(amount), "price", new BigDecimal(price),
                "vat_code_id", vatCodeId, "finance_account_id", salesAccountId);
    }

    private static Map<String, Object> xeroLine(String description, String qty, String unit) {
        return Map.of("Description", description, "Quantity", new BigDecimal(qty), "UnitAmount", new BigDecimal(unit),
                "AccountCode", "200", "TaxType", "OUTPUT2");
    }

    private static Map<String, Object> xeroInvoice(XeroTenant tenant, String number) {
        return xero.invoices(tenant.tenantId()).stream().filter(i -> number.equals(i.get("InvoiceNumber"))).findFirst().orElse(null);
    }

    private static long countByNumber(XeroTenant tenant, String number) {
        return xero.invoices(tenant.tenantId()).stream().filter(i -> number.equals(i.get("InvoiceNumber"))).count();
    }

    private static Map<String, Object> scoroInvoice(ScoroCompany company, String number) {
        return scoro.invoices(company.companyAccountId()).stream().filter(i -> number.equals(i.get("no"))).findFirst()
                .map(i -> scoro.invoice(company.companyAccountId(), ((Number) i.get("id")).longValue())).orElse(null);
    }

    private static Object scoroTotal(ScoroCompany company, long invoiceId) {
        Map<String, Object> inv = scoro.invoice(company.companyAccountId(), invoiceId);
        return decimal(inv.get("sum")).add(decimal(inv.get("vat_sum")));
    }

    private static List<?> lines(Map<String, Object> xeroInvoice) {
        return (List<?>) xeroInvoice.get("LineItems");
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal bd ? bd : new BigDecimal(String.valueOf(value));
    }
}
