package io.sxs.schemas.hash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Hash of an item's business content: the Avro binary form of a copy whose fields marked {@code "sxs.volatile": true}
 * (system-assigned line ids, timestamps, derived amounts) are reset to their defaults. The same content read from a
 * system, or returned by it after a write, hashes the same, which is what echo suppression compares. An enum field
 * marked {@code "sxs.hashAs": {"SYMBOL": "OTHER"}} hashes the symbol as the other one (a document's PAID status is the
 * state of its payments, which sync on their own).
 */
public final class ContentHasher {

    public static final String VOLATILE_PROPERTY = "sxs.volatile";
    public static final String HASH_AS_PROPERTY = "sxs.hashAs";
    public static final String DELETED = "deleted";

    private ContentHasher() {
    }

    public static String hash(SpecificRecordBase record) {
        if (record == null) {
            return DELETED;
        }
        SpecificRecordBase copy = record.getSpecificData().deepCopy(record.getSchema(), record);
        reset(copy, record.getSpecificData());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecordBase>(copy.getSchema(), copy.getSpecificData()).write(copy, encoder);
            encoder.flush();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(record.getSchema().getFullName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(out.toByteArray()), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object hashedAs(Enum<?> symbol, String other) {
        return Enum.valueOf((Class) symbol.getDeclaringClass(), other);
    }

    private static void reset(Object value, GenericData model) {
        if (value instanceof IndexedRecord rec) {
            for (Schema.Field field : rec.getSchema().getFields()) {
                if (Boolean.TRUE.equals(field.getObjectProp(VOLATILE_PROPERTY))) {
                    rec.put(field.pos(), model.getDefaultValue(field));
                } else if (field.getObjectProp(HASH_AS_PROPERTY) instanceof java.util.Map<?, ?> as
                        && rec.get(field.pos()) instanceof Enum<?> symbol && as.get(symbol.name()) instanceof String other) {
                    rec.put(field.pos(), hashedAs(symbol, other));
                } else {
                    reset(rec.get(field.pos()), model);
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> reset(item, model));
        }
    }
}
