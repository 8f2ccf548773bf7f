package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The skeleton under injected API faults: a share of Xero calls fail with 500/503 and a share of Xero writes are
 * committed but their replies lost; Scoro answers some reads with 5xx; or Xero throttles with a long Retry-After.
 * Every invoice must still arrive exactly once, because retries reuse the Idempotency-Key, creates look up before
 * they create, and the mapper retries writes that failed for a transient reason.
 */
class FaultyApisTest extends BrokerAndSandboxes {

    @Test
    void everyInvoiceArrivesExactlyOnceDespiteServerErrorsAndLostReplies() throws Exception {
        ScoroCompany company = scoro.createCompany("Faulty Scoro");
        XeroTenant tenant = xero.createTenant("Faulty Ltd");
        xero.faults(tenant.tenantId()).seed(7).serverErrors(0.2).loseReplies(0.3);
        scoro.faults(company.companyAccountId()).seed(7).serverErrors(0.1);
        List<String> numbers = seedScoro(company, "F-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-faulty-"), Map.of());
        try {
            connect("faulty", company, tenant);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    numbersInXero(tenant).keySet().containsAll(numbers));
            long injected = xero.faults(tenant.tenantId()).injected();
            xero.faults(tenant.tenantId()).clear();
            System.out.printf("Faults injected: Xero %d, Scoro %d; Xero write calls %d for %d invoices and 4 contacts%n",
                    injected, scoro.faults(company.companyAccountId()).injected(), xero.writeCalls(tenant.tenantId()), numbers.size());
            assertThat(injected).as("faults were really injected").isPositive();
            assertExactlyOnce(company, tenant, numbers);
        } finally {
            app.close();
        }
    }

    @Test
    void aThrottledOrganisationGetsEveryInvoiceOnceWithoutStallingTheInstance() throws Exception {
        ScoroCompany company = scoro.createCompany("Throttled Scoro");
        XeroTenant tenant = xero.createTenant("Throttled Ltd");
        // Every 429 parks the organisation for its Retry-After; throttled writes wait in the queue, never failed.
        xero.faults(tenant.tenantId()).throttleNext(6, 2);
        List<String> numbers = seedScoro(company, "T-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-throttled-"), Map.of("sxs.mapper.punctuate-interval", "2s"));
        try {
            connect("throttled", company, tenant);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    numbersInXero(tenant).keySet().containsAll(numbers));
            assertThat(xero.faults(tenant.tenantId()).injected()).as("429s really sent").isEqualTo(6);
            assertExactlyOnce(company, tenant, numbers);
        } finally {
            app.close();
        }
    }

    /** Four contacts with five invoices each; returns the invoice numbers. */
    private static List<String> seedScoro(ScoroCompany company, String prefix) {
        Object vatCodeId = scoro.vatCodes(company.companyAccountId()).stream()
                .filter(v -> "OUTPUT2".equals(v.get("vat_code"))).findFirst().orElseThrow().get("vat_code_id");
        Object accountId = scoro.financeAccounts(company.companyAccountId()).stream()
                .filter(a -> "200".equals(String.valueOf(a.get("account_symbol")))).findFirst().orElseThrow().get("id");
        List<String> numbers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            long contactId = ((Number) scoro.createContact(company.companyAccountId(), Map.of("name", prefix + "Customer " + c))
                    .get("contact_id")).longValue();
            for (int i = 0; i < 5; i++) {
                String number = prefix + c + i;
                numbers.add(number);
                scoro.createInvoice(company.companyAccountId(), Map.of("no", number, "company_id", contactId,
                        "date", "2026-11-02", "deadline", "2026-11-16", "currency", "GBP", "is_sent", i % 2,
                        "lines", List.of(Map.of("comment", "Item " + i, "amount", new BigDecimal("1.5"),
                                "price", new BigDecimal("10.00").add(BigDecimal.valueOf(i)), "vat_code_id", vatCodeId,
                                "finance_account_id", accountId))));
            }
        }
        return numbers;
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(), tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, Direction.TO_XERO);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }

    /** A few more polls with faults off: anything still pending would show up as a duplicate. */
    private static void assertExactlyOnce(ScoroCompany company, XeroTenant tenant, List<String> numbers) throws InterruptedException {
        Thread.sleep(3000);
        Map<String, Long> perNumber = numbersInXero(tenant);
        assertThat(perNumber).hasSize(numbers.size()).allSatisfy((number, copies) -> assertThat(copies).isEqualTo(1L));
        Map<String, Long> contacts = xero.contacts(tenant.tenantId()).stream()
                .collect(Collectors.groupingBy(c -> String.valueOf(c.get("Name")), Collectors.counting()));
        assertThat(contacts).hasSize(4).allSatisfy((name, copies) -> assertThat(copies).isEqualTo(1L));
        assertThat(scoro.documentWriteCalls(company.companyAccountId())).isZero();
    }

    private static Map<String, Long> numbersInXero(XeroTenant tenant) {
        return xero.invoices(tenant.tenantId()).stream()
                .collect(Collectors.groupingBy(i -> String.valueOf(i.get("InvoiceNumber")), Collectors.counting()));
    }
}
