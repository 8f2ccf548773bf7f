package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionLagsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final ConnectionLags lags = new ConnectionLags();

    private void log(String connection, SyncStage stage, SyncOutcome outcome, String item, String command, int secondsAfter) {
        lags.apply(SyncLogEntry.newBuilder().setEntryId(item + outcome).setConnectionId(connection).setAt(T0.plusSeconds(secondsAfter))
                .setStage(stage).setOutcome(outcome).setSystem(SystemType.SCORO).setEntity(EntityType.INVOICE).setItemId(item)
                .setCommandId(command).setCount(0).setMessage("").build());
    }

    @Test
    void aConnectionWithNothingBehindHasNoLag() {
        assertThat(lags.of("c1", T0)).isEqualTo(new ConnectionLags.Lag(0, 0, 0, null));
        log("c1", SyncStage.MAPPER, SyncOutcome.SKIPPED_UNCHANGED, "1", null, 0);
        assertThat(lags.of("c1", T0.plusSeconds(60)).lagMs()).isZero();
    }

    @Test
    void theLagIsTheAgeOfTheOldestCommandWithoutAnAnswerOrItemWaiting() {
        log("c1", SyncStage.MAPPER, SyncOutcome.COMMAND_ISSUED, "1", "cmd-1", 0);
        log("c1", SyncStage.MAPPER, SyncOutcome.WAITING_DEPENDENCY, "2", null, 5);
        log("c1", SyncStage.MAPPER, SyncOutcome.COMMAND_ISSUED, "3", "cmd-3", 8);
        assertThat(lags.of("c1", T0.plusSeconds(10))).isEqualTo(new ConnectionLags.Lag(10_000, 2, 1, null));

        log("c1", SyncStage.SINK, SyncOutcome.WRITTEN, "T-1", "cmd-1", 12); // answered after 12 s
        assertThat(lags.of("c1", T0.plusSeconds(20))).isEqualTo(new ConnectionLags.Lag(15_000, 1, 1, 12_000L));

        log("c1", SyncStage.MAPPER, SyncOutcome.COMMAND_ISSUED, "2", "cmd-2", 21); // its dependency arrived
        log("c1", SyncStage.SINK, SyncOutcome.REJECTED, "T-3", "cmd-3", 22); // answered, if not written
        assertThat(lags.of("c1", T0.plusSeconds(30))).isEqualTo(new ConnectionLags.Lag(9_000, 1, 0, 14_000L));

        log("c1", SyncStage.SINK, SyncOutcome.WRITTEN, "T-2", "cmd-2", 31);
        assertThat(lags.of("c1", T0.plusSeconds(40)).lagMs()).isZero();
    }

    @Test
    void connectionsAreApartAndTheMetricCountsOnlyThoseAsked() {
        log("c1", SyncStage.MAPPER, SyncOutcome.COMMAND_ISSUED, "1", "cmd-1", 0);
        log("c2", SyncStage.MAPPER, SyncOutcome.COMMAND_ISSUED, "1", "cmd-9", 50);
        log("c2", SyncStage.SINK, SyncOutcome.WRITTEN, "T-1", "cmd-1", 55); // another connection's answer
        assertThat(lags.of("c1", T0.plusSeconds(60)).commandsInFlight()).isEqualTo(1);
        assertThat(lags.maxLagMs(T0.plusSeconds(60), id -> true)).isEqualTo(60_000);
        assertThat(lags.maxLagMs(T0.plusSeconds(60), "c2"::equals)).isEqualTo(10_000);
        lags.forget("c1");
        assertThat(lags.of("c1", T0.plusSeconds(60)).commandsInFlight()).isZero();
    }
}
