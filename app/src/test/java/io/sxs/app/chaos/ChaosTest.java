package io.sxs.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The chaos run of {@code java -jar scoro-xero-sync.jar chaos}, reduced: the same code, with the sandboxes, the broker
 * and two pipelines as JVMs of their own (started from this JVM's class path, since the jars are packaged after the
 * tests), 500 invoices both ways under injected faults and two SIGKILLs. Every connection must converge.
 */
class ChaosTest {

    @Test
    void fiveHundredDocumentsConvergeThroughFaultsAndTwoKills() throws Exception {
        ChaosRun.Options options = new ChaosRun.Options(500, 4, 2, 2, Duration.ofSeconds(4), Duration.ofMinutes(5), 3,
                Files.createTempDirectory("sxs-chaos-test-"));
        ChaosReport report = new ChaosRun(options, JavaCommands.ofClassPath(System.getProperty("java.class.path")),
                System.out).run();
        report.print(System.out);

        assertThat(report.kills()).isEqualTo(2);
        assertThat(report.documents()).isEqualTo(500);
        assertThat(report.faultsInjected()).as("faults were really injected").isPositive();
        assertThat(report.duplicates()).as("duplicates").isZero();
        assertThat(report.missing()).as("missing").isZero();
        assertThat(report.differences()).as("differences").isZero();
        assertThat(report.receipts().duplicated()).as("payments arrived twice").isZero();
        assertThat(report.receipts().arrived()).as("payments arrived once").isEqualTo(report.payments()).isPositive();
        assertThat(report.checks()).hasSize(4);
    }
}
