package io.sxs.connector.xero.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.connector.xero.sink.XeroEntitySink;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ResultStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Contacts in the Xero sink. The pipeline recognises its own contacts by ContactNumber: a Scoro contact without a
 * number is written with {@code SCORO-<scoro id>}. A delete archives (Xero has no contact delete).
 */
public class XeroContactSink implements XeroEntitySink {

    public static final String SCORO_NUMBER_PREFIX = "SCORO-";

    @Override
    public String collection() {
        return "Contacts";
    }

    @Override
    public String idField() {
        return "ContactID";
    }

    @Override
    public Map<String, String> query() {
        return Map.of();
    }

    @Override
    public ObjectNode createElement(Command command) throws MappingException {
        Contact c = payload(command);
        return XeroContactRequestMapper.toRequest(c, null, contactNumber(command, c));
    }

    @Override
    public ObjectNode updateElement(Command command) throws MappingException {
        Contact c = payload(command);
        return XeroContactRequestMapper.toRequest(c, command.getTargetId(), contactNumber(command, c));
    }

    /** The payload's own number, else the pipeline's reference for a contact that came from Scoro. */
    public static String contactNumber(Command command, Contact c) {
        if (c.getNumber() != null && !c.getNumber().isBlank()) {
            return c.getNumber();
        }
        return command.getSourceSystem() == SystemType.SCORO ? SCORO_NUMBER_PREFIX + command.getSourceId() : null;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode element) throws MappingException {
        return XeroContactMapper.toCanonical(element);
    }

    @Override
    public ObjectNode asRequest(JsonNode element) throws MappingException {
        Contact c = XeroContactMapper.toCanonical(element);
        return XeroContactRequestMapper.toRequest(c, c.getId(), c.getNumber());
    }

    @Override
    public boolean isDuplicate(List<String> messages) {
        return messages.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("already assigned to another contact"));
    }

    /**
     * The contact holding the key the create collided on: by ContactNumber (the pipeline's own earlier write), else
     * the active contact whose name differs at most in case (Xero names are unique among active contacts,
     * case-insensitively), found with {@code searchTerm}.
     */
    @Override
    public Optional<JsonNode> findExisting(XeroSession session, ObjectNode sent) throws ApiException {
        String number = XeroFields.text(sent, "ContactNumber");
        if (number != null && !number.contains("\"")) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("where", "ContactNumber==\"" + number + "\"");
            q.put("includeArchived", "true");
            q.put("page", "1");
            JsonNode found = null;
            for (JsonNode c : session.get(collection(), q, null).items(collection())) {
                if (number.equals(XeroFields.text(c, "ContactNumber"))
                        && (found == null || "ACTIVE".equals(XeroFields.text(c, "ContactStatus")))) {
                    found = c;
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        String name = XeroFields.text(sent, "Name");
        if (name == null) {
            return Optional.empty();
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("searchTerm", name);
        q.put("page", "1");
        for (JsonNode c : session.get(collection(), q, null).items(collection())) {
            if (name.equalsIgnoreCase(XeroFields.text(c, "Name")) && "ACTIVE".equals(XeroFields.text(c, "ContactStatus"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Null (adopt) for the pipeline's own earlier write, and for a contact whose name differs only in case and that
     * carries no other number: it is the same contact, linked instead of failing.
     */
    @Override
    public String clash(JsonNode existing, ObjectNode sent) {
        String number = XeroFields.text(sent, "ContactNumber");
        if (existing != null && number != null && number.equals(XeroFields.text(existing, "ContactNumber"))) {
            return null;
        }
        String name = XeroFields.text(sent, "Name");
        String existingNumber = existing == null ? null : XeroFields.text(existing, "ContactNumber");
        if (existing != null && name != null && name.equalsIgnoreCase(XeroFields.text(existing, "Name"))
                && (existingNumber == null || existingNumber.equals(number))) {
            return null;
        }
        return "contact name '" + name + "' is already used by another Xero contact"
                + (existingNumber == null ? "" : " (ContactNumber " + existingNumber + ")")
                + (number == null ? "" : "; no contact has ContactNumber " + number);
    }

    @Override
    public DeletePlan planDelete(XeroSession session, Command command) {
        if (command.getTargetId() == null) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "cannot archive a contact without its Xero ContactID", List.of(), 0));
        }
        return DeletePlan.post(XeroContactRequestMapper.archive(command.getTargetId()));
    }

    private static Contact payload(Command command) throws MappingException {
        if (!(command.getPayload() instanceof Contact c)) {
            throw new MappingException("CONTACT command " + command.getCommandId() + " carries no Contact payload");
        }
        return c;
    }
}
