package io.sxs.connector.sink;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.WriteResult;
import java.util.List;

/**
 * Writes commands of one connection into one system. The runtime hands it one batch at a time: commands with the
 * same {@link #batchKey}, at most {@link #maxBatch}, in order. It returns one entry per command (same order): a
 * result, or null for a command it did not attempt because the API throttled it (the runtime puts it back and
 * sends it when the budget allows, so a 429 never turns work that was never attempted into failures). It never
 * throws for a single bad command, and looks up before re-creating when an earlier attempt's outcome is unknown.
 */
public interface CommandWriter {

    SystemType system();

    List<WriteResult> write(ConnectionContext connection, List<Command> commands);

    /** The most commands one request can carry (1: no batch API). */
    default int maxBatch() {
        return 1;
    }

    /** Commands with equal keys can go out in one request. */
    default String batchKey(Command command) {
        return command.getEntity() + ":" + command.getAction();
    }
}
