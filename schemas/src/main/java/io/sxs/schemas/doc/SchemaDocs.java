package io.sxs.schemas.doc;

import io.sxs.schemas.serde.SchemaCatalog;
import io.sxs.schemas.topic.TopicSpec;
import io.sxs.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The schema reference for consumers of the topics (docs/schemas.md): every topic with its key and value, and every
 * record and enum reachable from them with their fields' types, defaults and docs, generated from the schemas
 * themselves so a consumer knows what each field means without reading {@code .avsc} files.
 */
public final class SchemaDocs {

    private SchemaDocs() {
    }

    /** Writes the page to the given path (default {@code docs/schemas.md}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/schemas.md");
        Files.writeString(out, markdown());
    }

    public static String markdown() {
        Map<String, Schema> named = new LinkedHashMap<>();
        for (Class<? extends org.apache.avro.specific.SpecificRecordBase> type : SchemaCatalog.TOP_LEVEL_TYPES) {
            collect(SchemaCatalog.schemaOf(type), named);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Topic and schema reference\n\n")
                .append("Generated from the Avro schemas by `io.sxs.schemas.doc.SchemaDocs` (`SchemaDocsTest` keeps it current: run it\n")
                .append("with `-Dsxs.writeSchemaDocs=true` after changing a schema). Every value, and every record key, is Avro\n")
                .append("single-object encoded (`C3 01`, the schema's 8-byte fingerprint, the body); the writer schemas are on\n")
                .append("`sxs.schemas`, keyed by fingerprint, so a consumer with only the `schemas` module decodes any record.\n\n")
                .append("## Topics\n\n| Topic | Cleanup | Key | Value | Purpose |\n|---|---|---|---|---|\n");
        for (TopicSpec t : Topics.ALL) {
            md.append("| `").append(t.name()).append("` | ").append(t.compacted() ? "compact" : "delete").append(" | ")
                    .append(link(t.key(), named)).append(" | ").append(link(t.value(), named)).append(" | ")
                    .append(t.purpose()).append(" |\n");
        }
        md.append("\n## Records\n");
        for (Schema s : named.values()) {
            if (s.getType() == Schema.Type.RECORD) {
                md.append("\n### ").append(s.getName()).append("\n\n");
                if (s.getDoc() != null) {
                    md.append(oneLine(s.getDoc())).append("\n\n");
                }
                md.append("`").append(s.getFullName()).append("`\n\n| Field | Type | Default | Meaning |\n|---|---|---|---|\n");
                for (Schema.Field f : s.getFields()) {
                    md.append("| `").append(f.name()).append("` | ").append(type(f.schema())).append(" | ")
                            .append(f.hasDefaultValue() ? "`" + defaultOf(f) + "`" : "")
                            .append(" | ").append(f.doc() == null ? "" : oneLine(f.doc())).append(" |\n");
                }
            }
        }
        md.append("\n## Enums\n\n| Enum | Values | Meaning |\n|---|---|---|\n");
        for (Schema s : named.values()) {
            if (s.getType() == Schema.Type.ENUM) {
                md.append("| <a id=\"").append(anchor(s.getName())).append("\"></a>`").append(s.getName()).append("` | ")
                        .append(String.join(", ", s.getEnumSymbols())).append(" | ")
                        .append(s.getDoc() == null ? "" : oneLine(s.getDoc())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static void collect(Schema s, Map<String, Schema> named) {
        switch (s.getType()) {
            case RECORD -> {
                if (named.putIfAbsent(s.getFullName(), s) == null) {
                    s.getFields().forEach(f -> collect(f.schema(), named));
                }
            }
            case ENUM -> named.putIfAbsent(s.getFullName(), s);
            case UNION -> s.getTypes().forEach(t -> collect(t, named));
            case ARRAY -> collect(s.getElementType(), named);
            case MAP -> collect(s.getValueType(), named);
            default -> { }
        }
    }

    private static String type(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        if (logical != null) {
            return switch (logical.getName()) {
                case "timestamp-millis" -> "timestamp (ms, UTC)";
                case "timestamp-micros" -> "timestamp (µs, UTC)";
                case "date" -> "date";
                default -> logical.getName();
            };
        }
        return switch (s.getType()) {
            case RECORD, ENUM -> "[" + s.getName() + "](#" + anchor(s.getName()) + ")";
            case ARRAY -> "array of " + type(s.getElementType());
            case MAP -> "map of " + type(s.getValueType());
            case UNION -> {
                List<String> parts = new ArrayList<>();
                boolean optional = false;
                for (Schema t : s.getTypes()) {
                    if (t.getType() == Schema.Type.NULL) {
                        optional = true;
                    } else {
                        parts.add(type(t));
                    }
                }
                yield String.join(" or ", parts) + (optional ? ", optional" : "");
            }
            default -> s.getType().getName();
        };
    }

    private static String defaultOf(Schema.Field f) {
        Object d = f.defaultVal();
        return (d == org.apache.avro.JsonProperties.NULL_VALUE ? "null" : String.valueOf(d)).replace("|", "\\|");
    }

    private static String link(String described, Map<String, Schema> named) {
        for (Schema s : named.values()) {
            if (s.getName().equals(described)) {
                return "[" + described + "](#" + anchor(described) + ")";
            }
        }
        return described;
    }

    private static String anchor(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String doc) {
        return doc.replace("\n", " ").replace("|", "\\|").trim();
    }
}
