package io.sxs.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/**
 * Build-time compatibility gate: every released version of every topic type (src/test/resources/schema-baseline/
 * FullName/vN.avsc) must stay readable by the current schema, and the current schema by it (FULL compatibility),
 * because topics are replayed for audit long after the writer was upgraded. To release a changed schema, add the
 * new version as the next vN.avsc file.
 */
class SchemaCompatibilityTest {

    private static final Path BASELINE = Path.of("src/test/resources/schema-baseline");

    @Test
    void currentSchemasAreFullyCompatibleWithEveryReleasedVersion() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Class<? extends SpecificRecordBase> type : SchemaCatalog.TOP_LEVEL_TYPES) {
            Schema current = SchemaCatalog.schemaOf(type);
            Path dir = BASELINE.resolve(current.getFullName());
            if (Boolean.getBoolean("sxs.writeBaseline") && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("v1.avsc"), current.toString(true));
            }
            assertThat(dir).as("baseline for " + current.getFullName()).isDirectory();
            try (Stream<Path> versions = Files.list(dir)) {
                for (Path version : versions.sorted().toList()) {
                    Schema old = new Schema.Parser().parse(Files.readString(version));
                    check(problems, "current reads " + version, current, old);
                    check(problems, version + " reads current", old, current);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void volatileFieldsHaveDefaultsSoTheHasherCanResetThem() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends SpecificRecordBase> type : SchemaCatalog.TOP_LEVEL_TYPES) {
            collect(SchemaCatalog.schemaOf(type), missing, new ArrayList<>());
        }
        assertThat(missing).isEmpty();
    }

    private static void collect(Schema schema, List<String> missing, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                for (Schema.Field field : schema.getFields()) {
                    if (Boolean.TRUE.equals(field.getObjectProp("sxs.volatile")) && !field.hasDefaultValue()) {
                        missing.add(schema.getFullName() + "." + field.name());
                    }
                    collect(field.schema(), missing, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collect(t, missing, seen));
            case ARRAY -> collect(schema.getElementType(), missing, seen);
            default -> { }
        }
    }

    private static void check(List<String> problems, String what, Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            problems.add(what + ": " + result.getResult().getIncompatibilities());
        }
    }

}
