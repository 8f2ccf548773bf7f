package io.sxs.connector.scoro.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.schemas.envelope.Command;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Writes of a Scoro reference module that Xero owns (VAT codes, finance accounts, accounting objects). Scoro usually
 * holds such items before the pipeline does, so a create first takes the item with the same key: from the cached
 * reference lists when they carry the module (no call when it already says what Xero says, one update when it
 * differs), else by one lookup. A removed item is deactivated ({@code is_active} 0), because documents may use it.
 *
 * @param <T> the canonical payload
 */
public final class ReferenceWrites<T extends SpecificRecordBase> implements EntityWrites {

    private final String module;
    private final String idField;
    private final String keyField;
    private final Class<T> type;
    private final Function<T, ObjectNode> request;
    private final Function<JsonNode, T> canonical;
    private final BiFunction<String, ReferenceData, JsonNode> cached;
    private final BiFunction<T, ReferenceNeeds, ReferenceNeeds> needs;

    /**
     * @param keyField the field an item is found by (its code or name)
     * @param cached   the cached row holding a key, or null when the reference lists do not carry the module
     * @param needs    adds the payload's key to what the cached lists must know (so that they are loaded, and re-read
     *                 for an unknown key at most once a minute), or null when they do not carry the module
     */
    public ReferenceWrites(String module, String idField, String keyField, Class<T> type, Function<T, ObjectNode> request,
                           Function<JsonNode, T> canonical, BiFunction<String, ReferenceData, JsonNode> cached,
                           BiFunction<T, ReferenceNeeds, ReferenceNeeds> needs) {
        this.module = module;
        this.idField = idField;
        this.keyField = keyField;
        this.type = type;
        this.request = request;
        this.canonical = canonical;
        this.cached = cached;
        this.needs = needs;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public String idField() {
        return idField;
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        if (needs == null || command.getPayload() == null) {
            return new ReferenceNeeds();
        }
        return needs.apply(type.cast(command.getPayload()), new ReferenceNeeds());
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        return request.apply(type.cast(command.getPayload()));
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        JsonNode key = request.get(keyField);
        return key == null || key.asText().isBlank() ? null : new LookupKey(keyField, key.asText());
    }

    @Override
    public boolean cachedLists() {
        return cached != null;
    }

    @Override
    public JsonNode existing(LookupKey key, ReferenceData refs) {
        return cached == null ? null : cached.apply(key.value(), refs);
    }

    @Override
    public boolean mayPreexist() {
        return true;
    }

    @Override
    public ObjectNode deactivation() {
        return ScoroJson.object().put("is_active", 0);
    }

    @Override
    public boolean complete(JsonNode object) {
        return true;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return canonical.apply(object);
    }
}
