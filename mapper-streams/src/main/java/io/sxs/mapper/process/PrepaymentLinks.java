package io.sxs.mapper.process;

import io.sxs.mapper.command.RandomIds;
import io.sxs.mapper.idmap.EntityKeys;
import io.sxs.mapper.idmap.IdMap;
import io.sxs.mapper.match.ContactMatcher;
import io.sxs.mapper.match.PrepaymentMatcher;
import io.sxs.mapper.pending.PendingChanges;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Prepayment;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.PendingChange;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;

/**
 * Prepayments are linked, never written (SPEC section 2): a Xero prepayment received is matched onto the Scoro
 * prepayment invoice it pays ({@link PrepaymentMatcher}), the link is recorded in the ID map of both, and the
 * prepayment's money, a payment of its own, then becomes a receipt on that invoice. Scoro prepayment invoices are
 * never sent to Xero. An unmatched or ambiguous prepayment goes to the error list ({@code BLOCKED}) naming the
 * candidates; a Scoro prepayment invoice read later links the Xero prepayments that are still unlinked, and, when none
 * is its match, asks the Xero source to read the prepayments now (Xero announces none).
 */
final class PrepaymentLinks {

    private final MapperState state;
    /** Re-processes a change that waited (the payment of a prepayment that is now linked). */
    private final BiConsumer<ChangeRecord, java.time.Instant> replay;

    PrepaymentLinks(MapperState state, BiConsumer<ChangeRecord, java.time.Instant> replay) {
        this.state = state;
        this.replay = replay;
    }

    void handle(ChangeRecord change, EntityKey key, IdMapEntry mapping) {
        String counterpart = mapping == null ? null : mapping.getCounterpartId();
        if (mapping != null) {
            state.idMap().put(IdMapEntry.newBuilder(mapping).setLastSeenHash(change.getContentHash()).setUpdatedAt(now()).build());
        }
        if (change.getSystem() == SystemType.SCORO) {
            state.log().change(change, SyncOutcome.SKIPPED_OUT_OF_SCOPE, counterpart, null, "Scoro prepayment invoices are"
                    + " never sent to Xero; a Xero prepayment is matched onto one and its payment becomes a receipt on it");
            if (change.getOperation() == Operation.UPSERT && counterpart == null && change.getPayload() instanceof Prepayment arrived) {
                for (ChangeRecord xero : state.latest().of(change.getConnectionId(), EntityType.PREPAYMENT, SystemType.XERO)) {
                    // Only a prepayment the new invoice could be is matched against all candidates again.
                    if (xero.getOperation() == Operation.UPSERT && linkedTo(xero) == null && xero.getPayload() instanceof Prepayment p
                            && PrepaymentMatcher.match(p, scoroContact(xero.getConnectionId(), p), List.of(arrived)).kind()
                            != ContactMatcher.Match.Kind.NONE) {
                        link(xero, true);
                    }
                }
                if (state.idMap().counterpartOf(key) == null) {
                    // Xero announces no prepayments (they are bank transactions): read them now, not at the safety net.
                    state.hints().accept(SourceHint.newBuilder().setHintId(RandomIds.next()).setConnectionId(change.getConnectionId())
                            .setSystem(SystemType.XERO).setEntity(EntityType.PREPAYMENT).setIds(List.of(change.getSourceId()))
                            .setReceivedAt(now()).setSource("mapper: a new Scoro prepayment invoice").build());
                }
            }
            return;
        }
        if (change.getOperation() == Operation.DELETE || !(change.getPayload() instanceof Prepayment)) {
            state.log().change(change, SyncOutcome.SKIPPED_UNCHANGED, counterpart, null,
                    "deleted in Xero; the receipt of its payment goes with that payment");
            return;
        }
        if (counterpart != null) {
            state.log().change(change, SyncOutcome.SKIPPED_UNCHANGED, counterpart, null, "linked to the Scoro prepayment"
                    + " invoice " + counterpart + "; a prepayment is not written to Scoro, its payment is a receipt there");
            return;
        }
        link(change, false);
    }

    /** The Xero prepayment's contact as a Scoro id, or null when it is not mapped. */
    private String scoroContact(String connectionId, Prepayment xero) {
        return xero.getContactRef() == null ? null
                : state.idMap().counterpartOf(EntityKeys.of(connectionId, EntityType.CONTACT, SystemType.XERO, xero.getContactRef()));
    }

    private String linkedTo(ChangeRecord xero) {
        return state.idMap().counterpartOf(EntityKeys.of(xero));
    }

    /** Matches a Xero prepayment; {@code quiet}: log only a link (a re-try after a Scoro prepayment invoice arrived). */
    private void link(ChangeRecord change, boolean quiet) {
        String connectionId = change.getConnectionId();
        Prepayment xero = (Prepayment) change.getPayload();
        String contact = scoroContact(connectionId, xero);
        List<Prepayment> candidates = new ArrayList<>();
        for (ChangeRecord scoro : state.latest().of(connectionId, EntityType.PREPAYMENT, SystemType.SCORO)) {
            if (scoro.getOperation() == Operation.UPSERT && scoro.getPayload() instanceof Prepayment p
                    && state.idMap().counterpartOf(EntityKeys.of(scoro)) == null) {
                candidates.add(p);
            }
        }
        PrepaymentMatcher.Match match = PrepaymentMatcher.match(xero, contact, candidates);
        EntityKey key = EntityKeys.of(change);
        IdMapEntry mapping = state.idMap().get(key);
        IdMapEntry.Builder entry = mapping == null ? IdMap.newEntry(key, SystemType.XERO, state.now()) : IdMapEntry.newBuilder(mapping);
        if (match.kind() != ContactMatcher.Match.Kind.ONE) {
            if (quiet) {
                return;
            }
            state.idMap().put(entry.setLastSeenHash(change.getContentHash()).setUpdatedAt(now()).build());
            String why = match.kind() == ContactMatcher.Match.Kind.SEVERAL
                    ? "review: " + match.candidates().size() + " Scoro prepayment invoices match by " + match.by() + " ("
                            + describe(match.candidates()) + "); not linked and not guessed: give the prepayment the right"
                            + " invoice's number as its Reference"
                    : "no Scoro prepayment invoice matches this prepayment (number '" + xero.getReference() + "', or client"
                            + (contact == null ? " (not synced)" : " " + contact) + ", " + xero.getCurrency() + " and total "
                            + xero.getTotal() + "); unlinked candidates: " + (candidates.isEmpty() ? "none" : describe(candidates))
                            + "; not guessed: create the prepayment invoice in Scoro, or give the prepayment its number as Reference";
            state.log().change(change, SyncOutcome.BLOCKED, null, null, why);
            return;
        }
        Prepayment found = match.candidates().get(0);
        EntityKey scoroKey = EntityKeys.of(connectionId, EntityType.PREPAYMENT, SystemType.SCORO, found.getId());
        ChangeRecord scoroState = state.latest().get(scoroKey);
        IdMapEntry scoroMapping = state.idMap().get(scoroKey);
        state.idMap().put(entry.setCounterpartId(found.getId()).setLastSeenHash(change.getContentHash()).setUpdatedAt(now()).build());
        state.idMap().put((scoroMapping == null ? IdMap.newEntry(scoroKey, SystemType.XERO, state.now())
                : IdMapEntry.newBuilder(scoroMapping)).setCounterpartId(xero.getId()).setOrigin(SystemType.XERO)
                .setLastSeenHash(scoroState == null ? null : scoroState.getContentHash()).setUpdatedAt(now()).build());
        state.log().change(change, SyncOutcome.SKIPPED_UNCHANGED, found.getId(), null, "linked to the Scoro prepayment invoice "
                + found.getReference() + " (" + found.getId() + ") by " + match.by() + "; a prepayment is not written to Scoro:"
                + " its payment becomes a receipt on that invoice");
        for (KeyValue<EntityKey, PendingChange> waiting : state.pending().waitingFor(connectionId, EntityType.PREPAYMENT,
                SystemType.XERO, xero.getId())) {
            if (state.pending().release(waiting.key, "prepayment " + xero.getId() + " in Xero is now linked to the Scoro"
                    + " prepayment invoice " + found.getId() + "; re-processing") != null) {
                replay.accept(waiting.value.getChange(), PendingChanges.waiting(waiting.value) ? waiting.value.getSince() : null);
            }
        }
    }

    private static String describe(List<Prepayment> prepayments) {
        StringBuilder out = new StringBuilder();
        for (Prepayment p : prepayments.subList(0, Math.min(5, prepayments.size()))) {
            out.append(out.length() == 0 ? "" : ", ").append(p.getId()).append(" '").append(p.getReference()).append("' ")
                    .append(p.getCurrency()).append(' ').append(p.getTotal());
        }
        return prepayments.size() > 5 ? out + " and " + (prepayments.size() - 5) + " more" : out.toString();
    }

    private java.time.Instant now() {
        return java.time.Instant.ofEpochMilli(state.now());
    }
}
