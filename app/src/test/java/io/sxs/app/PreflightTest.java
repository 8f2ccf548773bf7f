package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.connector.preflight.PreflightState;
import io.sxs.connector.preflight.PreflightVerdict;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pre-flight on connect, end to end (real broker, real HTTP): a connection whose Xero organisation uses a currency
 * Scoro has not activated reads the two systems' settings once, is refused with the problem named, and syncs nothing;
 * once the currency is active and the connection is saved again, it passes and syncs.
 */
class PreflightTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aXeroCurrencyInactiveInScoroRefusesTheConnectionUntilItIsActivated() throws Exception {
        ScoroCompany company = scoro.createCompany("Preflight Scoro");
        XeroTenant tenant = xero.createTenant("Preflight Ltd");
        xero.addCurrency(tenant.tenantId(), "AUD");
        invoice(company, "PF-1", "Preflight Client");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-preflight-"), Map.of());
        try {
            Pipeline pipeline = app.getBean(Pipeline.class);
            ConnectionConfig config = connection(company, tenant);
            await().atMost(TIMEOUT).until(() -> verdict(pipeline, SystemType.SCORO, config).state() == PreflightState.FAILED);
            PreflightVerdict refused = verdict(pipeline, SystemType.XERO, config);
            assertThat(refused.state()).isEqualTo(PreflightState.FAILED);
            assertThat(refused.problems()).containsExactly(
                    "Xero currency AUD is not active in Scoro (active: GBP, EUR, USD): activate it in Scoro's settings");
            assertThat(pipeline.connector(SystemType.XERO).status("pf").orElseThrow().preflight()).isEqualTo(refused);

            // Refused: nothing but the pre-flight reads, however long it waits (polls would start within a second).
            Thread.sleep(3_000);
            assertThat(xero.callCounts(tenant.tenantId())).containsOnly(Map.entry("GET /Organisation", 1L),
                    Map.entry("GET /Currencies", 1L), Map.entry("GET /TrackingCategories", 1L), Map.entry("GET /TaxRates", 1L),
                    Map.entry("GET /Accounts", 1L));
            assertThat(scoro.callCounts(company.companyAccountId())).containsOnly(Map.entry("companyAccount/list", 1L));
            assertThat(xero.invoices(tenant.tenantId())).isEmpty();

            // Fixed in Scoro's settings, and the connection saved again: checked again, passes, and syncs.
            scoro.activateCurrency(company.companyAccountId(), "AUD");
            config.setUpdatedAt(Instant.now());
            new Connections(broker.bootstrapServers()).put(config);
            await().atMost(TIMEOUT).until(() -> xero.invoices(tenant.tenantId()).stream()
                    .anyMatch(i -> "PF-1".equals(i.get("InvoiceNumber"))));
            PreflightVerdict passed = verdict(pipeline, SystemType.XERO, config);
            assertThat(passed.state()).isEqualTo(PreflightState.PASSED);
            assertThat(passed.report()).contains("Xero organisation 'Preflight Ltd': base currency GBP, currencies GBP, AUD");
            assertThat(scoro.callCounts(company.companyAccountId())).containsEntry("companyAccount/list", 2L);
            assertThat(xero.callCounts(tenant.tenantId())).containsEntry("GET /Organisation", 2L);
        } finally {
            app.close();
        }
    }

    @Test
    void aSecondLinkOfOneXeroOrganisationIsRefusedByTheApiAndWrittenStraightToTheTopicSyncsNothing() throws Exception {
        ScoroCompany first = scoro.createCompany("Linked Scoro");
        ScoroCompany second = scoro.createCompany("Second Scoro");
        XeroTenant tenant = xero.createTenant("Linked Ltd");
        invoice(first, "LK-1", "Linked Client");
        invoice(second, "LK-2", "Second Client");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-links-"), Map.of());
        try {
            Pipeline pipeline = app.getBean(Pipeline.class);
            ConnectionConfig holder = connection("lk-1", first, tenant);
            ConnectionConfig duplicate = Connections.newConnection("lk-2", "lk-2", CIPHER, scoro.baseUri().toString() + "/",
                    second.companyAccountId(), second.apiKey(), xero.apiBase().toString(), tenant.tenantId().toUpperCase(),
                    tenant.accessToken());
            duplicate.setPollIntervalMs(300);
            assertThatThrownBy(() -> new Connections(broker.bootstrapServers()).put(duplicate))
                    .isInstanceOf(Connections.DuplicateLinkException.class)
                    .hasMessageContaining("is already linked by connection lk-1");
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, ConnectionConfig>(
                    Map.of("bootstrap.servers", broker.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                    io.sxs.schemas.serde.AvroSerde.<ConnectionConfig>forCluster(broker.bootstrapServers()))) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(io.sxs.schemas.topic.Topics.CONNECTIONS,
                        "lk-2", duplicate)).get();
            }
            await().atMost(TIMEOUT).until(() -> xero.invoices(tenant.tenantId()).stream()
                    .anyMatch(i -> "LK-1".equals(i.get("InvoiceNumber"))));
            await().atMost(TIMEOUT).until(() -> verdict(pipeline, SystemType.SCORO, duplicate).state() == PreflightState.REFUSED);
            PreflightVerdict refused = verdict(pipeline, SystemType.XERO, duplicate);
            assertThat(refused.state()).isEqualTo(PreflightState.REFUSED);
            assertThat(refused.problems()).singleElement().asString().contains("Xero organisation " + tenant.tenantId().toUpperCase()
                    + " is already linked by connection lk-1");
            assertThat(verdict(pipeline, SystemType.XERO, holder).state()).isEqualTo(PreflightState.PASSED);
            Thread.sleep(2_000);
            assertThat(scoro.callCounts(second.companyAccountId())).as("the refused connection calls neither API").isEmpty();
            assertThat(xero.invoices(tenant.tenantId())).extracting(i -> i.get("InvoiceNumber")).doesNotContain("LK-2");
        } finally {
            app.close();
        }
    }

    private static PreflightVerdict verdict(Pipeline pipeline, SystemType system, ConnectionConfig config) {
        return pipeline.connector(system).status(config.getConnectionId()).map(s -> s.preflight())
                .orElse(new PreflightVerdict(PreflightState.WAITING, List.of("not owned yet"), List.of()));
    }

    private static ConnectionConfig connection(ScoroCompany company, XeroTenant tenant) {
        return connection("pf", company, tenant);
    }

    private static ConnectionConfig connection(String id, ScoroCompany company, XeroTenant tenant) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(), tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, Direction.TO_XERO);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
        return config;
    }

    private static void invoice(ScoroCompany company, String number, String client) {
        io.sxs.app.support.Seeds.scoroInvoice(scoro, company, number, client);
    }
}
