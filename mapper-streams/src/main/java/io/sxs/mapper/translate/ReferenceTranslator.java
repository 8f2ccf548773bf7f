package io.sxs.mapper.translate;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.MissingDependency;
import io.sxs.schemas.registry.EntityRegistry;
import io.sxs.schemas.registry.ReferencePlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Copies a payload for the other system by its entity's {@link ReferencePlan}: every id marked {@code sxs.ref} is
 * rewritten to the target system's id through the ID map, every {@code sxs.local} field is reset. A required reference
 * that is not mapped is reported as missing, never guessed; an optional one is left off with a note. One mechanism for
 * every entity: nothing here names an entity or a field.
 */
public final class ReferenceTranslator {

    /** Counterpart id of an item of the source system in the target system, or null when not mapped. */
    @FunctionalInterface
    public interface Counterparts {
        String find(EntityType entity, SystemType sourceSystem, String id);

        /**
         * The code of an item of the source system whose counterpart is {@code counterpart} (the counterpart's latest
         * {@code code}, else the item's own), or null when unknown.
         */
        default String code(EntityType entity, SystemType sourceSystem, String id, String counterpart) {
            return null;
        }
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
        new Walk(source, counterparts, missing, notes, copy.getSpecificData())
                .apply(EntityRegistry.of(entity).references(), copy, null);
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
        for (Schema.Field field : record.getSchema().getFields()) {
            copy.put(field.pos(), record.get(field.pos()));
        }
        return copy;
    }

    private record Walk(SystemType source, Counterparts counterparts, List<MissingDependency> missing, List<String> notes,
                        GenericData model) {

        /**
         * Applies the plan to {@code record}, which is already a copy this translation may change.
         *
         * @param at where {@code record} sits in the payload (null: the payload itself); rendered only for a note
         */
        void apply(ReferencePlan plan, SpecificRecordBase record, Path at) {
            for (ReferencePlan.Step step : plan.steps()) {
                int pos = step.field().pos();
                Object value = record.get(pos);
                if (step instanceof ReferencePlan.Code code) {
                    // Before the reference is translated: the code is looked up by the source system's id.
                    Object refId = record.get(code.ref().field().pos());
                    EntityType target = code.ref().entityIn(record);
                    String counterpart = refId == null || target == null ? null : counterparts.find(target, source, (String) refId);
                    String known = counterpart == null ? null : counterparts.code(target, source, (String) refId, counterpart);
                    if (known != null) {
                        record.put(pos, known);
                    }
                } else if (step instanceof ReferencePlan.Local) {
                    Object reset = model.getDefaultValue(step.field());
                    record.put(pos, reset instanceof List<?> ? new ArrayList<>() : reset);
                } else if (step instanceof ReferencePlan.Ref ref) {
                    EntityType target = ref.entityIn(record);
                    if (value == null || target == null) {
                        continue;
                    }
                    if (ref.array()) {
                        List<?> ids = (List<?>) value;
                        List<String> out = new ArrayList<>(ids.size());
                        for (int i = 0; i < ids.size(); i++) {
                            String id = translate(ref, target, (String) ids.get(i), at, i);
                            if (id != null || ref.required()) {
                                out.add(id);
                            }
                        }
                        record.put(pos, out);
                    } else {
                        record.put(pos, translate(ref, target, (String) value, at, -1));
                    }
                } else if (step instanceof ReferencePlan.Nested nested && value != null) {
                    if (nested.array()) {
                        List<?> items = (List<?>) value;
                        List<SpecificRecordBase> out = new ArrayList<>(items.size());
                        for (int i = 0; i < items.size(); i++) {
                            SpecificRecordBase item = shallowCopy((SpecificRecordBase) items.get(i));
                            apply(nested.plan(), item, new Path(at, step.field().name(), i));
                            out.add(item);
                        }
                        record.put(pos, out);
                    } else {
                        SpecificRecordBase item = shallowCopy((SpecificRecordBase) value);
                        apply(nested.plan(), item, new Path(at, step.field().name(), -1));
                        record.put(pos, item);
                    }
                }
            }
        }

        private String translate(ReferencePlan.Ref ref, EntityType target, String id, Path at, int index) {
            if (id == null) {
                return null;
            }
            String counterpart = counterparts.find(target, source, id);
            if (counterpart == null) {
                if (ref.required()) {
                    missing.add(new MissingDependency(target, source, id));
                } else {
                    notes.add(new Path(at, ref.field().name(), index) + ": " + EntityRegistry.of(target).noun() + " " + id
                            + " is not mapped; sent without it");
                }
            }
            return counterpart;
        }
    }

    /** A field's place in the payload, e.g. {@code lines[2].itemRef} (1-based, as users count lines). */
    private record Path(Path parent, String field, int index) {

        @Override
        public String toString() {
            return (parent == null ? "" : parent + ".") + field + (index < 0 ? "" : "[" + (index + 1) + "]");
        }
    }
}
