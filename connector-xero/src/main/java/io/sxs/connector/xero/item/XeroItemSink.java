package io.sxs.connector.xero.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.connector.xero.sink.XeroEntitySink;
import io.sxs.schemas.entity.Item;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ResultStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Items in the Xero sink. The code is an item's identity in both systems: a create whose code Xero already has
 * adopts that item (it is the same product, made by a user or by an earlier attempt) instead of failing. A delete is
 * Xero's hard DELETE; an item already gone counts as deleted.
 */
public final class XeroItemSink implements XeroEntitySink {

    @Override
    public String collection() {
        return "Items";
    }

    @Override
    public String idField() {
        return "ItemID";
    }

    @Override
    public Map<String, String> query() {
        return Map.of("unitdp", "4");
    }

    @Override
    public ObjectNode createElement(Command command) throws MappingException {
        Item item = payload(command);
        return XeroItemMapper.toRequest(item, null, item.getCode());
    }

    @Override
    public ObjectNode updateElement(Command command) throws MappingException {
        Item item = payload(command);
        return XeroItemMapper.toRequest(item, command.getTargetId(), item.getCode());
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode element) throws MappingException {
        return XeroItemMapper.toCanonical(element);
    }

    @Override
    public ObjectNode asRequest(JsonNode element) throws MappingException {
        Item item = XeroItemMapper.toCanonical(element);
        return XeroItemMapper.toRequest(item, item.getId(), item.getCode());
    }

    @Override
    public boolean isDuplicate(List<String> messages) {
        return messages.stream().map(m -> m.toLowerCase(Locale.ROOT))
                .anyMatch(m -> m.contains("item code") && m.contains("already exists"));
    }

    @Override
    public Optional<JsonNode> findExisting(XeroSession session, ObjectNode sent) throws ApiException {
        String code = XeroFields.text(sent, "Code");
        if (code == null || code.contains("\"")) {
            return Optional.empty();
        }
        Map<String, String> q = new LinkedHashMap<>(query());
        q.put("where", "Code==\"" + code + "\"");
        for (JsonNode i : session.get(collection(), q, null).items(collection())) {
            if (code.equalsIgnoreCase(XeroFields.text(i, "Code"))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public String clash(JsonNode existing, ObjectNode sent) {
        String code = XeroFields.text(sent, "Code");
        if (existing != null && code != null && code.equalsIgnoreCase(XeroFields.text(existing, "Code"))) {
            return null;
        }
        return "item code '" + code + "' is taken in Xero, and no item with that code could be found to link to";
    }

    @Override
    public DeletePlan planDelete(XeroSession session, Command command) throws ApiException {
        if (command.getTargetId() == null) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "cannot delete an item without its Xero ItemID", List.of(), 0));
        }
        try {
            session.delete(collection() + "/" + command.getTargetId());
        } catch (ApiException e) {
            if (e.kind() != ApiException.Kind.NOT_FOUND) {
                throw e;
            }
            // Already gone: a user deleted it, or an earlier attempt did.
        }
        return DeletePlan.done(Results.ok(command, command.getTargetId(), null, null, 0));
    }

    private static Item payload(Command command) throws MappingException {
        if (!(command.getPayload() instanceof Item item)) {
            throw new MappingException("ITEM command " + command.getCommandId() + " carries no Item payload");
        }
        return item;
    }
}
