package io.sxs.mapper.process;

import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.idmap.IdMap;
import io.sxs.mapper.latest.LatestStates;
import io.sxs.mapper.log.SyncLogWriter;
import io.sxs.mapper.pending.PendingChanges;
import io.sxs.schemas.envelope.Command;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the change and result handlers share within one task: the stores, the connections table, the outputs and the
 * clock (wall-clock time of the task, so tests drive it with the test driver's clock).
 */
public record MapperState(
        IdMap idMap,
        PendingChanges pending,
        LatestStates latest,
        ConnectionTable connections,
        SyncLogWriter log,
        Consumer<Command> commands,
        Consumer<io.sxs.schemas.envelope.SourceHint> hints,
        LongSupplier clock,
        MapperSettings settings) {

    public long now() {
        return clock.getAsLong();
    }
}
