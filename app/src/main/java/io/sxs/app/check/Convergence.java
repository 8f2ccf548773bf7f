package io.sxs.app.check;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.registry.SystemNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;

/**
 * Whether two systems' copies of a connection agree, judged from what each API returns (never from the pipeline's
 * own ID map or counters): items are paired by their natural key (a document's number, an item's code), and per
 * entity the report lists the owner's items missing on the other side, duplicates (two items with one key on a
 * side), and differences in the fields the sync carries (a document's contact is compared by name). Pure: the reads
 * are {@link ConvergenceChecker}'s.
 */
public final class Convergence {

    /** How an entity is paired and what is compared. */
    record Kind(EntityType entity, String key, List<String> fields) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind(EntityType.INVOICE, "number", List.of("currency", "date", "dueDate", "subTotal", "totalTax", "total")),
            new Kind(EntityType.CREDIT_NOTE, "number", List.of("currency", "date", "subTotal", "totalTax", "total")),
            new Kind(EntityType.BILL, "number", List.of("currency", "date", "dueDate", "subTotal", "totalTax", "total")),
            new Kind(EntityType.ITEM, "code", List.of("name", "salesUnitPrice")));

    /** One entity's verdict. */
    public record EntityReport(EntityType entity, SystemType owner, int scoro, int xero, List<String> missing,
                               List<String> duplicates, List<String> differences) {
        @com.fasterxml.jackson.annotation.JsonProperty("converged")
        public boolean converged() {
            return missing.isEmpty() && duplicates.isEmpty() && differences.isEmpty();
        }
    }

    /** Every compared entity; converged when none has anything missing, duplicated or different. */
    public record Report(String connectionId, List<EntityReport> entities) {
        @com.fasterxml.jackson.annotation.JsonProperty("converged")
        public boolean converged() {
            return entities.stream().allMatch(EntityReport::converged);
        }

        @com.fasterxml.jackson.annotation.JsonProperty("missing")
        public int missing() {
            return entities.stream().mapToInt(e -> e.missing().size()).sum();
        }

        @com.fasterxml.jackson.annotation.JsonProperty("duplicates")
        public int duplicates() {
            return entities.stream().mapToInt(e -> e.duplicates().size()).sum();
        }

        @com.fasterxml.jackson.annotation.JsonProperty("differences")
        public int differences() {
            return entities.stream().mapToInt(e -> e.differences().size()).sum();
        }
    }

    /** What one system returned: the items of each entity, and its contacts by id (to name a document's contact). */
    public record Side(Map<EntityType, List<IndexedRecord>> items, Map<String, String> contactNames) {
        List<IndexedRecord> of(EntityType entity) {
            return items.getOrDefault(entity, List.of());
        }
    }

    private Convergence() {
    }

    /** @param owners the system that owns each entity on this connection (entities not in it are not compared) */
    public static Report compare(String connectionId, Map<EntityType, SystemType> owners, Side scoro, Side xero) {
        List<EntityReport> out = new ArrayList<>();
        for (Kind kind : KINDS) {
            SystemType owner = owners.get(kind.entity());
            if (owner != null) {
                out.add(compare(kind, owner, scoro, xero));
            }
        }
        return new Report(connectionId, out);
    }

    private static EntityReport compare(Kind kind, SystemType owner, Side scoro, Side xero) {
        List<String> missing = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        Map<String, IndexedRecord> scoroByKey = byKey(kind, scoro.of(kind.entity()), SystemType.SCORO, duplicates);
        Map<String, IndexedRecord> xeroByKey = byKey(kind, xero.of(kind.entity()), SystemType.XERO, duplicates);
        Map<String, IndexedRecord> owned = owner == SystemType.SCORO ? scoroByKey : xeroByKey;
        Map<String, IndexedRecord> copies = owner == SystemType.SCORO ? xeroByKey : scoroByKey;
        Side ownerSide = owner == SystemType.SCORO ? scoro : xero;
        Side copySide = owner == SystemType.SCORO ? xero : scoro;
        String noun = kind.entity().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String other = SystemNames.of(owner == SystemType.SCORO ? SystemType.XERO : SystemType.SCORO);
        for (Map.Entry<String, IndexedRecord> e : owned.entrySet()) {
            IndexedRecord mine = e.getValue();
            IndexedRecord copy = copies.get(e.getKey());
            boolean gone = deleted(mine);
            if (copy == null) {
                if (!gone) {
                    missing.add(noun + " " + e.getKey() + " is not in " + other);
                }
                continue;
            }
            if (gone) {
                if (!deleted(copy)) {
                    differences.add(noun + " " + e.getKey() + ": deleted in " + SystemNames.of(owner) + " but " + get(copy, "status")
                            + " in " + other);
                }
                continue;
            }
            if (deleted(copy)) {
                differences.add(noun + " " + e.getKey() + ": " + get(copy, "status") + " in " + other + " but not in "
                        + SystemNames.of(owner));
                continue;
            }
            for (String field : kind.fields()) {
                Object a = get(mine, field);
                Object b = get(copy, field);
                if (!same(a, b)) {
                    differences.add(noun + " " + e.getKey() + ": " + field + " " + a + " in " + SystemNames.of(owner) + ", " + b
                            + " in " + other);
                }
            }
            if (mine.getSchema().getField("contactRef") != null) {
                String a = ownerSide.contactNames().get(String.valueOf(get(mine, "contactRef")));
                String b = copySide.contactNames().get(String.valueOf(get(copy, "contactRef")));
                if (a != null && b != null && !a.trim().equalsIgnoreCase(b.trim())) {
                    differences.add(noun + " " + e.getKey() + ": contact " + a + " in " + SystemNames.of(owner) + ", " + b + " in " + other);
                }
            }
        }
        return new EntityReport(kind.entity(), owner, scoro.of(kind.entity()).size(), xero.of(kind.entity()).size(), missing,
                duplicates, differences);
    }

    private static Map<String, IndexedRecord> byKey(Kind kind, List<IndexedRecord> items, SystemType system, List<String> duplicates) {
        Map<String, IndexedRecord> out = new LinkedHashMap<>();
        for (IndexedRecord item : items) {
            Object key = get(item, kind.key());
            if (key == null || String.valueOf(key).isBlank()) {
                continue; // nothing to pair it by (e.g. a draft without a number)
            }
            String k = String.valueOf(key).trim();
            IndexedRecord before = out.get(k);
            if (before == null) {
                out.put(k, item);
            } else if (!deleted(item) && !deleted(before)) {
                duplicates.add(kind.entity().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + k + " twice in "
                        + SystemNames.of(system) + " (" + get(before, "id") + ", " + get(item, "id") + ")");
            } else if (deleted(before)) {
                out.put(k, item); // a live item beats a deleted one with the same number
            }
        }
        return out;
    }

    private static boolean deleted(IndexedRecord r) {
        Object status = get(r, "status");
        return status != null && ("DELETED".equals(status.toString()) || "VOIDED".equals(status.toString())
                || "ARCHIVED".equals(status.toString()));
    }

    private static Object get(IndexedRecord r, String field) {
        org.apache.avro.Schema.Field f = r.getSchema().getField(field);
        return f == null ? null : r.get(f.pos());
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }
}
