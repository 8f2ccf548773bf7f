package io.sxs.connector.sink;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.WriteResult;
import java.util.List;

/**
 * Writes commands of one connection into one system, in order, batching where the API allows. It returns exactly
 * one result per command (same order), never throws for a single bad command, retries transient failures itself
 * (same Idempotency-Key), and looks up before re-creating when an earlier attempt's outcome is unknown.
 */
public interface CommandWriter {

    SystemType system();

    List<WriteResult> write(ConnectionContext connection, List<Command> commands);
}
