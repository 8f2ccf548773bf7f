package io.sxs.connector.xero.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.XeroEntities;
import io.sxs.connector.xero.client.XeroApiException;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroTotals;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xero sink over the entities of {@link XeroEntities}. Commands are taken in order; consecutive creates (PUT) or updates and
 * deletes (POST) of one entity are sent together, up to {@link #DEFAULT_BATCH_SIZE} per request, with
 * {@code summarizeErrors=false} so every element reports its own outcome. A batch closes early when an item
 * repeats, so one item's commands are applied in order. Exactly one entry per command, in order: a result, or null
 * for a command not attempted because Xero throttled the organisation (a 429 answers nothing, so nothing is lost
 * and nothing is failed); one bad command never fails the others.
 */
public class XeroCommandWriter implements CommandWriter {

    public static final int DEFAULT_BATCH_SIZE = 50;
    private static final Logger log = LoggerFactory.getLogger(XeroCommandWriter.class);

    private final XeroClient client;
    private final int batchSize;
    private final XeroEntities entities;

    public XeroCommandWriter(XeroClient client) {
        this(client, DEFAULT_BATCH_SIZE);
    }

    public XeroCommandWriter(XeroClient client, int batchSize) {
        this(client, batchSize, new XeroEntities(client));
    }

    public XeroCommandWriter(XeroClient client, int batchSize, XeroEntities entities) {
        this.client = client;
        this.batchSize = batchSize;
        this.entities = entities;
    }

    @Override
    public SystemType system() {
        return SystemType.XERO;
    }

    @Override
    public int maxBatch() {
        return batchSize;
    }

    /** Creates go out in one PUT, updates and deletes in one POST, per endpoint. */
    @Override
    public String batchKey(Command command) {
        XeroEntitySink sink = entities.sink(command.getEntity());
        String endpoint = sink == null ? String.valueOf(command.getEntity()) : sink.collection();
        return endpoint + ":" + (command.getAction() == CommandAction.CREATE ? Verb.PUT : Verb.POST);
    }

    @Override
    public List<WriteResult> write(ConnectionContext connection, List<Command> commands) {
        WriteResult[] results = new WriteResult[commands.size()];
        XeroSession session;
        try {
            session = client.open(connection);
        } catch (ApiException e) {
            for (int i = 0; i < results.length; i++) {
                results[i] = Results.failed(commands.get(i), status(e), e.getMessage(), List.of(), 0);
            }
            return Arrays.asList(results);
        }
        BatchExecutor executor = new BatchExecutor(session, results);
        Batch batch = null;
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            if (executor.stopped()) {
                results[i] = executor.stopResult(command);
                continue;
            }
            XeroEntitySink sink = entities.sink(command.getEntity());
            if (sink == null) {
                results[i] = Results.failed(command, ResultStatus.REJECTED,
                        io.sxs.schemas.registry.EntityRegistry.of(command.getEntity()).ownership()
                                == io.sxs.schemas.registry.OwnershipRule.XERO
                                ? "Xero owns " + io.sxs.schemas.registry.EntityRegistry.of(command.getEntity()).noun()
                                        + "s on every connection: the pipeline never writes them to Xero"
                                : "entity " + command.getEntity() + " not supported by the Xero sink yet", List.of(), 0);
                continue;
            }
            boolean create = command.getAction() == CommandAction.CREATE;
            if (!create && command.getAction() == CommandAction.UPDATE && command.getTargetId() == null) {
                results[i] = Results.failed(command, ResultStatus.REJECTED,
                        "UPDATE without a target id; the item is not mapped to a Xero " + sink.idField(), List.of(), 0);
                continue;
            }
            Verb verb = create ? Verb.PUT : Verb.POST;
            String itemKey = command.getTargetId() != null ? command.getTargetId()
                    : command.getSourceSystem() + ":" + command.getSourceId();
            if (batch != null && !batch.accepts(sink, verb, itemKey, batchSize)) {
                executor.run(batch);
                batch = null;
                if (executor.stopped()) {
                    results[i] = executor.stopResult(command);
                    continue;
                }
            }
            ObjectNode element;
            int extraCalls = 0;
            try {
                if (command.getAction() == CommandAction.DELETE || command.getAction() == CommandAction.VOID) {
                    int before = session.calls();
                    XeroEntitySink.DeletePlan plan = sink.planDelete(session, command);
                    extraCalls = session.calls() - before;
                    if (plan.result() != null) {
                        plan.result().setApiCalls(extraCalls);
                        results[i] = plan.result();
                        continue;
                    }
                    element = plan.element();
                } else if (create) {
                    element = sink.createElement(command, connection.config());
                } else {
                    element = sink.updateElement(command, connection.config());
                }
            } catch (MappingException e) {
                ResultStatus status = e instanceof XeroTotals.BlockedException ? ResultStatus.BLOCKED : ResultStatus.REJECTED;
                results[i] = Results.failed(command, status, e.getMessage(), List.of(e.getMessage()), 0);
                continue;
            } catch (ApiException e) {
                executor.maybeStop(e);
                results[i] = executor.throttled() ? null : Results.failed(command, status(e), e.getMessage(), messages(e), 0);
                continue;
            } catch (RuntimeException e) {
                log.warn("Xero command {} could not be prepared", command.getCommandId(), e);
                results[i] = Results.failed(command, ResultStatus.REJECTED, "could not prepare the write: " + e,
                        List.of(), 0);
                continue;
            }
            if (batch == null) {
                batch = new Batch(sink, verb);
            }
            batch.add(new Batch.Entry(i, command, element, itemKey, extraCalls));
        }
        if (batch != null) {
            executor.run(batch);
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null && !executor.throttled()) { // defensive: every attempted command gets a result
                results[i] = Results.failed(commands.get(i), ResultStatus.RETRYABLE, "no outcome recorded", List.of(), 0);
            }
        }
        // With the organisation throttled, what has no result was not attempted: the runtime sends it again later.
        return Arrays.asList(results);
    }

    static ResultStatus status(ApiException e) {
        return switch (e.kind()) {
            case UNAUTHORISED -> ResultStatus.UNAUTHORISED;
            case NOT_FOUND -> ResultStatus.NOT_FOUND;
            case REJECTED -> ResultStatus.REJECTED;
            // A write whose reply was lost or garbled has an unknown outcome: retry (same key) or look up later.
            case RETRYABLE, RATE_LIMITED, MALFORMED -> ResultStatus.RETRYABLE;
        };
    }

    static List<String> messages(ApiException e) {
        return e instanceof XeroApiException x ? x.messages() : List.of();
    }

    enum Verb { PUT, POST }

    /** Consecutive commands that go out in one request. */
    static final class Batch {

        record Entry(int index, Command command, ObjectNode element, String itemKey, int extraCalls) {
        }

        final XeroEntitySink sink;
        final Verb verb;
        final List<Entry> entries = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();

        Batch(XeroEntitySink sink, Verb verb) {
            this.sink = sink;
            this.verb = verb;
        }

        boolean accepts(XeroEntitySink s, Verb v, String itemKey, int max) {
            return s == sink && v == verb && entries.size() < max && !keys.contains(itemKey);
        }

        void add(Entry e) {
            entries.add(e);
            keys.add(e.itemKey());
        }
    }

    /** Keeps the results array and whether the connection's credentials or quota stopped the run. */
    private static final class BatchExecutor {

        private final XeroSession session;
        private final WriteResult[] results;
        private ApiException stop;

        BatchExecutor(XeroSession session, WriteResult[] results) {
            this.session = session;
            this.results = results;
        }

        boolean stopped() {
            return stop != null;
        }

        /** The result of a command not attempted: none when throttled (it waits for the budget), else the failure. */
        WriteResult stopResult(Command c) {
            return throttled() ? null : Results.failed(c, status(stop), "not attempted: " + stop.getMessage(), List.of(), 0);
        }

        boolean throttled() {
            return stop != null && stop.kind() == ApiException.Kind.RATE_LIMITED;
        }

        /** Credentials refused or quota spent: the rest of this run would fail the same way, so do not call. */
        void maybeStop(ApiException e) {
            if (e.kind() == ApiException.Kind.UNAUTHORISED || e.kind() == ApiException.Kind.RATE_LIMITED) {
                stop = e;
            }
        }

        void run(Batch batch) {
            new BatchRun(session, batch, results, this::maybeStop).execute();
        }
    }
}
