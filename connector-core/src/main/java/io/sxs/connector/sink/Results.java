package io.sxs.connector.sink;

import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/** Builds results for commands; the written hash is computed from what the target returned after the write. */
public final class Results {

    private Results() {
    }

    /**
     * A successful write. {@code written} is the item as the target system returned it, mapped with the same mapper
     * the source uses, so a later read of the unchanged item has the same hash and is recognised as an echo.
     */
    public static WriteResult ok(Command command, String targetId, String targetVersion, SpecificRecordBase written, int apiCalls) {
        return base(command, ResultStatus.OK, null, List.of(), apiCalls)
                .setTargetId(targetId).setTargetVersion(targetVersion)
                .setWrittenHash(ContentHasher.hash(written)).setWritten(written).build();
    }

    public static WriteResult failed(Command command, ResultStatus status, String message, List<String> errors, int apiCalls) {
        if (status == ResultStatus.OK) {
            throw new IllegalArgumentException("Use ok() for successes");
        }
        return base(command, status, message, errors, apiCalls).setTargetId(command.getTargetId()).build();
    }

    private static WriteResult.Builder base(Command command, ResultStatus status, String message, List<String> errors, int apiCalls) {
        return WriteResult.newBuilder()
                .setCommandId(command.getCommandId()).setConnectionId(command.getConnectionId())
                .setTargetSystem(command.getTargetSystem()).setEntity(command.getEntity()).setAction(command.getAction())
                .setSourceSystem(command.getSourceSystem()).setSourceId(command.getSourceId())
                .setSourceHash(command.getSourceHash()).setStatus(status).setMessage(message)
                .setErrors(List.copyOf(errors)).setApiCalls(apiCalls).setCompletedAt(Instant.now());
    }
}
