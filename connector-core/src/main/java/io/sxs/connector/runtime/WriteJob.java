package io.sxs.connector.runtime;

import io.sxs.connector.budget.ApiBudget;
import io.sxs.connector.budget.Lane;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.schedule.Job;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.sink.Results;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one connection's queued commands, one batch per step, when the batch is ready (full, or lingered: real
 * time, since it waits for the mapper and Kafka) and the budget lets a write through (the API's clock). Commands the API throttled go back to the front of the queue untouched; every other
 * command gets its result, which goes to the sink's publisher.
 */
final class WriteJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(WriteJob.class);
    /** Nothing queued: nothing to do until the sink wakes the connection with new commands. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    /** A command's result and the queue entry it answers. */
    record Completed(WriteResult result, CommandQueue.Entry entry) {
    }

    private final String connectionId;
    private final CommandQueue queue;
    private final SystemConnector connector;
    private final ConnectionRegistry registry;
    private final SecretCipher cipher;
    private final RecentWrites recentWrites;
    private final Consumer<List<Completed>> completed;
    private final Duration linger;
    private final java.util.function.Function<ConnectionConfig, String> authRequired;

    /** @param authRequired why the connection's credentials were refused, or null: commands wait while they are */
    WriteJob(String connectionId, CommandQueue queue, SystemConnector connector, ConnectionRegistry registry,
             SecretCipher cipher, RecentWrites recentWrites, Consumer<List<Completed>> completed, Duration linger,
             java.util.function.Function<ConnectionConfig, String> authRequired) {
        this.authRequired = authRequired;
        this.connectionId = connectionId;
        this.queue = queue;
        this.connector = connector;
        this.registry = registry;
        this.cipher = cipher;
        this.recentWrites = recentWrites;
        this.completed = completed;
        this.linger = linger;
    }

    @Override
    public Lane lane() {
        return Lane.WRITE;
    }

    @Override
    public Duration delay() {
        CommandWriter writer = connector.writer();
        Duration ready = queue.readyIn(writer::batchKey, writer.maxBatch(), linger, Instant.now());
        if (ready == null) {
            return IDLE;
        }
        ConnectionConfig config = registry.get(connectionId).orElse(null);
        if (config == null) {
            return Duration.ZERO; // answered without a call (not configured)
        }
        if (authRequired.apply(config) != null) {
            return IDLE; // kept queued until the system is connected again (the credentials' change wakes this job)
        }
        Duration budget = connector.budget(config).waitTime(Lane.WRITE);
        return ready.compareTo(budget) >= 0 ? ready : budget;
    }

    @Override
    public boolean step() {
        CommandWriter writer = connector.writer();
        List<CommandQueue.Entry> batch = queue.take(writer::batchKey, writer.maxBatch(), linger, Instant.now());
        if (batch == null || batch.isEmpty()) {
            return true;
        }
        List<Command> commands = batch.stream().map(CommandQueue.Entry::command).toList();
        ConnectionConfig config = registry.get(connectionId).orElse(null);
        List<WriteResult> results;
        String refused = config == null ? null : registry.linkRefusal(config);
        if (config == null) {
            results = commands.stream().map(c -> Results.failed(c, ResultStatus.REJECTED,
                    "Connection " + connectionId + " is not configured", List.of(), 0)).toList();
        } else if (refused != null) {
            results = commands.stream().map(c -> Results.failed(c, ResultStatus.REJECTED,
                    "Connection " + connectionId + " is refused: " + refused, List.of(), 0)).toList();
        } else {
            results = write(writer, new ConnectionContext(config, cipher, Lane.WRITE), commands);
        }
        List<CommandQueue.Entry> notAttempted = new ArrayList<>();
        List<Completed> done = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            WriteResult result = results.get(i);
            if (result == null) {
                notAttempted.add(batch.get(i));
                continue;
            }
            if (result.getStatus() == ResultStatus.OK && result.getTargetId() != null) {
                remember(result);
            }
            done.add(new Completed(result, batch.get(i)));
        }
        completed.accept(done);
        if (!notAttempted.isEmpty()) {
            log.info("{} throttled {} of {} commands of {}; they wait for the budget", connector.system(),
                    notAttempted.size(), batch.size(), connectionId);
            queue.requeue(notAttempted);
        }
        return true;
    }

    private List<WriteResult> write(CommandWriter writer, ConnectionContext context, List<Command> commands) {
        try {
            List<WriteResult> results = writer.write(context, commands);
            if (results.size() != commands.size()) {
                throw new IllegalStateException("Writer returned " + results.size() + " results for " + commands.size() + " commands");
            }
            return results;
        } catch (SecretCipher.SecretException e) {
            return commands.stream().map(c -> Results.failed(c, ResultStatus.UNAUTHORISED, e.getMessage(), List.of(), 0)).toList();
        } catch (RuntimeException e) {
            log.error("Writer for {} failed on connection {}", connector.system(), connectionId, e);
            return commands.stream().map(c -> Results.failed(c, ResultStatus.RETRYABLE, "Writer failed: " + e, List.of(), 0)).toList();
        }
    }

    /** What was written, so that reading it back costs nothing and its webhook triggers no read. */
    private void remember(WriteResult result) {
        SpecificRecordBase written = result.getWritten() instanceof SpecificRecordBase r ? r : null;
        Instant modifiedAt = null;
        if (written != null && written.getSchema().getField("updatedAt") != null
                && written.get("updatedAt") instanceof Instant at) {
            modifiedAt = at;
        }
        recentWrites.record(connectionId, connector.readBy(result.getEntity()), result.getTargetId(),
                result.getTargetVersion(), modifiedAt, written);
    }

    @Override
    public String toString() {
        return "WriteJob[" + connectionId + " " + connector.system() + "]";
    }
}
