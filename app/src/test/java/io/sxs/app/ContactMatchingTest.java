package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.SyncLogFollower;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Contact matching before create, end to end: a Scoro contact whose name Xero has in another case is linked to it,
 * not duplicated; one that matches two Xero contacts by e-mail goes to review with both named, and nothing is written.
 */
class ContactMatchingTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aCaseOnlyNameClashIsLinkedAndTwoCandidatesGoToReview() throws Exception {
        ScoroCompany company = scoro.createCompany("Match Scoro");
        XeroTenant tenant = xero.createTenant("Match Ltd");
        String companyId = company.companyAccountId();
        String northwind = (String) xero.createContact(tenant.tenantId(), Map.of("Name", "NORTHWIND TRADERS")).get("ContactID");
        xero.createContact(tenant.tenantId(), Map.of("Name", "Shared North", "EmailAddress", "ap@shared.test"));
        xero.createContact(tenant.tenantId(), Map.of("Name", "Shared South", "EmailAddress", "ap@shared.test"));
        List<SyncLogEntry> log = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-match-"), Map.of());
        try (SyncLogFollower follower = new SyncLogFollower(broker.bootstrapServers(), "match", log::add).start()) {
            connect(company, tenant);
            // Xero's contacts are read first (Scoro owns contacts here, so they are only seen).
            await().atMost(TIMEOUT).until(() -> log.stream().filter(e -> e.getEntity() == EntityType.CONTACT
                    && e.getSystem() == SystemType.XERO && e.getOutcome() == SyncOutcome.SKIPPED_NOT_OWNER).count() >= 3);

            scoro.createContact(companyId, Map.of("name", "Northwind Traders", "is_client", 1));
            scoro.createContact(companyId, Map.of("name", "Shared Ltd", "is_client", 1,
                    "means_of_contact", Map.of("email", List.of("AP@shared.test"))));

            await().atMost(TIMEOUT).until(() -> xero.contact(tenant.tenantId(), northwind).get("Name").equals("Northwind Traders"));
            await().atMost(TIMEOUT).until(() -> log.stream().anyMatch(e -> e.getOutcome() == SyncOutcome.BLOCKED));
            SyncLogEntry review = log.stream().filter(e -> e.getOutcome() == SyncOutcome.BLOCKED).findFirst().orElseThrow();
            assertThat(review.getMessage()).contains("review: 2 Xero contacts match by e-mail")
                    .contains("'Shared North'").contains("'Shared South'");
            assertThat(xero.contacts(tenant.tenantId())).as("linked, not duplicated; the ambiguous one not created")
                    .hasSize(3);
            assertThat(xero.callCounts(tenant.tenantId())).doesNotContainKey("PUT /Contacts");
        } finally {
            app.close();
        }
    }

    private static void connect(ScoroCompany company, XeroTenant tenant) {
        ConnectionConfig config = Connections.newConnection("match", "match", CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        config.setContacts(ContactMode.FROM_SCORO);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
