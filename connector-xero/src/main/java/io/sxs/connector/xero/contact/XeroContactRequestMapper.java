package io.sxs.connector.xero.contact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.ContactPerson;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;

/**
 * Canonical {@link Contact} to a Xero Contacts request element. Read-only fields (IsCustomer, IsSupplier, Website,
 * MergedToContactID, UpdatedDateUTC) are never sent. Xero keeps omitted scalars on update, so an update sends
 * {@code ""} for a cleared field; arrays are always sent because Xero replaces them whole.
 */
public final class XeroContactRequestMapper {

    private XeroContactRequestMapper() {
    }

    /**
     * @param contactId     the Xero ContactID for an update, null for a create
     * @param contactNumber the ContactNumber to send (the payload's, or the pipeline's own reference)
     */
    public static ObjectNode toRequest(Contact c, String contactId, String contactNumber) throws MappingException {
        if (c.getName() == null || c.getName().isBlank()) {
            throw new MappingException("contact has no name; Xero requires one");
        }
        boolean update = contactId != null;
        ObjectNode o = XeroJson.NODES.objectNode();
        if (update) {
            o.put("ContactID", contactId);
        }
        scalar(o, "ContactNumber", contactNumber, update);
        o.put("Name", c.getName().trim());
        scalar(o, "FirstName", c.getFirstName(), update);
        scalar(o, "LastName", c.getLastName(), update);
        scalar(o, "EmailAddress", c.getEmail(), update);
        scalar(o, "TaxNumber", c.getTaxNumber(), update);
        scalar(o, "CompanyNumber", c.getCompanyNumber(), update);
        scalar(o, "BankAccountDetails", c.getBankAccountNumber(), update);
        // An empty currency code is not a valid value: leave it out rather than clear it.
        scalar(o, "DefaultCurrency", c.getDefaultCurrency(), false);
        o.put("ContactStatus", c.getStatus() == RecordStatus.ACTIVE ? "ACTIVE" : "ARCHIVED");
        ArrayNode addresses = o.putArray("Addresses");
        for (Address a : c.getAddresses()) {
            ObjectNode x = addresses.addObject();
            scalar(x, "AddressType", a.getType(), false);
            scalar(x, "AddressLine1", a.getLine1(), false);
            scalar(x, "AddressLine2", a.getLine2(), false);
            scalar(x, "City", a.getCity(), false);
            scalar(x, "Region", a.getRegion(), false);
            scalar(x, "PostalCode", a.getPostalCode(), false);
            scalar(x, "Country", a.getCountry(), false);
        }
        ArrayNode phones = o.putArray("Phones");
        for (Phone p : c.getPhones()) {
            phones.addObject().put("PhoneType", p.getType()).put("PhoneNumber", p.getNumber());
        }
        ArrayNode persons = o.putArray("ContactPersons");
        for (ContactPerson p : c.getPersons()) {
            ObjectNode x = persons.addObject();
            scalar(x, "FirstName", p.getFirstName(), false);
            scalar(x, "LastName", p.getLastName(), false);
            scalar(x, "EmailAddress", p.getEmail(), false);
        }
        return o;
    }

    /** The element that archives a contact (Xero has no contact delete). */
    public static ObjectNode archive(String contactId) {
        ObjectNode o = XeroJson.NODES.objectNode();
        o.put("ContactID", contactId);
        o.put("ContactStatus", "ARCHIVED");
        return o;
    }

    private static void scalar(ObjectNode o, String field, String value, boolean clearWhenNull) {
        if (value != null) {
            o.put(field, value);
        } else if (clearWhenNull) {
            o.put(field, "");
        }
    }
}
