package io.sxs.mapper.process;

import io.sxs.mapper.command.CommandFactory;
import io.sxs.mapper.command.RandomIds;
import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.mapper.idmap.IdMap;
import io.sxs.mapper.match.ContactIndex;
import io.sxs.mapper.match.ContactMatcher;
import io.sxs.mapper.ownership.Ownership;
import io.sxs.mapper.ownership.OwnershipPolicy;
import io.sxs.mapper.pending.PendingChanges;
import io.sxs.mapper.serde.ChangeHeader;
import io.sxs.mapper.translate.ReferenceTranslator;
import io.sxs.mapper.translate.StoreCounterparts;
import io.sxs.mapper.translate.Translation;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.ChangeCause;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.MissingDependency;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.PendingChange;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.registry.EntityRegistry;
import io.sxs.schemas.registry.OwnershipRule;
import io.sxs.schemas.registry.SystemNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what one change record leads to: skip (out of scope, echo, unchanged, not the owner), wait (write in
 * flight, missing dependency) or a command for the other system. Every decision is written to the sync log.
 */
public final class ChangeHandler {

    private static final String NOT_SEEN = "not seen yet";

    private final MapperState state;
    /** The task's contacts by match key, kept by the processor that records changes; null: scan the store. */
    private final ContactIndex contacts;
    private final PrepaymentLinks prepayments;

    public ChangeHandler(MapperState state) {
        this(state, null);
    }

    public ChangeHandler(MapperState state, ContactIndex contacts) {
        this.state = state;
        this.contacts = contacts;
        this.prepayments = new PrepaymentLinks(state, this::replay);
    }

    /**
     * A change as read from its change topic; it becomes the item's latest state.
     *
     * @param encoded the change's bytes as read, kept as they are in the latest store
     */
    public void handle(ChangeRecord change, byte[] encoded) {
        handle(change, encoded, null);
    }

    /**
     * Re-processes a change that waited (it is already the item's latest state).
     *
     * @param waitingSince when the change first started waiting for dependencies, kept so that re-processing does not
     *                     postpone its timeout; null when it did not wait for dependencies
     */
    public void replay(ChangeRecord change, Instant waitingSince) {
        handle(change, null, waitingSince);
    }

    /**
     * Decides a fresh change from its envelope when it is an echo of the pipeline's own write or an unchanged re-read
     * (the same decisions {@link #handle} makes, with the same sync-log entries); false when it needs its payload.
     */
    boolean decidedWithoutPayload(ChangeHeader change, byte[] encoded) {
        ConnectionConfig connection = state.connections().apply(change.connectionId());
        if (connection == null || connection.getStatus() != ConnectionStatus.ACTIVE || change.resync()
                || state.connections().linkRefusal(connection) != null) {
            return false;
        }
        EntityKey key = EntityKeys.of(change.connectionId(), change.entity(), change.system(), change.sourceId());
        IdMapEntry mapping = state.idMap().get(key);
        String hash = change.contentHash();
        if (mapping == null || !(hash.equals(mapping.getLastWrittenHash()) || hash.equals(mapping.getLastSeenHash()))) {
            return false;
        }
        state.latest().record(key, change.operation(), change.sourceVersion(), hash, encoded);
        known(key, mapping, hash, change.connectionId(), change.entity(), change.system(), change.sourceId());
        return true;
    }

    /** An echo or an unchanged re-read of a mapped item: the ID map notes it, the log says so. */
    private void known(EntityKey key, IdMapEntry mapping, String hash, String connectionId, EntityType entity,
                       SystemType system, String sourceId) {
        if (hash.equals(mapping.getLastWrittenHash()) && !hash.equals(mapping.getLastSeenHash())) {
            // The first read of what was written is its echo; a later read in that state is a change made there
            // that the sync does not carry (a payment moving the amount paid), never "the pipeline's own write".
            state.idMap().put(IdMapEntry.newBuilder(mapping).setLastSeenHash(hash).setUpdatedAt(now()).build());
            state.log().item(connectionId, entity, system, sourceId, SyncOutcome.SKIPPED_ECHO, mapping.getCounterpartId(), null,
                    "the pipeline's own write read back from " + SystemNames.of(system));
            return;
        }
        // A change queued behind an in-flight write is superseded when the item is back to the written state.
        PendingChange queued = state.pending().get(key);
        boolean dropped = queued != null && !hash.equals(queued.getChange().getContentHash());
        if (dropped) {
            state.pending().release(key, "superseded: the item was read back in the state last processed");
        }
        state.log().item(connectionId, entity, system, sourceId, SyncOutcome.SKIPPED_UNCHANGED, mapping.getCounterpartId(), null,
                "unchanged since it was last processed (what changed in " + SystemNames.of(system)
                        + ", if anything, is not synced, e.g. an amount paid)"
                        + (dropped ? "; the change queued after it is superseded" : ""));
    }

    /** @param encoded the change's bytes for a fresh change, null for a replay */
    private void handle(ChangeRecord change, byte[] encoded, Instant waitingSince) {
        boolean replay = encoded == null;
        String connectionId = change.getConnectionId();
        ConnectionConfig connection = state.connections().apply(connectionId);
        EntityKey key = EntityKeys.of(change);
        if (!replay && connection != null) {
            // Also while the connection is paused: resuming it brings over what arrived meanwhile (ScopeBackfill).
            state.latest().record(key, change, encoded);
            if (contacts != null && change.getEntity() == io.sxs.schemas.common.EntityType.CONTACT) {
                contacts.observe(change);
            }
        }
        if (connection == null || connection.getStatus() != ConnectionStatus.ACTIVE) {
            state.log().change(change, SyncOutcome.SKIPPED_OUT_OF_SCOPE, null, null, connection == null
                    ? "connection " + connectionId + " is unknown"
                    : "connection " + connectionId + " is " + connection.getStatus());
            return;
        }
        String refused = state.connections().linkRefusal(connection);
        if (refused != null) {
            state.log().change(change, SyncOutcome.SKIPPED_OUT_OF_SCOPE, null, null,
                    "connection " + connectionId + " is refused and syncs nothing: " + refused);
            return;
        }
        IdMapEntry mapping = state.idMap().get(key);
        String hash = change.getContentHash();
        boolean resync = change.getCause() == ChangeCause.RESYNC;
        if (!resync && mapping != null && (hash.equals(mapping.getLastWrittenHash()) || hash.equals(mapping.getLastSeenHash()))) {
            known(key, mapping, hash, connectionId, change.getEntity(), change.getSystem(), change.getSourceId());
            return;
        }

        if (change.getEntity() == EntityType.PREPAYMENT) {
            prepayments.handle(change, key, mapping); // linked, never written
            return;
        }
        Ownership ownership = OwnershipPolicy.resolve(connection, change.getEntity(), mapping);
        switch (ownership.kind()) {
            case OFF, NOT_SYNCED_YET -> {
                state.log().change(change, SyncOutcome.SKIPPED_OUT_OF_SCOPE, null, null, ownership.reason());
                return;
            }
            case WITH_DOCUMENTS -> {
                // The item does not sync on its own, but a document that waits for it starts its create now.
                int waiting = state.pending().waitingFor(connectionId, change.getEntity(), change.getSystem(),
                        change.getSourceId()).size();
                if (waiting == 0) {
                    state.log().change(change, SyncOutcome.SKIPPED_OUT_OF_SCOPE, null, null, ownership.reason());
                    return;
                }
            }
            case OWNED -> {
                if (!ownership.owns(change.getSystem()) && EntityRegistry.of(change.getEntity()).ownership() == OwnershipRule.XERO
                        && mapping != null && mapping.getCounterpartId() != null) {
                    putBack(connection, change, key, mapping);
                    return;
                }
                if (!ownership.owns(change.getSystem())) {
                    if (mapping != null) {
                        state.idMap().put(IdMapEntry.newBuilder(mapping).setLastSeenHash(hash).setUpdatedAt(now()).build());
                    }
                    state.log().change(change, SyncOutcome.SKIPPED_NOT_OWNER, mapping == null ? null : mapping.getCounterpartId(),
                            null, SystemNames.of(ownership.owner()) + " owns this " + EntityRegistry.of(change.getEntity()).noun()
                                    + " on this connection; the change made in " + SystemNames.of(change.getSystem())
                                    + " is not propagated");
                    return;
                }
            }
        }

        PendingChange scheduled = replay ? null : state.pending().get(key);
        if (scheduled != null && scheduled.getRetryAt() != null) {
            // A newer state of the item replaces the retry of an older one.
            state.pending().release(key, "retry superseded by a newer change");
        }
        if (mapping != null && mapping.getInFlightCommandId() != null) {
            state.pending().park(key, new PendingChange(change, List.of(), Instant.ofEpochMilli(state.now()), null, null),
                    mapping.getCounterpartId(), mapping.getInFlightCommandId(),
                    "write in flight (command " + mapping.getInFlightCommandId() + "); queued until its result arrives");
            return;
        }
        issue(connection, change, mapping, waitingSince, null);
    }

    /**
     * Scoro is read-only for what Xero owns on every connection (reference data): a Scoro edit of a synced item is
     * overwritten with Xero's latest state, and a deleted one is created again.
     */
    private void putBack(ConnectionConfig connection, ChangeRecord change, EntityKey key, IdMapEntry mapping) {
        String noun = EntityRegistry.of(change.getEntity()).noun();
        EntityKey ownerKey = EntityKeys.of(change.getConnectionId(), change.getEntity(), SystemType.XERO, mapping.getCounterpartId());
        IdMapEntry ownerMapping = state.idMap().get(ownerKey);
        ChangeRecord owner = state.latest().get(ownerKey);
        state.idMap().put(IdMapEntry.newBuilder(mapping).setLastSeenHash(change.getContentHash()).setUpdatedAt(now()).build());
        if (owner == null || ownerMapping == null || owner.getOperation() == Operation.DELETE || ownerMapping.getDeleted()) {
            state.log().change(change, SyncOutcome.SKIPPED_NOT_OWNER, mapping.getCounterpartId(), null, "Xero owns " + noun
                    + "s on every connection and has no current state of this one to put back");
            return;
        }
        if (ownerMapping.getInFlightCommandId() != null) {
            state.log().change(change, SyncOutcome.SKIPPED_NOT_OWNER, mapping.getCounterpartId(), null, "Xero owns " + noun
                    + "s on every connection; a write of its state is in flight (command " + ownerMapping.getInFlightCommandId() + ")");
            return;
        }
        boolean deleted = change.getOperation() == Operation.DELETE;
        IdMapEntry target = deleted
                ? IdMapEntry.newBuilder(ownerMapping).setCounterpartId(null).setUpdatedAt(now()).build() : ownerMapping;
        state.log().change(change, SyncOutcome.SKIPPED_NOT_OWNER, mapping.getCounterpartId(), null, "Xero owns " + noun
                + "s on every connection, so Scoro is read-only for them: the " + (deleted ? "delete" : "edit")
                + " made in Scoro is reverted to Xero's state");
        issue(connection, owner, target, null, null);
    }

    /** Steps 6 and 7: translate references (or wait for them) and emit the command. */
    private void issue(ConnectionConfig connection, ChangeRecord change, IdMapEntry mapping, Instant waitingSince, String neededBy) {
        EntityKey key = EntityKeys.of(change);
        String counterpart = mapping == null ? null : mapping.getCounterpartId();
        SystemType target = OwnershipPolicy.other(change.getSystem());

        if (change.getOperation() == Operation.DELETE) {
            state.pending().release(key, "superseded by its delete in " + SystemNames.of(change.getSystem()));
            if (counterpart == null) {
                if (mapping != null) {
                    state.idMap().put(IdMapEntry.newBuilder(mapping).setDeleted(true)
                            .setLastSeenHash(change.getContentHash()).setUpdatedAt(now()).build());
                }
                state.log().change(change, SyncOutcome.SKIPPED_UNCHANGED, null, null,
                        "deleted in " + SystemNames.of(change.getSystem()) + " but never synced: nothing to delete in "
                                + SystemNames.of(target));
                return;
            }
            emit(change, mapping, key, CommandAction.DELETE, counterpart, null, List.of(), neededBy);
            return;
        }

        List<String> linked = new ArrayList<>();
        if (counterpart == null && change.getPayload() instanceof Contact contact) {
            // Before creating a contact, the one it already is in the other system (SPEC: match before create).
            ContactMatcher.Match match = ContactMatcher.match(contact, unlinkedContacts(change.getConnectionId(), target, contact));
            if (match.kind() == ContactMatcher.Match.Kind.SEVERAL) {
                toReview(change, mapping, key, match, target);
                return;
            }
            if (match.kind() == ContactMatcher.Match.Kind.ONE) {
                Contact found = match.candidates().get(0);
                counterpart = found.getId();
                linked.add("linked to the existing " + SystemNames.of(target) + " contact '" + found.getName() + "' by "
                        + match.by() + " instead of creating one");
            }
        }
        Translation translation = ReferenceTranslator.translate(change.getEntity(),
                (org.apache.avro.specific.SpecificRecordBase) change.getPayload(), change.getSystem(), counterpart,
                new StoreCounterparts(change.getConnectionId(), state.idMap(), state.latest()));
        if (!translation.complete()) {
            String unsynced = unsyncedDocument(connection, change, translation.missing());
            if (unsynced != null) {
                state.pending().shelve(key, new PendingChange(change, translation.missing(), now(), null, null), unsynced);
                return;
            }
            waitFor(connection, change, key, translation.missing(), waitingSince);
            return;
        }
        linked.addAll(translation.notes());
        emit(change, mapping, key, counterpart == null ? CommandAction.CREATE : CommandAction.UPDATE, counterpart,
                translation.payload(), linked, neededBy);
    }

    /**
     * Why money Xero owns (a payment) cannot go anywhere: the document it pays is not mapped and cannot come from its
     * own system on this connection (its direction is OFF, or the other side owns such documents and this one exists
     * only in Xero). Null when it may still come, so the change waits for it.
     */
    private String unsyncedDocument(ConnectionConfig connection, ChangeRecord change, List<MissingDependency> missing) {
        if (EntityRegistry.of(change.getEntity()).ownership() != OwnershipRule.XERO) {
            return null;
        }
        for (MissingDependency dependency : missing) {
            io.sxs.schemas.registry.EntityDescriptor needed = EntityRegistry.of(dependency.getEntity());
            if (needed.ownership() != OwnershipRule.DIRECTION || needed.followsDocuments()) {
                continue;
            }
            Ownership ownership = OwnershipPolicy.resolve(connection, dependency.getEntity(), null);
            if (ownership.kind() != Ownership.Kind.OWNED) {
                return EntityKeys.describe(dependency) + " is not synced on this connection (" + ownership.reason() + ")";
            }
            if (!ownership.owns(dependency.getSystem())) {
                return EntityKeys.describe(dependency) + " is not synced: " + SystemNames.of(ownership.owner()) + " owns "
                        + needed.noun() + "s on this connection and this one exists only in "
                        + SystemNames.of(dependency.getSystem());
            }
        }
        return null;
    }

    private void emit(ChangeRecord change, IdMapEntry mapping, EntityKey key, CommandAction action, String targetId,
                      org.apache.avro.specific.SpecificRecordBase payload, List<String> notes, String neededBy) {
        String commandId = RandomIds.next();
        // A create of an item that has an ID-map entry but no counterpart follows an earlier command for it whose
        // outcome did not come back as a mapping: the target may hold it already.
        boolean mayExist = action == CommandAction.CREATE && mapping != null;
        Command command = CommandFactory.command(change, action, targetId, payload, commandId, state.now(), mayExist);
        IdMapEntry.Builder entry = mapping == null
                ? IdMap.newEntry(key, change.getSystem(), state.now())
                : IdMapEntry.newBuilder(mapping).setUpdatedAt(now());
        state.idMap().put(entry.setLastSeenHash(change.getContentHash()).setInFlightCommandId(commandId)
                .setDeleted(action == CommandAction.DELETE).build());
        state.pending().release(key, () -> "superseded: command " + commandId + " carries the item's latest state");
        state.commands().accept(command);
        StringBuilder message = new StringBuilder(action.name().toLowerCase()).append(" in ")
                .append(SystemNames.of(command.getTargetSystem()));
        if (targetId != null) {
            message.append(" (").append(targetId).append(')');
        }
        if (neededBy != null) {
            message.append(", needed by ").append(neededBy);
        }
        notes.forEach(note -> message.append("; ").append(note));
        state.log().change(change, SyncOutcome.COMMAND_ISSUED, targetId, commandId, message.toString());
    }

    /**
     * Parks the change until its missing references are mapped; starts the create of a missing item that follows its
     * documents (a contact) when allowed.
     */
    private void waitFor(ConnectionConfig connection, ChangeRecord change, EntityKey key, List<MissingDependency> missing,
                         Instant waitingSince) {
        PendingChange earlier = state.pending().get(key);
        List<String> why = new ArrayList<>();
        for (MissingDependency dependency : missing) {
            String status = EntityRegistry.of(dependency.getEntity()).followsDocuments()
                    ? startDependency(connection, change, dependency)
                    : "not mapped yet";
            if (NOT_SEEN.equals(status) && (earlier == null || !earlier.getMissing().contains(dependency))) {
                ask(change.getConnectionId(), dependency);
                status = NOT_SEEN + "; asked " + SystemNames.of(dependency.getSystem()) + " for it";
            }
            why.add(EntityKeys.describe(dependency) + " (" + status + ")");
        }
        // A wait that was given up starts afresh: its timeout counts again from now.
        Instant since = waitingSince != null ? waitingSince
                : PendingChanges.waiting(earlier) && !earlier.getMissing().isEmpty() ? earlier.getSince()
                : Instant.ofEpochMilli(state.now());
        state.pending().park(key, new PendingChange(change, missing, since, null, null), null, null,
                "waiting for " + String.join(", ", why));
    }

    /** Step 6 for a document's dependency: wait for its in-flight create, create it now, or wait for it to arrive. */
    private String startDependency(ConnectionConfig connection, ChangeRecord document, MissingDependency dependency) {
        EntityKey dependencyKey = EntityKeys.of(document.getConnectionId(), dependency);
        IdMapEntry dependencyMapping = state.idMap().get(dependencyKey);
        if (dependencyMapping != null && dependencyMapping.getInFlightCommandId() != null) {
            return "its create is in flight";
        }
        ChangeRecord needed = state.latest().get(dependencyKey);
        if (needed == null) {
            return NOT_SEEN;
        }
        if (needed.getOperation() == Operation.DELETE || needed.getPayload() == null) {
            return "deleted in " + SystemNames.of(needed.getSystem());
        }
        if (!OwnershipPolicy.mayFollowDocumentFrom(connection, dependency.getEntity(), document.getSystem())) {
            return SystemNames.of(OwnershipPolicy.other(document.getSystem())) + " owns "
                    + EntityRegistry.of(dependency.getEntity()).noun() + "s on this connection, so it has to come from there";
        }
        issue(connection, needed, dependencyMapping, null,
                EntityKeys.describe(document.getEntity(), document.getSystem(), document.getSourceId()));
        return "create issued";
    }

    /**
     * The other system's contacts the pipeline has read that share a match key with {@code source} (all of them when
     * there is no index) and are not linked to anything yet.
     */
    private List<Contact> unlinkedContacts(String connectionId, SystemType system, Contact source) {
        io.sxs.schemas.common.EntityType entity = io.sxs.schemas.common.EntityType.CONTACT;
        List<Contact> read = new ArrayList<>();
        if (contacts != null) {
            read.addAll(contacts.candidates(connectionId, system, source, () -> state.latest().of(connectionId, entity, system)));
        } else {
            for (ChangeRecord c : state.latest().of(connectionId, entity, system)) {
                if (c.getOperation() == Operation.UPSERT && c.getPayload() instanceof Contact contact) {
                    read.add(contact);
                }
            }
        }
        read.removeIf(c -> state.idMap().counterpartOf(EntityKeys.of(connectionId, entity, system, c.getId())) != null);
        return read;
    }

    /**
     * Several contacts of the other system could be this one: none is guessed. The change is kept as seen (a re-read
     * does not ask again) and goes to the error list with the candidates named, for a person to decide.
     */
    private void toReview(ChangeRecord change, IdMapEntry mapping, EntityKey key, ContactMatcher.Match match, SystemType target) {
        IdMapEntry.Builder entry = mapping == null ? IdMap.newEntry(key, change.getSystem(), state.now()) : IdMapEntry.newBuilder(mapping);
        state.idMap().put(entry.setLastSeenHash(change.getContentHash()).setUpdatedAt(now()).build());
        StringBuilder names = new StringBuilder();
        for (Contact c : match.candidates()) {
            names.append(names.length() == 0 ? "" : ", ").append(c.getId()).append(" '").append(c.getName()).append('\'');
        }
        state.log().change(change, SyncOutcome.BLOCKED, null, null, "review: " + match.candidates().size() + " "
                + SystemNames.of(target) + " contacts match by " + match.by() + " (" + names + "); not created and not"
                + " linked: give the right one this contact's number, or make the others differ");
    }

    /**
     * Asks the dependency's source to read it now, as a webhook would: a product or contact created just before the
     * document that uses it need not wait for the next poll (products are polled at the safety-net interval).
     */
    private void ask(String connectionId, MissingDependency dependency) {
        state.hints().accept(SourceHint.newBuilder().setHintId(RandomIds.next()).setConnectionId(connectionId)
                .setSystem(dependency.getSystem()).setEntity(dependency.getEntity()).setIds(List.of(dependency.getId()))
                .setReceivedAt(now()).setSource("mapper: a document needs it").build());
    }

    private Instant now() {
        return Instant.ofEpochMilli(state.now());
    }
}
