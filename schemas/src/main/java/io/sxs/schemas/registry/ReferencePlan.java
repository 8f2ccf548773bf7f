package io.sxs.schemas.registry;

import io.sxs.schemas.common.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The fields of a payload schema that matter when an item is written to the other system, compiled once from the
 * schema's marks:
 * <ul>
 *   <li>{@code "sxs.ref": "CONTACT"}: an id (or array of ids) of another synced item in the record's own system; it is
 *       translated through the ID map. {@code "sxs.ref": "@documentEntity"} takes the entity from that sibling field.
 *       Required unless {@code "sxs.optional": true} (then an unmapped id is left off with a note).</li>
 *   <li>{@code "sxs.local": true}: meaningful only in the record's own system (line ids, allocations); reset to its
 *       default in the copy for the other system.</li>
 *   <li>{@code "sxs.codeOf": "itemRef"}: a string holding the code of the item a sibling reference names (Xero lines
 *       name items by code); when that reference translates, it is set to the referenced item's code.</li>
 *   <li>Records and arrays of records are planned recursively; fields without any mark below them cost nothing.</li>
 * </ul>
 */
public final class ReferencePlan {

    public static final String REF = "sxs.ref";
    public static final String OPTIONAL = "sxs.optional";
    public static final String LOCAL = "sxs.local";
    public static final String CODE_OF = "sxs.codeOf";

    private static final Map<String, ReferencePlan> PLANS = new ConcurrentHashMap<>();

    /** One marked field. */
    public sealed interface Step permits Ref, Local, Nested, Code {
        Schema.Field field();
    }

    /**
     * @param entity      the referenced entity, or null when {@code entityField} names it per record
     * @param entityField position of the sibling field holding the entity, or -1
     * @param array       true for an array of ids
     */
    public record Ref(Schema.Field field, EntityType entity, int entityField, boolean required, boolean array)
            implements Step {

        /** The entity this reference points at in {@code record}, or null when its entity field is empty. */
        public EntityType entityIn(org.apache.avro.generic.IndexedRecord record) {
            return entity != null ? entity : (EntityType) record.get(entityField);
        }
    }

    public record Local(Schema.Field field) implements Step {
    }

    /** A code field filled from the item that the sibling reference {@code ref} names. */
    public record Code(Schema.Field field, Ref ref) implements Step {
    }

    public record Nested(Schema.Field field, ReferencePlan plan, boolean array) implements Step {
    }

    private final Schema schema;
    private final List<Step> steps;

    private ReferencePlan(Schema schema, List<Step> steps) {
        this.schema = schema;
        this.steps = List.copyOf(steps);
    }

    public static ReferencePlan of(Schema record) {
        ReferencePlan known = PLANS.get(record.getFullName());
        if (known != null) {
            return known;
        }
        ReferencePlan plan = compile(record, new ArrayList<>());
        PLANS.putIfAbsent(record.getFullName(), plan);
        return plan;
    }

    private static ReferencePlan compile(Schema record, List<String> path) {
        if (record.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(record.getFullName() + " is not a record");
        }
        if (path.contains(record.getFullName())) {
            throw new IllegalArgumentException("recursive payload schema: " + path + " -> " + record.getFullName());
        }
        path.add(record.getFullName());
        List<Step> steps = new ArrayList<>();
        List<Schema.Field> codeFields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            if (field.getObjectProp(CODE_OF) != null) {
                codeFields.add(field);
                continue;
            }
            Schema type = nonNull(field.schema());
            Object ref = field.getObjectProp(REF);
            if (Boolean.TRUE.equals(field.getObjectProp(LOCAL))) {
                if (!field.hasDefaultValue()) {
                    throw new IllegalArgumentException(where(record, field) + " is sxs.local but has no default");
                }
                steps.add(new Local(field));
            } else if (ref != null) {
                steps.add(reference(record, field, type, String.valueOf(ref)));
            } else if (type.getType() == Schema.Type.RECORD) {
                ReferencePlan nested = compile(type, path);
                if (!nested.isEmpty()) {
                    steps.add(new Nested(field, nested, false));
                }
            } else if (type.getType() == Schema.Type.ARRAY && nonNull(type.getElementType()).getType() == Schema.Type.RECORD) {
                ReferencePlan nested = compile(nonNull(type.getElementType()), path);
                if (!nested.isEmpty()) {
                    steps.add(new Nested(field, nested, true));
                }
            }
        }
        path.remove(path.size() - 1);
        // Codes first: they read the references' ids before those are translated.
        List<Step> ordered = new ArrayList<>();
        for (Schema.Field field : codeFields) {
            ordered.add(code(record, field, String.valueOf(field.getObjectProp(CODE_OF)), steps));
        }
        ordered.addAll(steps);
        return new ReferencePlan(record, ordered);
    }

    private static Ref reference(Schema record, Schema.Field field, Schema type, String target) {
        boolean array = type.getType() == Schema.Type.ARRAY;
        Schema idType = array ? nonNull(type.getElementType()) : type;
        if (idType.getType() != Schema.Type.STRING) {
            throw new IllegalArgumentException(where(record, field) + " is sxs.ref but not a string id");
        }
        boolean required = !Boolean.TRUE.equals(field.getObjectProp(OPTIONAL));
        if (target.startsWith("@")) {
            Schema.Field entityField = record.getField(target.substring(1));
            if (entityField == null || !EntityType.class.getName().equals(nonNull(entityField.schema()).getFullName())) {
                throw new IllegalArgumentException(where(record, field) + " names " + target + ", not an EntityType field");
            }
            return new Ref(field, null, entityField.pos(), required, array);
        }
        try {
            return new Ref(field, EntityType.valueOf(target), -1, required, array);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(record, field) + " references unknown entity " + target, e);
        }
    }

    private static Code code(Schema record, Schema.Field field, String refName, List<Step> steps) {
        if (nonNull(field.schema()).getType() != Schema.Type.STRING) {
            throw new IllegalArgumentException(where(record, field) + " is sxs.codeOf but not a string");
        }
        for (Step step : steps) {
            if (step instanceof Ref ref && !ref.array() && step.field().name().equals(refName)) {
                return new Code(field, ref);
            }
        }
        throw new IllegalArgumentException(where(record, field) + " is sxs.codeOf " + refName
                + ", which is not a single sxs.ref of the same record");
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        Schema only = null;
        for (Schema s : schema.getTypes()) {
            if (s.getType() != Schema.Type.NULL) {
                if (only != null) {
                    return schema; // a real union: not planned
                }
                only = s;
            }
        }
        return only == null ? schema : only;
    }

    private static String where(Schema record, Schema.Field field) {
        return record.getFullName() + "." + field.name();
    }

    public Schema schema() {
        return schema;
    }

    /** The entities this record's references name statically (through nested records too). */
    public java.util.Set<EntityType> referencedEntities() {
        java.util.Set<EntityType> out = java.util.EnumSet.noneOf(EntityType.class);
        for (Step step : steps) {
            if (step instanceof Ref r && r.entity() != null) {
                out.add(r.entity());
            } else if (step instanceof Code c && c.ref().entity() != null) {
                out.add(c.ref().entity());
            } else if (step instanceof Nested n) {
                out.addAll(n.plan().referencedEntities());
            }
        }
        return out;
    }

    public List<Step> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Every reference in the plan with its field path, e.g. {@code lines[].itemRef -> ITEM}, for documentation. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        describe("", out);
        return out;
    }

    private void describe(String prefix, List<String> out) {
        for (Step step : steps) {
            String name = prefix + step.field().name();
            if (step instanceof Ref r) {
                out.add(name + (r.array() ? "[]" : "") + " -> "
                        + (r.entity() != null ? r.entity() : "@" + schema.getFields().get(r.entityField()).name())
                        + (r.required() ? "" : " (optional)"));
            } else if (step instanceof Nested n) {
                n.plan().describe(name + (n.array() ? "[]." : "."), out);
            } else if (step instanceof Code c) {
                out.add(name + " (code of " + prefix + c.ref().field().name() + ")");
            } else {
                out.add(name + " (local)");
            }
        }
    }
}
