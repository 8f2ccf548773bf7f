package io.sxs.connector.scoro.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one Jackson configuration of this connector: floats are read as exact {@link java.math.BigDecimal} (keeping
 * trailing zeros) and written in plain notation, so money never passes through a double.
 */
public final class ScoroJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ScoroJson() {
    }

    /** Parses JSON text; throws {@link IOException} when it is not JSON. */
    public static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scoro validates ids as integers: numeric ids go out as numbers. */
    public static void addId(com.fasterxml.jackson.databind.node.ArrayNode array, String id) {
        if (id.matches("\\d{1,18}")) {
            array.add(Long.parseLong(id));
        } else {
            array.add(id);
        }
    }
}
