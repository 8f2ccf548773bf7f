package io.sxs.mapper.match;

import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The active contacts of one system of a connection by their match keys, so that matching a new contact costs a few
 * map look-ups instead of decoding every contact the connection has. Built from the {@code latest} store the first
 * time a connection's system is asked about, then kept current by every contact state the task records; it lives as
 * long as the task (a restarted task builds it again from the store).
 */
public final class ContactIndex {

    private final Map<String, Side> sides = new HashMap<>();

    private static final class Side {
        final Map<String, Contact> byId = new HashMap<>();
        final Map<String, Set<String>> byKey = new HashMap<>();

        void remove(String id) {
            Contact old = byId.remove(id);
            if (old != null) {
                for (String k : ContactMatcher.keysOf(old)) {
                    Set<String> ids = byKey.get(k);
                    if (ids != null && ids.remove(id) && ids.isEmpty()) {
                        byKey.remove(k);
                    }
                }
            }
        }

        void put(Contact c) {
            remove(c.getId());
            if (c.getStatus() != RecordStatus.ACTIVE) {
                return;
            }
            byId.put(c.getId(), c);
            for (String k : ContactMatcher.keysOf(c)) {
                byKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(c.getId());
            }
        }
    }

    private static String side(String connectionId, SystemType system) {
        return connectionId + "/" + system;
    }

    /** A contact state as recorded: indexed if its connection's system is (otherwise the first use reads the store). */
    public void observe(ChangeRecord change) {
        Side side = sides.get(side(change.getConnectionId(), change.getSystem()));
        if (side == null) {
            return;
        }
        if (change.getOperation() == Operation.UPSERT && change.getPayload() instanceof Contact c) {
            side.put(c);
        } else {
            side.remove(change.getSourceId());
        }
    }

    /**
     * The active contacts of {@code system} that share a match key with {@code source}.
     *
     * @param latest the system's contact states of the connection, read only the first time
     */
    public List<Contact> candidates(String connectionId, SystemType system, Contact source, Supplier<List<ChangeRecord>> latest) {
        Side side = sides.computeIfAbsent(side(connectionId, system), k -> {
            Side built = new Side();
            for (ChangeRecord c : latest.get()) {
                if (c.getOperation() == Operation.UPSERT && c.getPayload() instanceof Contact contact) {
                    built.put(contact);
                }
            }
            return built;
        });
        Set<String> ids = new LinkedHashSet<>();
        for (String k : ContactMatcher.keysOf(source)) {
            ids.addAll(side.byKey.getOrDefault(k, Set.of()));
        }
        List<Contact> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(side.byId.get(id)));
        return out;
    }

    /** Drops everything indexed of one connection (it was deleted with its ID map). */
    public void forget(String connectionId) {
        sides.keySet().removeIf(k -> k.startsWith(connectionId + "/"));
    }
}
