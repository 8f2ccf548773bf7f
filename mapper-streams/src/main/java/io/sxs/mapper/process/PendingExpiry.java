package io.sxs.mapper.process;

import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.PendingChange;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;

/**
 * Runs on the wall clock. Ends changes whose dependencies did not arrive within the timeout: they go to the error list
 * (DEPENDENCY_MISSING) with every missing reference named, instead of waiting forever or being written with a guessed
 * reference. Re-processes changes whose retry after a transient write failure is due.
 */
public final class PendingExpiry {

    private final MapperState state;
    private final ChangeHandler changes;

    public PendingExpiry(MapperState state, ChangeHandler changes) {
        this.state = state;
        this.changes = changes;
    }

    /** @return how many retries were started */
    public int retryDue() {
        int retried = 0;
        for (KeyValue<EntityKey, PendingChange> due : state.pending().retriesDue(state.now())) {
            state.pending().release(due.key, "retrying after a transient failure");
            changes.replay(due.value.getChange(), null);
            retried++;
        }
        return retried;
    }

    /** @return how many waiting changes were ended */
    public int expire() {
        long now = state.now();
        long cutoff = now - state.settings().dependencyTimeout().toMillis();
        int ended = 0;
        for (KeyValue<EntityKey, PendingChange> waiting : state.pending().waitingSince(cutoff)) {
            PendingChange change = waiting.value;
            String missing = change.getMissing().stream().map(EntityKeys::describe).collect(Collectors.joining(", "));
            state.pending().end(waiting.key, null,
                    "gave up after waiting " + ((now - change.getSince().toEpochMilli()) / 1000) + " s; missing " + missing);
            ended++;
        }
        return ended;
    }
}
