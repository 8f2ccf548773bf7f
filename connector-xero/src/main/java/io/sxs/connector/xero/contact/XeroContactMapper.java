package io.sxs.connector.xero.contact;

import static io.sxs.connector.xero.mapping.XeroFields.bool;
import static io.sxs.connector.xero.mapping.XeroFields.guid;
import static io.sxs.connector.xero.mapping.XeroFields.requiredText;
import static io.sxs.connector.xero.mapping.XeroFields.text;
import static io.sxs.connector.xero.mapping.XeroFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.ContactPerson;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Xero Contact JSON to the canonical {@link Contact}. Xero's empty address and phone slots (it always returns the
 * POBOX/STREET and DEFAULT/DDI/FAX/MOBILE shapes) are dropped and the rest ordered by type, so the same contact
 * hashes the same whether it came from a GET, a PUT reply or a POST reply.
 */
public final class XeroContactMapper {

    private XeroContactMapper() {
    }

    public static Contact toCanonical(JsonNode c) throws MappingException {
        if (c == null || !c.isObject()) {
            throw new MappingException("contact is not a JSON object");
        }
        String id = requiredText(c, "ContactID");
        String name = text(c, "Name");
        if (name == null) {
            throw new MappingException("contact " + id + " has no Name");
        }
        return Contact.newBuilder()
                .setId(id)
                .setNumber(text(c, "ContactNumber"))
                .setName(name)
                .setFirstName(text(c, "FirstName"))
                .setLastName(text(c, "LastName"))
                .setEmail(text(c, "EmailAddress"))
                .setIsCustomer(bool(c, "IsCustomer"))
                .setIsSupplier(bool(c, "IsSupplier"))
                .setTaxNumber(text(c, "TaxNumber"))
                .setCompanyNumber(text(c, "CompanyNumber"))
                .setBankAccountNumber(text(c, "BankAccountDetails"))
                .setDefaultCurrency(text(c, "DefaultCurrency"))
                .setWebsite(text(c, "Website"))
                .setAddresses(addresses(c.get("Addresses")))
                .setPhones(phones(c.get("Phones")))
                .setPersons(persons(c.get("ContactPersons")))
                .setStatus(status(id, text(c, "ContactStatus")))
                .setMergedToRef(guid(c, "MergedToContactID"))
                .setUpdatedAt(timestamp(c, "UpdatedDateUTC"))
                .build();
    }

    static RecordStatus status(String id, String xero) throws MappingException {
        if (xero == null) {
            return RecordStatus.ACTIVE;
        }
        return switch (xero) {
            case "ACTIVE" -> RecordStatus.ACTIVE;
            // A GDPR request makes the contact unusable, like an archive.
            case "ARCHIVED", "GDPRREQUEST" -> RecordStatus.ARCHIVED;
            default -> throw new MappingException("contact " + id + " has unknown ContactStatus '" + xero + "'");
        };
    }

    private static List<Address> addresses(JsonNode arr) throws MappingException {
        List<Address> out = new ArrayList<>();
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw new MappingException("Addresses is not an array");
        }
        for (JsonNode a : arr) {
            Address address = Address.newBuilder()
                    .setType(text(a, "AddressType"))
                    .setLine1(text(a, "AddressLine1"))
                    .setLine2(text(a, "AddressLine2"))
                    .setCity(text(a, "City"))
                    .setRegion(text(a, "Region"))
                    .setPostalCode(text(a, "PostalCode"))
                    .setCountry(text(a, "Country"))
                    .build();
            if (address.getLine1() != null || address.getLine2() != null || address.getCity() != null
                    || address.getRegion() != null || address.getPostalCode() != null || address.getCountry() != null) {
                out.add(address);
            }
        }
        out.sort(Comparator.comparing(a -> a.getType() == null ? "" : a.getType()));
        return out;
    }

    private static List<Phone> phones(JsonNode arr) throws MappingException {
        List<Phone> out = new ArrayList<>();
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw new MappingException("Phones is not an array");
        }
        for (JsonNode p : arr) {
            String number = phoneNumber(p);
            if (number != null) {
                String type = text(p, "PhoneType");
                out.add(new Phone(type == null ? "DEFAULT" : type, number));
            }
        }
        out.sort(Comparator.comparing(Phone::getType));
        return out;
    }

    /** Xero splits a number into country code, area code and number; the canonical model keeps one string. */
    private static String phoneNumber(JsonNode p) {
        String number = text(p, "PhoneNumber");
        if (number == null || number.isBlank()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {text(p, "PhoneCountryCode"), text(p, "PhoneAreaCode")}) {
            if (part != null && !part.isBlank()) {
                sb.append(part.trim()).append(' ');
            }
        }
        return sb.append(number.trim()).toString();
    }

    private static List<ContactPerson> persons(JsonNode arr) throws MappingException {
        List<ContactPerson> out = new ArrayList<>();
        if (arr == null || arr.isNull()) {
            return out;
        }
        if (!arr.isArray()) {
            throw new MappingException("ContactPersons is not an array");
        }
        for (JsonNode p : arr) {
            ContactPerson person = new ContactPerson(text(p, "FirstName"), text(p, "LastName"), text(p, "EmailAddress"));
            if (person.getFirstName() != null || person.getLastName() != null || person.getEmail() != null) {
                out.add(person);
            }
        }
        return out;
    }
}
