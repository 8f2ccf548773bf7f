package io.sxs.app.audit;

import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a live ID map and view with rebuilt ones, field by field (pure). Compared: what the state says about the
 * item (ids, origin, hashes, the write in flight; the view's ids, owner, states, payload and versions); not compared:
 * when it was last touched ({@code updatedAt}, {@code changedAt}) and the free-text message, which a replay writes at
 * replay time and with its own command ids.
 */
final class StateComparison {

    private StateComparison() {
    }

    static String key(EntityKey k) {
        return k.getEntity() + " " + k.getSystem() + ":" + k.getId();
    }

    static String key(IdMapEntry e) {
        return e.getEntity() + " " + e.getSystem() + ":" + e.getId();
    }

    static String key(ViewKey k) {
        return k.getEntity() + " " + k.getCanonicalId();
    }

    static String key(ViewRecord v) {
        return v.getEntity() + " " + v.getCanonicalId();
    }

    static List<String> idMap(Map<String, IdMapEntry> live, Map<String, IdMapEntry> rebuilt) {
        return compare("ID map", live, rebuilt, List.of(
                field("counterpartId", IdMapEntry::getCounterpartId), field("origin", IdMapEntry::getOrigin),
                field("lastSeenHash", IdMapEntry::getLastSeenHash), field("lastWrittenHash", IdMapEntry::getLastWrittenHash),
                field("inFlightCommandId", IdMapEntry::getInFlightCommandId), field("deleted", IdMapEntry::getDeleted)));
    }

    static List<String> view(Map<String, ViewRecord> live, Map<String, ViewRecord> rebuilt) {
        return compare("view", live, rebuilt, List.of(
                field("scoroId", ViewRecord::getScoroId), field("xeroId", ViewRecord::getXeroId),
                field("origin", ViewRecord::getOrigin), field("owner", ViewRecord::getOwner),
                field("syncState", ViewRecord::getSyncState), field("lifecycle", ViewRecord::getLifecycle),
                field("payloadSystem", ViewRecord::getPayloadSystem), field("payload", ViewRecord::getPayload),
                field("scoroVersion", ViewRecord::getScoroVersion), field("xeroVersion", ViewRecord::getXeroVersion),
                field("lastOutcome", ViewRecord::getLastOutcome)));
    }

    private record Field<T>(String name, Function<T, Object> get) {
    }

    private static <T> Field<T> field(String name, Function<T, Object> get) {
        return new Field<>(name, get);
    }

    private static <T> List<String> compare(String what, Map<String, T> live, Map<String, T> rebuilt, List<Field<T>> fields) {
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(union(live, rebuilt))) {
            T l = live.get(key);
            T r = rebuilt.get(key);
            if (l == null) {
                out.add(what + " " + key + ": only in the rebuilt copy");
            } else if (r == null) {
                out.add(what + " " + key + ": only in the live state");
            } else {
                for (Field<T> f : fields) {
                    Object a = f.get().apply(l);
                    Object b = f.get().apply(r);
                    if (!Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString())) {
                        out.add(what + " " + key + ": " + f.name() + " is " + a + " live, " + b + " rebuilt");
                    }
                }
            }
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
