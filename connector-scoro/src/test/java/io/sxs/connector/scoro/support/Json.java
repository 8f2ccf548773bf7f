package io.sxs.connector.scoro.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.scoro.client.ScoroJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test JSON: inline text (single quotes allowed for readability) or a classpath resource. */
public final class Json {

    private Json() {
    }

    public static JsonNode of(String text) {
        try {
            return ScoroJson.parse(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode resource(String name) {
        try (InputStream in = Json.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return ScoroJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
