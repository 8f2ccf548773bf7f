package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ConsoleReportTest {

    private static SyncLogEntry entry(SyncStage stage, SyncOutcome outcome, String item, Instant at) {
        return SyncLogEntry.newBuilder().setEntryId(item).setConnectionId("c1").setAt(at).setStage(stage).setOutcome(outcome)
                .setSystem(SystemType.XERO).setEntity(EntityType.INVOICE).setItemId(item).setCount(0)
                .setMessage("lock date").build();
    }

    @Test
    void problemsAreOneLineEachUpToFivePerWindowAndTheRestAreCountedNotPrinted(CapturedOutput output) {
        ConsoleReport report = new ConsoleReport();
        Instant now = Instant.now().plusSeconds(1);
        report.apply(entry(SyncStage.SINK, SyncOutcome.BLOCKED, "old", Instant.EPOCH));
        report.apply(entry(SyncStage.MAPPER, SyncOutcome.BLOCKED, "mapper-echo", now));
        report.apply(entry(SyncStage.SINK, SyncOutcome.WRITTEN, "fine", now));
        for (int i = 0; i < 8; i++) {
            report.apply(entry(SyncStage.SINK, SyncOutcome.REJECTED, "inv-" + i, now));
        }
        String out = output.getAll();
        assertThat(out).contains("Connection c1: REJECTED INVOICE inv-0 (XERO): lock date", "inv-4")
                .doesNotContain("inv-5").doesNotContain("old").doesNotContain("mapper-echo").doesNotContain("fine");
    }
}
