package io.sxs.bench.p1;

import io.sxs.schemas.common.EncryptedSecret;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.registry.ConnectionDirections;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The input of P1, deterministic for a seed: connections that sync invoices to Xero and contacts from Scoro, a warm-up
 * population of contacts and invoices (mapped by the warm-up), then the measured mix of what Scoro polls and Xero
 * read-backs bring: new contacts and invoices, edits, unchanged re-reads and echoes of the pipeline's own writes.
 */
final class ChangeMix {

    /** Shares of the measured records, in percent. */
    enum Kind {
        NEW_CONTACT(15), NEW_INVOICE(15), EDIT(10), RE_READ(40), ECHO(20);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final Random random;
    private final List<ConnectionItems> connections = new ArrayList<>();
    private final Map<String, ChangeRecord> echoes = new HashMap<>();
    private final Map<Kind, Integer> generated = new EnumMap<>(Kind.class);

    ChangeMix(int connections, int itemsPerConnection, long seed) {
        this.random = new Random(seed);
        for (int i = 1; i <= connections; i++) {
            ConnectionItems c = new ConnectionItems("bench-" + i);
            for (int n = 0; n < itemsPerConnection / 2; n++) {
                c.warmContacts.add(c.newContact());
            }
            for (int n = 0; n < itemsPerConnection - itemsPerConnection / 2; n++) {
                c.warmInvoices.add(c.newInvoice());
            }
            this.connections.add(c);
        }
    }

    List<ConnectionConfig> connectionConfigs() {
        EncryptedSecret secret = new EncryptedSecret("k1", ByteBuffer.wrap(new byte[12]), ByteBuffer.wrap(new byte[48]));
        return connections.stream().map(c -> ConnectionDirections.set(ConnectionConfig.newBuilder().setConnectionId(c.id).setName("Bench " + c.id)
                .setStatus(ConnectionStatus.ACTIVE)
                .setScoro(new ScoroEndpoint("https://" + c.id + ".scoro.com", "1", secret))
                .setXero(XeroEndpoint.newBuilder().setTenantId("tenant-" + c.id).setTokens(secret).build())
                .setContacts(ContactMode.FROM_SCORO).setCreatedAt(T0).setUpdatedAt(T0), EntityType.INVOICE, Direction.TO_XERO)
                .build()).toList();
    }

    List<ChangeRecord> warmUpContacts() {
        return connections.stream().flatMap(c -> c.warmContacts.stream().map(c::read)).toList();
    }

    List<ChangeRecord> warmUpInvoices() {
        return connections.stream().flatMap(c -> c.warmInvoices.stream().map(c::read)).toList();
    }

    /** Remembers what the warm-up wrote to Xero, to read it back later as the Xero source would (an echo). */
    void written(WriteResult result) {
        SpecificRecordBase written = (SpecificRecordBase) result.getWritten();
        ChangeRecord echo = ChangeRecord.newBuilder().setEventId("").setConnectionId(result.getConnectionId())
                .setSystem(SystemType.XERO).setEntity(result.getEntity()).setSourceId(result.getTargetId())
                .setSourceVersion("1").setOperation(Operation.UPSERT).setContentHash(result.getWrittenHash())
                .setObservedAt(T0).setPayload(written).build();
        echoes.put(key(result.getConnectionId(), result.getEntity(), result.getSourceId()), echo);
    }

    /** The measured records (counted in {@link #generated}). */
    List<ChangeRecord> measured(int records) {
        return mix(records, true);
    }

    /**
     * Records of the same mix for the mapper's warm-up, so that the JIT has compiled every path of the mix before it is
     * timed (as the pass-throughs' untimed pass does for theirs); they continue the same history (new items, edits).
     */
    List<ChangeRecord> warmUpMix(int records) {
        return mix(records, false);
    }

    private List<ChangeRecord> mix(int records, boolean counted) {
        List<ChangeRecord> out = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            ConnectionItems c = connections.get(random.nextInt(connections.size()));
            Kind kind = kind();
            if (counted) {
                generated.merge(kind, 1, Integer::sum);
            }
            out.add(switch (kind) {
                case NEW_CONTACT -> c.read(c.added(c.newContact()));
                case NEW_INVOICE -> c.read(c.added(c.newInvoice()));
                case EDIT -> c.read(c.edit());
                case RE_READ -> c.read(c.any());
                case ECHO -> echo(c);
            });
        }
        return out;
    }

    Map<Kind, Integer> generated() {
        return new EnumMap<>(generated);
    }

    private ChangeRecord echo(ConnectionItems c) {
        Item item = c.warm(random);
        ChangeRecord written = echoes.get(key(c.id, item.entity, item.id));
        if (written == null) {
            throw new IllegalStateException("The warm-up did not write " + item.entity + " " + item.id + " of " + c.id);
        }
        return ChangeRecord.newBuilder(written).setEventId(UUID.randomUUID().toString()).setObservedAt(Instant.now()).build();
    }

    private Kind kind() {
        int roll = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            roll -= kind.percent;
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("shares do not add up to 100");
    }

    private static String key(String connectionId, EntityType entity, String sourceId) {
        return connectionId + "|" + entity + "|" + sourceId;
    }

    /** One item in Scoro: its current payload and version. */
    private static final class Item {
        final EntityType entity;
        final String id;
        SpecificRecordBase payload;
        int version = 1;

        Item(EntityType entity, String id, SpecificRecordBase payload) {
            this.entity = entity;
            this.id = id;
            this.payload = payload;
        }
    }

    private final class ConnectionItems {
        final String id;
        final List<Item> warmContacts = new ArrayList<>();
        final List<Item> warmInvoices = new ArrayList<>();
        final List<Item> all = new ArrayList<>();
        int nextId = 1000;
        int edited;

        ConnectionItems(String id) {
            this.id = id;
        }

        Item newContact() {
            String itemId = String.valueOf(nextId++);
            return new Item(EntityType.CONTACT, itemId, Payloads.contact(itemId, random));
        }

        /** New invoices are for customers that are already synced, as most are. */
        Item newInvoice() {
            String itemId = String.valueOf(nextId++);
            String contact = warmContacts.isEmpty() ? "missing" : warmContacts.get(random.nextInt(warmContacts.size())).id;
            return new Item(EntityType.INVOICE, itemId, Payloads.invoice(itemId, contact, random));
        }

        Item added(Item item) {
            all.add(item);
            return item;
        }

        Item warm(Random random) {
            int i = random.nextInt(warmContacts.size() + warmInvoices.size());
            return i < warmContacts.size() ? warmContacts.get(i) : warmInvoices.get(i - warmContacts.size());
        }

        /** Edits each warm item once, in turn, so that no edit meets a write still in flight; then starts over. */
        Item edit() {
            int warm = warmContacts.size() + warmInvoices.size();
            int i = edited++ % warm;
            Item item = i < warmContacts.size() ? warmContacts.get(i) : warmInvoices.get(i - warmContacts.size());
            item.payload = item.payload instanceof Contact contact ? Payloads.edited(contact, random)
                    : Payloads.edited((Invoice) item.payload);
            item.version++;
            return item;
        }

        /** A warm or a new item, in its current state: what a re-read in the poll overlap brings. */
        Item any() {
            int warm = warmContacts.size() + warmInvoices.size();
            int i = random.nextInt(warm + all.size());
            return i < warm ? warm(random) : all.get(i - warm);
        }

        ChangeRecord read(Item item) {
            String hash = ContentHasher.hash(item.payload);
            return ChangeRecord.newBuilder().setEventId(UUID.randomUUID().toString()).setConnectionId(id)
                    .setSystem(SystemType.SCORO).setEntity(item.entity).setSourceId(item.id)
                    .setSourceVersion(T0.plusSeconds(item.version).toString()).setOperation(Operation.UPSERT)
                    .setContentHash(hash).setObservedAt(Instant.now()).setPayload(item.payload).build();
        }
    }
}
