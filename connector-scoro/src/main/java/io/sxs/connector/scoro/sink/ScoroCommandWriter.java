package io.sxs.connector.scoro.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.ScoroEntities;
import io.sxs.connector.scoro.ScoroEntity;
import io.sxs.connector.scoro.client.ScoroApiException;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.client.ScoroRetries;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.reference.ReferenceCache;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException.Kind;
import io.sxs.connector.source.ApiException;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.registry.EntityRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the entities of {@link ScoroEntities} into Scoro, one command at a time and in order (reference data that
 * Scoro already holds under the same code is adopted, and deactivated rather than deleted); a command
 * the site throttled (and those after it) is answered with null, meaning not attempted, for the runtime to send
 * again when the budget allows. Scoro has no idempotency key, so a create looks for the item the pipeline may have
 * made in an earlier attempt whose outcome is unknown: before the first attempt when the command says it may exist
 * ({@code Command.mayExist}: an earlier command for the item, or a command another sink instance may have attempted),
 * and before every retry of it here; a create known to be the first costs one call. Every success is answered with the
 * object Scoro returned, mapped by the reader's mapper, so its hash is what echo suppression compares. Exactly one
 * result per command; nothing is thrown for a single command.
 */
public final class ScoroCommandWriter implements CommandWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ScoroCommandWriter.class);

    private final ScoroClients clients;
    private final ReferenceCache references;
    private final ScoroEntities entities;

    public ScoroCommandWriter(ScoroClients clients, ReferenceCache references, ScoroEntities entities) {
        this.clients = clients;
        this.references = references;
        this.entities = entities;
    }

    @Override
    public SystemType system() {
        return SystemType.SCORO;
    }

    @Override
    public List<WriteResult> write(ConnectionContext connection, List<Command> commands) {
        List<WriteResult> results = new ArrayList<>(commands.size());
        ScoroClient client;
        try {
            client = clients.open(connection);
        } catch (RuntimeException e) {
            // Undecryptable key or broken endpoint configuration: nothing can be written for this connection.
            for (Command c : commands) {
                results.add(Results.failed(c, ResultStatus.UNAUTHORISED, "Scoro connection unusable: " + e.getMessage(), List.of(), 0));
            }
            return results;
        }
        ApiException stop = null;
        for (Command command : commands) {
            int before = client.calls();
            if (stop != null) {
                // Credentials refused, or the site throttled: further calls would only fail the same way.
                results.add(stop.kind() == Kind.RATE_LIMITED ? null : failure(command, stop, 0));
                continue;
            }
            try {
                results.add(writeOne(connection, client, command, before));
            } catch (ApiException e) {
                if (e.kind() == Kind.RATE_LIMITED) {
                    // Throttled: not attempted (a create looks up first when it is sent again, so nothing doubles).
                    results.add(null);
                    stop = e;
                    continue;
                }
                results.add(failure(command, e, client.calls() - before));
                if (e.kind() == Kind.UNAUTHORISED) {
                    stop = e;
                }
            } catch (ScoroMappingException e) {
                results.add(Results.failed(command, ResultStatus.REJECTED, e.getMessage(), List.of(e.getMessage()), client.calls() - before));
            } catch (RuntimeException e) {
                LOG.warn("Scoro write of command {} failed unexpectedly", command.getCommandId(), e);
                results.add(Results.failed(command, ResultStatus.REJECTED, "Scoro writer failed: " + e, List.of(), client.calls() - before));
            }
        }
        return results;
    }

    private WriteResult writeOne(ConnectionContext connection, ScoroClient client, Command command, int before) throws ApiException {
        EntityWrites writes = writesFor(command);
        if (writes == null) {
            return Results.failed(command, ResultStatus.REJECTED, "entity " + command.getEntity() + " not supported by the Scoro sink yet", List.of(), 0);
        }
        CommandAction action = command.getAction();
        if (action == CommandAction.VOID) {
            return Results.failed(command, ResultStatus.REJECTED, "Scoro has no void; send DELETE for " + command.getEntity(), List.of(), 0);
        }
        if (action != CommandAction.CREATE && (command.getTargetId() == null || command.getTargetId().isBlank())) {
            return Results.failed(command, ResultStatus.REJECTED, action + " without a target id", List.of(), 0);
        }
        if (action == CommandAction.DELETE) {
            return delete(client, writes, command, before);
        }
        if (!payloadFits(command)) {
            return Results.failed(command, ResultStatus.REJECTED, action + " of " + command.getEntity() + " has no "
                    + command.getEntity() + " payload", List.of(), 0);
        }
        if (writes.meansDelete(command)) {
            if (action == CommandAction.CREATE) {
                return Results.failed(command, ResultStatus.REJECTED, "the " + EntityRegistry.of(command.getEntity()).noun()
                        + " was voided or deleted in Xero before it synced: nothing to create in Scoro", List.of(), 0);
            }
            return delete(client, writes, command, before);
        }
        ReferenceData refs = references.covering(connection.connectionId(), client, writes.needs(command));
        ObjectNode request = writes.request(command, refs);
        JsonNode written = action == CommandAction.CREATE
                ? create(connection, client, writes, command, request, refs)
                : client.update(writes.module(), command.getTargetId(), request);
        return ok(client, writes, command, written, before);
    }

    /**
     * Lookup (when the item may exist), then update-if-different or create; retried as a whole, and every retry looks
     * up, because the attempt before may have created the item without its reply arriving.
     */
    private JsonNode create(ConnectionContext connection, ScoroClient client, EntityWrites writes, Command command,
                            ObjectNode request, ReferenceData refs) throws ApiException {
        EntityWrites.LookupKey key = writes.lookupKey(command, request);
        JsonNode adopted = key == null || command.getMayExist() ? null : writes.existing(key, refs);
        if (adopted != null) {
            if (JsonSubset.matches(request, adopted)) {
                return adopted; // Scoro already says what the command would write: no call
            }
            try {
                return client.update(writes.module(), ScoroValues.id(adopted, writes.idField()), request);
            } catch (ApiException e) {
                if (e.kind() != Kind.NOT_FOUND) {
                    throw e;
                }
                references.invalidate(connection.connectionId()); // the cached list was stale: create it after all
            }
        }
        Retry retry = ScoroRetries.retry("scoro-create", clients.settings());
        // Reference data may predate the pipeline: found in the cached lists above, or else by a lookup.
        boolean[] mayExist = {command.getMayExist() || writes.mayPreexist() && !writes.cachedLists()};
        return ScoroRetries.run(retry, () -> {
            JsonNode existing = key == null || !mayExist[0] ? null : lookup(client, writes, key, request);
            if (existing == null) {
                try {
                    return client.create(writes.module(), request);
                } catch (ApiException e) {
                    // Refused before it ran (throttled, credentials) or not: only the latter may have created it.
                    mayExist[0] |= e.kind() != Kind.RATE_LIMITED && e.kind() != Kind.UNAUTHORISED;
                    throw e;
                } catch (RuntimeException e) {
                    mayExist[0] = true;
                    throw e;
                }
            }
            String id = ScoroValues.id(existing, writes.idField());
            JsonNode full = writes.complete(existing) ? existing : client.view(writes.module(), id);
            if (JsonSubset.matches(request, full)) {
                LOG.info("Scoro {} {} already exists as {} with the same content; not creating it again", writes.module(), key, id);
                return full;
            }
            LOG.info("Scoro {} {} already exists as {}; updating it instead of creating a second one", writes.module(), key, id);
            return client.update(writes.module(), id, request);
        });
    }

    /**
     * The live item the request would make, among those the key pre-selects, on every page: a key such as a receipt's
     * date can pre-select hundreds, and an item on a later page missed here would be created a second time.
     */
    private static JsonNode lookup(ScoroClient client, EntityWrites writes, EntityWrites.LookupKey key, ObjectNode request)
            throws ApiException {
        ObjectNode filter = ScoroJson.object().put(key.field(), key.value());
        for (int page = 1; ; page++) {
            JsonNode rows = client.list(writes.module(), filter, page, ScoroClient.MAX_PER_PAGE, false);
            for (JsonNode row : rows) {
                if (writes.sameItem(row, request, key) && !ScoroValues.flag(row, "is_deleted")) {
                    return row;
                }
            }
            if (rows.size() < ScoroClient.MAX_PER_PAGE) {
                return null;
            }
        }
    }

    private WriteResult delete(ScoroClient client, EntityWrites writes, Command command, int before) throws ApiException {
        String version = null;
        try {
            if (writes.deactivation() != null) {
                JsonNode reply = client.update(writes.module(), command.getTargetId(), writes.deactivation());
                return Results.ok(command, command.getTargetId(), ScoroValues.text(reply, "modified_date"),
                        reply.isObject() ? writes.toCanonical(reply) : null, client.calls() - before);
            }
            JsonNode reply = client.delete(writes.module(), command.getTargetId());
            version = reply.isObject() ? ScoroValues.text(reply, "modified_date") : null;
        } catch (ApiException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
            // Already gone (an earlier attempt or a user deleted it): the goal of the command is met.
        }
        return Results.ok(command, command.getTargetId(), version, null, client.calls() - before);
    }

    private WriteResult ok(ScoroClient client, EntityWrites writes, Command command,
                           JsonNode written, int before) throws ApiException {
        if (written == null || !written.isObject()) {
            throw new ScoroApiException(Kind.MALFORMED, 200, writes.module() + "/modify returned no object", List.of());
        }
        String id = ScoroValues.id(written, writes.idField());
        if (id == null) {
            throw new ScoroApiException(Kind.MALFORMED, 200, writes.module() + "/modify returned an object without "
                    + writes.idField(), List.of());
        }
        JsonNode full = writes.complete(written) ? written : client.view(writes.module(), id);
        SpecificRecordBase canonical;
        try {
            canonical = writes.toCanonical(full);
        } catch (ScoroMappingException e) {
            throw new ScoroApiException(Kind.MALFORMED, 200, "written as " + writes.module() + " " + id
                    + " but the reply does not map: " + e.getMessage(), List.of());
        }
        return Results.ok(command, id, ScoroValues.text(full, "modified_date"), canonical, client.calls() - before);
    }

    private EntityWrites writesFor(Command command) {
        ScoroEntity entity = entities.writing(command.getEntity());
        return entity == null ? null : entity.writes();
    }

    private static boolean payloadFits(Command command) {
        return EntityRegistry.of(command.getEntity()).accepts(command.getPayload());
    }

    private static WriteResult failure(Command command, ApiException e, int calls) {
        ResultStatus status = switch (e.kind()) {
            case UNAUTHORISED -> ResultStatus.UNAUTHORISED;
            case NOT_FOUND -> ResultStatus.NOT_FOUND;
            case REJECTED -> ResultStatus.REJECTED;
            // An unreadable reply to a write leaves its outcome unknown: retry, which looks up first.
            case RETRYABLE, RATE_LIMITED, MALFORMED -> ResultStatus.RETRYABLE;
        };
        return Results.failed(command, status, e.getMessage(), ScoroApiException.messagesOf(e), calls);
    }
}
