package io.sxs.connector.scoro.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scoro {@code contacts} ⇄ canonical {@link Contact}, as pure functions. Reader and writer both use
 * {@link #toCanonical}, so what a write returns hashes like a later read of the same contact.
 */
public final class ScoroContactMapper {

    public static final String PHONE_DEFAULT = "DEFAULT";
    public static final String PHONE_MOBILE = "MOBILE";

    private ScoroContactMapper() {
    }

    /** A Scoro contact (list, view or modify reply) as canonical; throws {@link ScoroMappingException} when malformed. */
    public static Contact toCanonical(JsonNode c) {
        String id = ScoroValues.id(c, "contact_id");
        if (id == null) {
            throw new ScoroMappingException("contact_id is missing");
        }
        boolean person = "person".equalsIgnoreCase(ScoroValues.text(c, "contact_type"));
        String first = ScoroValues.text(c, "name");
        String last = ScoroValues.text(c, "lastname");
        String name = person ? Stream.of(first, last).filter(Objects::nonNull).collect(Collectors.joining(" ")) : first;
        if (name == null || name.isBlank()) {
            throw new ScoroMappingException("contact " + id + " has no name");
        }
        JsonNode means = c.path("means_of_contact");
        List<Phone> phones = new ArrayList<>();
        ScoroValues.strings(means, "phone").forEach(n -> phones.add(new Phone(PHONE_DEFAULT, n)));
        ScoroValues.strings(means, "mobile").forEach(n -> phones.add(new Phone(PHONE_MOBILE, n)));
        return Contact.newBuilder()
                .setId(id)
                .setNumber(ScoroValues.text(c, "reference_no"))
                .setName(name)
                .setFirstName(person ? first : null)
                .setLastName(person ? last : null)
                .setIsPerson(person)
                .setEmail(first(ScoroValues.strings(means, "email")))
                .setPhones(phones)
                .setWebsite(first(ScoroValues.strings(means, "website")))
                .setTaxNumber(ScoroValues.text(c, "vatno"))
                .setCompanyNumber(ScoroValues.text(c, "id_code"))
                .setBankAccountNumber(ScoroValues.text(c, "bankaccount"))
                .setIsCustomer(ScoroValues.flag(c, "is_client"))
                .setIsSupplier(ScoroValues.flag(c, "is_supplier"))
                .setAddresses(addresses(c.path("addresses")))
                .setStatus(ScoroValues.flag(c, "is_deleted") ? RecordStatus.DELETED : RecordStatus.ACTIVE)
                .setUpdatedAt(ScoroTimestamps.instant("modified_date", ScoroValues.text(c, "modified_date")))
                .build();
    }

    /**
     * The {@code request} of {@code contacts/modify} for a canonical contact. {@code referenceNo} is what the writer
     * stores in {@code reference_no} (the contact number, or the pipeline's own marker). Phones other than DEFAULT and
     * MOBILE have no Scoro field and are left out.
     */
    public static ObjectNode toRequest(Contact contact, String referenceNo) {
        ObjectNode r = ScoroJson.object();
        if (contact.getIsPerson()) {
            r.put("contact_type", "person");
            boolean split = contact.getFirstName() != null || contact.getLastName() != null;
            r.put("name", split ? nullToEmpty(contact.getFirstName()) : contact.getName());
            r.put("lastname", split ? nullToEmpty(contact.getLastName()) : "");
        } else {
            r.put("contact_type", "company");
            r.put("name", contact.getName());
        }
        r.put("reference_no", nullToEmpty(referenceNo));
        r.put("vatno", nullToEmpty(contact.getTaxNumber()));
        r.put("id_code", nullToEmpty(contact.getCompanyNumber()));
        r.put("bankaccount", nullToEmpty(contact.getBankAccountNumber()));
        r.put("is_client", contact.getIsCustomer() ? 1 : 0);
        r.put("is_supplier", contact.getIsSupplier() ? 1 : 0);
        ObjectNode means = r.putObject("means_of_contact");
        array(means, "email", contact.getEmail() == null ? List.of() : List.of(contact.getEmail()));
        array(means, "phone", numbers(contact.getPhones(), PHONE_DEFAULT));
        array(means, "mobile", numbers(contact.getPhones(), PHONE_MOBILE));
        array(means, "website", contact.getWebsite() == null ? List.of() : List.of(contact.getWebsite()));
        ArrayNode addresses = r.putArray("addresses");
        for (Address a : contact.getAddresses()) {
            String street = Stream.of(a.getLine1(), a.getLine2()).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(", "));
            if (street.isEmpty() && a.getCity() == null && a.getRegion() == null && a.getPostalCode() == null && a.getCountry() == null) {
                continue;
            }
            ObjectNode o = addresses.addObject();
            o.put("street", street);
            o.put("city", nullToEmpty(a.getCity()));
            o.put("county", nullToEmpty(a.getRegion()));
            o.put("zipcode", nullToEmpty(a.getPostalCode()));
            o.put("country", nullToEmpty(a.getCountry()));
        }
        return r;
    }

    private static List<Address> addresses(JsonNode node) {
        List<Address> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode a : node) {
                Address address = Address.newBuilder()
                        .setLine1(ScoroValues.text(a, "street"))
                        .setCity(ScoroValues.text(a, "city"))
                        .setRegion(ScoroValues.text(a, "county"))
                        .setPostalCode(ScoroValues.text(a, "zipcode"))
                        .setCountry(ScoroValues.text(a, "country"))
                        .build();
                if (address.getLine1() != null || address.getCity() != null || address.getRegion() != null
                        || address.getPostalCode() != null || address.getCountry() != null) {
                    out.add(address);
                }
            }
        }
        return out;
    }

    private static List<String> numbers(List<Phone> phones, String type) {
        return phones.stream().filter(p -> type.equals(p.getType()) && p.getNumber() != null && !p.getNumber().isBlank())
                .map(Phone::getNumber).toList();
    }

    private static void array(ObjectNode parent, String field, List<String> values) {
        ArrayNode a = parent.putArray(field);
        values.forEach(a::add);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
