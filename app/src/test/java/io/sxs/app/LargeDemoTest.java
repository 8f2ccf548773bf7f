package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.kafka.embedded.FreePorts;
import io.sxs.app.demo.Demo;
import io.sxs.app.pipeline.SyncProgress;
import io.sxs.schemas.common.EntityType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo at size (300 contacts, 3,000 invoices) finishes its initial sync and prints a summary whose counters add
 * up: every state an item enters is left in the log, so nothing stays "waiting" for ever. The sandboxes' limits are
 * off here (a real Scoro site on 500 calls a day needs days for 3,000 invoices); the limits are proven elsewhere.
 */
class LargeDemoTest {

    @Test
    void theThreeThousandInvoiceInitialSyncPrintsItsSummary() throws Exception {
        int brokerPort = FreePorts.next();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(Map.of(
                "sxs.data-dir", Files.createTempDirectory("sxs-large-").toString(), "sxs.broker.port", brokerPort,
                "sxs.broker.controller-port", FreePorts.next(), "sxs.demo.xero-port", 0, "sxs.demo.scoro-port", 0,
                "server.port", 0, "sxs.demo.invoices", 3000, "sxs.demo.contacts", 300, "sxs.demo.limits", false)).run();
        try {
            Demo demo = app.getBean(Demo.class);
            assertThat(demo.awaitInitialSync(Duration.ofMinutes(4))).as(demo.progress().summary(demo.connectionId())).isTrue();
            String summary = demo.progress().summary(demo.connectionId());
            System.out.println(summary + demo.apiCalls());
            SyncProgress.Counts invoices = demo.progress().counts(EntityType.INVOICE);
            assertThat(invoices.readScoro).isEqualTo(3000);
            assertThat(invoices.writtenXero).isEqualTo(3000);
            assertThat(invoices.failed).isZero();
            assertThat(demo.progress().waiting()).isZero();
            assertThat(summary).contains("done in").contains("waiting 0");
        } finally {
            app.close();
        }
    }
}
