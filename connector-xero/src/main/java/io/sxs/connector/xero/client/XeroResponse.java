package io.sxs.connector.xero.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful (2xx) Xero reply: status and parsed body. */
public record XeroResponse(int status, JsonNode body) {

    /** The envelope's array of items, e.g. {@code Contacts}; an empty array when absent. */
    public JsonNode items(String collection) {
        JsonNode node = body == null ? null : body.get(collection);
        return node != null && node.isArray() ? node : XeroJson.NODES.arrayNode();
    }
}
