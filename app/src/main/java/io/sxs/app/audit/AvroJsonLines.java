package io.sxs.app.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/** Avro records as JSON lines (Avro's JSON encoding, one record per line): readable, and read back exactly. */
final class AvroJsonLines {

    private AvroJsonLines() {
    }

    static <T extends SpecificRecordBase> void write(Path file, Collection<T> records, Schema schema, Class<T> type) {
        StringBuilder out = new StringBuilder();
        // By class, so that the generated model's logical-type conversions (decimals, dates) are used.
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
        try {
            for (T record : records) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, bytes, false);
                writer.write(record, encoder);
                encoder.flush();
                out.append(bytes.toString(StandardCharsets.UTF_8)).append('\n');
            }
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends SpecificRecordBase> List<T> read(Path file, Schema schema, Class<T> type) {
        List<T> out = new ArrayList<>();
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(reader.read(null, DecoderFactory.get().jsonDecoder(schema, line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable rebuilt copy " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
