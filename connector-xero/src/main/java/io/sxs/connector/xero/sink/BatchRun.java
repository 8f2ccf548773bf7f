package io.sxs.connector.xero.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.IdempotencyKeys;
import io.sxs.connector.xero.client.XeroErrors;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.client.XeroResponse;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.connector.xero.sink.XeroCommandWriter.Batch.Entry;
import io.sxs.connector.xero.sink.XeroCommandWriter.Batch;
import io.sxs.connector.xero.sink.XeroCommandWriter.Verb;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch and turns Xero's per-element outcomes into results. The Idempotency-Key is derived from the
 * commands' own keys, so the same batch sent again (a retry, or a re-run after a crash) carries the same key.
 * API calls are reported on the first command of the batch, plus any lookup a command needed on its own.
 */
final class BatchRun {

    private static final Logger log = LoggerFactory.getLogger(BatchRun.class);
    /** Xero's words for "the document's state forbids this" (a business rule, not bad input). */
    private static final List<String> BLOCKING = List.of("not of valid status for modification",
            "cannot be edited as it has a payment", "lock date");

    private final XeroSession session;
    private final Batch batch;
    private final WriteResult[] results;
    private final Consumer<ApiException> onFailure;

    BatchRun(XeroSession session, Batch batch, WriteResult[] results, Consumer<ApiException> onFailure) {
        this.session = session;
        this.batch = batch;
        this.results = results;
        this.onFailure = onFailure;
    }

    void execute() {
        try {
            send();
        } catch (RuntimeException e) {
            log.warn("Xero batch of {} {} failed unexpectedly", batch.entries.size(), batch.sink.collection(), e);
            for (Entry e2 : batch.entries) {
                if (results[e2.index()] == null) {
                    results[e2.index()] = Results.failed(e2.command(), ResultStatus.RETRYABLE,
                            "unexpected failure: " + e, List.of(), 0);
                }
            }
        }
    }

    private void send() {
        List<Entry> entries = batch.entries;
        String collection = batch.sink.collection();
        String key = IdempotencyKeys.derive("sxs:" + batch.verb.name().toLowerCase(Locale.ROOT) + ":" + collection,
                entries.stream().map(e -> e.command().getIdempotencyKey()).toList());
        ObjectNode body = XeroJson.NODES.objectNode();
        entries.forEach(e -> body.withArray(collection).add(e.element()));
        int before = session.calls();
        XeroResponse response;
        try {
            response = batch.verb == Verb.PUT
                    ? session.put(collection, batch.sink.query(), body, key)
                    : session.post(collection, batch.sink.query(), body, key);
        } catch (ApiException e) {
            int calls = session.calls() - before;
            if (e.kind() == ApiException.Kind.REJECTED && entries.size() > 1) {
                // The whole request was refused (not one element): send each alone to find the one at fault.
                log.info("Xero refused a batch of {} {} as a whole ({}); retrying one by one", entries.size(),
                        collection, e.getMessage());
                for (Entry entry : entries) {
                    Batch single = new Batch(batch.sink, batch.verb);
                    single.add(entry);
                    new BatchRun(session, single, results, onFailure).execute();
                }
                return;
            }
            onFailure.accept(e);
            if (e.kind() == ApiException.Kind.RATE_LIMITED) {
                return; // a 429 processed nothing: the batch is sent again when the budget allows
            }
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                results[entry.index()] = Results.failed(entry.command(), XeroCommandWriter.status(e), e.getMessage(),
                        XeroCommandWriter.messages(e), (i == 0 ? calls : 0) + entry.extraCalls());
            }
            return;
        }
        int calls = session.calls() - before;
        JsonNode returned = response.items(collection);
        if (returned.size() != entries.size()) {
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                results[entry.index()] = Results.failed(entry.command(), ResultStatus.RETRYABLE, "Xero returned "
                        + returned.size() + " " + collection + " for " + entries.size() + " sent; outcome unknown",
                        List.of(), (i == 0 ? calls : 0) + entry.extraCalls());
            }
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            results[entry.index()] = outcome(entry, returned.get(i), (i == 0 ? calls : 0) + entry.extraCalls());
        }
    }

    private WriteResult outcome(Entry entry, JsonNode element, int calls) {
        List<String> messages = XeroErrors.validationMessages(element);
        String status = XeroFields.text(element, "StatusAttributeString");
        boolean error = status != null ? "ERROR".equalsIgnoreCase(status) : !messages.isEmpty();
        if (!error) {
            return ok(entry.command(), element, calls);
        }
        if (batch.verb == Verb.PUT && batch.sink.isDuplicate(messages)) {
            return adoptEarlierWrite(entry, messages, calls);
        }
        return failed(entry.command(), messages, calls);
    }

    private WriteResult failed(Command command, List<String> messages, int calls) {
        String joined = messages.isEmpty() ? "Xero refused the element without a reason" : String.join("; ", messages);
        String lower = joined.toLowerCase(Locale.ROOT);
        boolean blocked = BLOCKING.stream().anyMatch(lower::contains);
        return Results.failed(command, blocked ? ResultStatus.BLOCKED : ResultStatus.REJECTED, joined, messages, calls);
    }

    private WriteResult ok(Command command, JsonNode element, int calls) {
        String id = XeroFields.text(element, batch.sink.idField());
        String version = XeroFields.text(element, "UpdatedDateUTC");
        // The reply's element is not used again, so what follows the write may bring it up to date in place.
        ObjectNode state = element.isObject() ? (ObjectNode) element : XeroJson.NODES.objectNode();
        String note = null;
        int before = session.calls();
        try {
            note = batch.sink.afterWrite(session, command, state);
        } catch (ApiException e) {
            // The element is written but what must follow it failed: the command is retried (its Idempotency-Key
            // replays the write) and repeats only what is missing.
            onFailure.accept(e);
            return Results.failed(command, ResultStatus.RETRYABLE, "written as " + id + ", but what follows the write failed: "
                    + e.getMessage(), XeroCommandWriter.messages(e), calls + session.calls() - before);
        }
        calls += session.calls() - before;
        SpecificRecordBase written = null;
        try {
            written = batch.sink.toCanonical(state);
        } catch (MappingException e) {
            // Written, but its echo cannot be recognised; the id still has to reach the id map.
            log.warn("Xero {} {} was written but its reply does not map: {}", batch.sink.collection(), id, e.getMessage());
        }
        WriteResult result = Results.ok(command, id, version, written, calls);
        if (note != null) {
            result.setMessage(note);
        }
        return result;
    }

    /**
     * A create collided on the item's unique name or number. If the holder is the pipeline's own earlier write (its
     * outcome was lost), adopt it, updating it when its content differs; otherwise report the clash.
     */
    private WriteResult adoptEarlierWrite(Entry entry, List<String> messages, int calls) {
        XeroEntitySink sink = batch.sink;
        int before = session.calls();
        try {
            Optional<JsonNode> found = sink.findExisting(session, entry.element());
            if (found.isEmpty()) {
                return Results.failed(entry.command(), ResultStatus.REJECTED, sink.clash(null, entry.element()) + ": "
                        + String.join("; ", messages), messages, calls + session.calls() - before);
            }
            JsonNode existing = found.get();
            String clash = sink.clash(existing, entry.element());
            if (clash != null) {
                return Results.failed(entry.command(), ResultStatus.REJECTED, clash, messages,
                        calls + session.calls() - before);
            }
            String id = XeroFields.text(existing, sink.idField());
            ObjectNode desired = entry.element().deepCopy();
            desired.put(sink.idField(), id);
            if (JsonSubset.contains(sink.asRequest(existing), desired)) {
                return ok(entry.command(), existing, calls + session.calls() - before);
            }
            ObjectNode body = XeroJson.NODES.objectNode();
            body.withArray(sink.collection()).add(desired);
            String key = IdempotencyKeys.derive("sxs:adopt:" + sink.collection(),
                    List.of(entry.command().getIdempotencyKey(), id));
            JsonNode returned = session.post(sink.collection(), sink.query(), body, key).items(sink.collection());
            int total = calls + session.calls() - before;
            if (returned.size() != 1) {
                return Results.failed(entry.command(), ResultStatus.RETRYABLE, "Xero returned " + returned.size()
                        + " elements updating " + id, List.of(), total);
            }
            List<String> updateErrors = XeroErrors.validationMessages(returned.get(0));
            if ("ERROR".equalsIgnoreCase(XeroFields.text(returned.get(0), "StatusAttributeString"))) {
                WriteResult r = failed(entry.command(), updateErrors, total);
                r.setMessage("found the earlier write " + id + " but could not update it: " + r.getMessage());
                r.setTargetId(id);
                return r;
            }
            return ok(entry.command(), returned.get(0), total);
        } catch (ApiException e) {
            onFailure.accept(e);
            if (e.kind() == ApiException.Kind.RATE_LIMITED) {
                return null; // the look-up was throttled: the create is sent again (same key) when the budget allows
            }
            return Results.failed(entry.command(), XeroCommandWriter.status(e), "looking up the earlier write failed: "
                    + e.getMessage(), XeroCommandWriter.messages(e), calls + session.calls() - before);
        } catch (MappingException e) {
            return Results.failed(entry.command(), ResultStatus.REJECTED, "the existing Xero item does not map: "
                    + e.getMessage(), messages, calls + session.calls() - before);
        }
    }
}
