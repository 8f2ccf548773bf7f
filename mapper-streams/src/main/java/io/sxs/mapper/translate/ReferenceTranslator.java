package io.sxs.mapper.translate;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.LineTracking;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.MissingDependency;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Copies a payload and rewrites its references (ids in the source system) into the target system's ids, using the
 * ID map. Required references (a document's contact, a credit note's credited invoices) that are not mapped are
 * reported as missing, never guessed; optional ones (line items, merged-to contact) are dropped with a note.
 */
public final class ReferenceTranslator {

    /** Counterpart id of an item of the source system in the target system, or null when not mapped. */
    @FunctionalInterface
    public interface Counterparts {
        String find(EntityType entity, SystemType sourceSystem, String id);
    }

    private ReferenceTranslator() {
    }

    /**
     * @param targetId the item's id in the target (null for a create: the payload then carries an empty id)
     */
    public static Translation translate(EntityType entity, SpecificRecordBase payload, SystemType source, String targetId,
                                        Counterparts counterparts) {
        SpecificRecordBase copy = shallowCopy(payload);
        copy.put("id", targetId == null ? "" : targetId);
        List<MissingDependency> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Refs refs = new Refs(source, counterparts, missing, notes);
        if (copy instanceof Invoice invoice) {
            invoice.setContactRef(refs.required(EntityType.CONTACT, invoice.getContactRef()));
            invoice.setLines(refs.lines(invoice.getLines()));
            List<String> credited = new ArrayList<>();
            for (String ref : invoice.getCreditedInvoiceRefs()) {
                credited.add(refs.required(EntityType.INVOICE, ref));
            }
            invoice.setCreditedInvoiceRefs(credited);
            // Allocations reach the other system as payments (their own sync), never inside the document.
            invoice.setAllocations(new ArrayList<>());
        } else if (copy instanceof Bill bill) {
            bill.setContactRef(refs.required(EntityType.CONTACT, bill.getContactRef()));
            bill.setLines(refs.lines(bill.getLines()));
        } else if (copy instanceof Contact contact) {
            contact.setMergedToRef(refs.optional(EntityType.CONTACT, contact.getMergedToRef(), "merged-to contact"));
        }
        // Items and the rest carry no references to other synced items.
        return new Translation(copy, missing, notes);
    }

    /**
     * A copy that shares its field values with the original: the translation replaces what it changes (lines, lists)
     * and never modifies a shared value, so the change it came from stays as it was read. A deep copy took longer than
     * the rest of the translation, because Avro copies every decimal and date through its byte form.
     */
    @SuppressWarnings("unchecked")
    static <T extends SpecificRecordBase> T shallowCopy(T record) {
        T copy = (T) record.getSpecificData().newRecord(null, record.getSchema());
        for (org.apache.avro.Schema.Field field : record.getSchema().getFields()) {
            copy.put(field.pos(), record.get(field.pos()));
        }
        return copy;
    }

    private record Refs(SystemType source, Counterparts counterparts, List<MissingDependency> missing, List<String> notes) {

        String required(EntityType entity, String ref) {
            if (ref == null) {
                return null;
            }
            String counterpart = counterparts.find(entity, source, ref);
            if (counterpart == null) {
                missing.add(new MissingDependency(entity, source, ref));
            }
            return counterpart;
        }

        String optional(EntityType entity, String ref, String what) {
            if (ref == null) {
                return null;
            }
            String counterpart = counterparts.find(entity, source, ref);
            if (counterpart == null) {
                notes.add(what + " " + ref + " is not mapped; sent without it");
            }
            return counterpart;
        }

        List<DocumentLine> lines(List<DocumentLine> lines) {
            List<DocumentLine> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                DocumentLine line = shallowCopy(lines.get(i));
                // Line ids belong to the source system; the target assigns its own.
                line.setLineId(null);
                // Items sync on their own (a later issue); until then an unmapped item is left off the line.
                line.setItemRef(optional(EntityType.ITEM, line.getItemRef(), "line " + (i + 1) + " item"));
                // Tracking option ids are source ids; the target matches tracking by name until tracking syncs.
                List<LineTracking> tracking = new ArrayList<>();
                for (LineTracking source : line.getTracking()) {
                    LineTracking t = shallowCopy(source);
                    t.setCategoryRef(null);
                    t.setOptionRef(null);
                    tracking.add(t);
                }
                line.setTracking(tracking);
                out.add(line);
            }
            return out;
        }
    }
}
