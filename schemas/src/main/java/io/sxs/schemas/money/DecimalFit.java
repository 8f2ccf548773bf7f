package io.sxs.schemas.money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Whether every decimal of a record fits the precision and scale its schema gives it. An amount read from an API
 * that does not fit (a 400-digit number) could not be encoded onto a topic; found here, it is reported against its
 * record instead of failing the write of everything read with it.
 */
public final class DecimalFit {

    private DecimalFit() {
    }

    /** Null when every decimal fits, else which one does not, e.g. {@code lines[0].quantity 1E+400 exceeds decimal(18,4)}. */
    public static String problem(IndexedRecord record) {
        return record == null ? null : check(record.getSchema(), record, "");
    }

    private static String check(Schema schema, Object value, String path) {
        if (value == null) {
            return null;
        }
        switch (schema.getType()) {
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    if (matches(branch, value)) {
                        return check(branch, value, path);
                    }
                }
                return null;
            }
            case RECORD -> {
                if (!(value instanceof IndexedRecord r)) {
                    return null;
                }
                for (Schema.Field f : schema.getFields()) {
                    String problem = check(f.schema(), r.get(f.pos()), path.isEmpty() ? f.name() : path + "." + f.name());
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            case ARRAY -> {
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        String problem = check(schema.getElementType(), list.get(i), path + "[" + i + "]");
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                return null;
            }
            case MAP -> {
                if (value instanceof Map<?, ?> map) {
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        String problem = check(schema.getValueType(), e.getValue(), path + "[" + e.getKey() + "]");
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                return null;
            }
            default -> {
                LogicalType logical = schema.getLogicalType();
                if (logical instanceof LogicalTypes.Decimal d && value instanceof BigDecimal v) {
                    if (v.scale() != d.getScale() || v.precision() > d.getPrecision()) {
                        return path + " " + v + " does not fit decimal(" + d.getPrecision() + "," + d.getScale() + ")";
                    }
                }
                return null;
            }
        }
    }

    private static boolean matches(Schema branch, Object value) {
        return switch (branch.getType()) {
            case NULL -> false;
            case RECORD -> value instanceof IndexedRecord r && r.getSchema().getFullName().equals(branch.getFullName());
            case ARRAY -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
            case BYTES, FIXED -> branch.getLogicalType() instanceof LogicalTypes.Decimal ? value instanceof BigDecimal
                    : value instanceof java.nio.ByteBuffer || value instanceof org.apache.avro.generic.GenericFixed;
            default -> !(value instanceof IndexedRecord || value instanceof List<?> || value instanceof Map<?, ?>);
        };
    }
}
