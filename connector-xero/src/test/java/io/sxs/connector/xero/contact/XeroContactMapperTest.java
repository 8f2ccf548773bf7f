package io.sxs.connector.xero.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XeroContactMapperTest {

    static final String GET_CONTACT = """
            {"ContactID":"bd2270c3-8706-4c11-9cfb-000b551c3f51","ContactNumber":"SCORO-42","ContactStatus":"ACTIVE",
             "Name":"ABC Limited","FirstName":"Andrea","LastName":"Dutchess","EmailAddress":"a.dutchess@abclimited.com",
             "BankAccountDetails":"45465844","TaxNumber":"GB123","CompanyNumber":"0123","DefaultCurrency":"GBP",
             "Website":"https://abc.example",
             "Addresses":[{"AddressType":"STREET","City":"","Region":"","PostalCode":"","Country":""},
                          {"AddressType":"POBOX","AddressLine1":"P O Box 123","City":"Wellington","PostalCode":"6011","Country":"NZ"}],
             "Phones":[{"PhoneType":"DDI","PhoneNumber":"","PhoneAreaCode":"","PhoneCountryCode":""},
                       {"PhoneType":"DEFAULT","PhoneNumber":"1111111","PhoneAreaCode":"04","PhoneCountryCode":"64"},
                       {"PhoneType":"FAX"},{"PhoneType":"MOBILE","PhoneNumber":"555"}],
             "ContactPersons":[{"FirstName":"Ann","LastName":"Lee","EmailAddress":"ann@abc.example","IncludeInEmails":true}],
             "UpdatedDateUTC":"/Date(1551399321043+0000)/","ContactGroups":[],"IsSupplier":false,"IsCustomer":true,
             "HasAttachments":false,"HasValidationErrors":false}
            """;

    static JsonNode json(String s) throws Exception {
        return XeroJson.MAPPER.readTree(s);
    }

    @Test
    void mapsEveryFieldAndDropsEmptySlots() throws Exception {
        Contact c = XeroContactMapper.toCanonical(json(GET_CONTACT));
        assertThat(c.getId()).isEqualTo("bd2270c3-8706-4c11-9cfb-000b551c3f51");
        assertThat(c.getNumber()).isEqualTo("SCORO-42");
        assertThat(c.getName()).isEqualTo("ABC Limited");
        assertThat(c.getFirstName()).isEqualTo("Andrea");
        assertThat(c.getLastName()).isEqualTo("Dutchess");
        assertThat(c.getEmail()).isEqualTo("a.dutchess@abclimited.com");
        assertThat(c.getBankAccountNumber()).isEqualTo("45465844");
        assertThat(c.getTaxNumber()).isEqualTo("GB123");
        assertThat(c.getCompanyNumber()).isEqualTo("0123");
        assertThat(c.getDefaultCurrency()).isEqualTo("GBP");
        assertThat(c.getWebsite()).isEqualTo("https://abc.example");
        assertThat(c.getIsCustomer()).isTrue();
        assertThat(c.getIsSupplier()).isFalse();
        assertThat(c.getStatus()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(c.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1551399321043L));
        assertThat(c.getAddresses()).hasSize(1);
        assertThat(c.getAddresses().get(0).getType()).isEqualTo("POBOX");
        assertThat(c.getAddresses().get(0).getLine1()).isEqualTo("P O Box 123");
        assertThat(c.getAddresses().get(0).getCity()).isEqualTo("Wellington");
        assertThat(c.getAddresses().get(0).getRegion()).isNull();
        assertThat(c.getPhones()).extracting(p -> p.getType() + "=" + p.getNumber())
                .containsExactly("DEFAULT=64 04 1111111", "MOBILE=555");
        assertThat(c.getPersons()).hasSize(1);
        assertThat(c.getPersons().get(0).getEmail()).isEqualTo("ann@abc.example");
    }

    @Test
    void archivedAndGdprRequestAreArchived() throws Exception {
        for (String status : new String[] {"ARCHIVED", "GDPRREQUEST"}) {
            ObjectNode n = (ObjectNode) json(GET_CONTACT);
            n.put("ContactStatus", status);
            n.put("MergedToContactID", "7b0d2a1c-0000-4000-8000-000000000001");
            Contact c = XeroContactMapper.toCanonical(n);
            assertThat(c.getStatus()).isEqualTo(RecordStatus.ARCHIVED);
            assertThat(c.getMergedToRef()).isEqualTo("7b0d2a1c-0000-4000-8000-000000000001");
        }
    }

    @Test
    void hashIgnoresSlotOrderEmptySlotsAndDerivedFlags() throws Exception {
        Contact fromGet = XeroContactMapper.toCanonical(json(GET_CONTACT));
        // The same contact as a PUT reply would render it: other slot order, no empty slots, other timestamp/flags.
        ObjectNode reply = (ObjectNode) json(GET_CONTACT);
        reply.set("Addresses", json("""
                [{"AddressType":"POBOX","AddressLine1":"P O Box 123","City":"Wellington","PostalCode":"6011","Country":"NZ"}]"""));
        reply.set("Phones", json("""
                [{"PhoneType":"MOBILE","PhoneNumber":"555"},
                 {"PhoneType":"DEFAULT","PhoneNumber":"1111111","PhoneAreaCode":"04","PhoneCountryCode":"64"}]"""));
        reply.put("UpdatedDateUTC", "/Date(1551399999999)/");
        reply.put("IsCustomer", false);
        Contact fromReply = XeroContactMapper.toCanonical(reply);
        assertThat(ContentHasher.hash(fromReply)).isEqualTo(ContentHasher.hash(fromGet));
    }

    @Test
    void requestLeavesOutReadOnlyFields() throws Exception {
        Contact c = XeroContactMapper.toCanonical(json(GET_CONTACT));
        ObjectNode create = XeroContactRequestMapper.toRequest(c, null, c.getNumber());
        assertThat(create.has("ContactID")).isFalse();
        for (String readOnly : new String[] {"IsCustomer", "IsSupplier", "Website", "UpdatedDateUTC", "MergedToContactID"}) {
            assertThat(create.has(readOnly)).as(readOnly).isFalse();
        }
        assertThat(create.get("Name").asText()).isEqualTo("ABC Limited");
        assertThat(create.get("EmailAddress").asText()).isEqualTo("a.dutchess@abclimited.com");
        assertThat(create.get("BankAccountDetails").asText()).isEqualTo("45465844");
        assertThat(create.get("ContactStatus").asText()).isEqualTo("ACTIVE");
        assertThat(create.get("Addresses")).hasSize(1);
        assertThat(create.get("Phones")).hasSize(2);
        // Mapping the request back gives the same business content.
        ObjectNode back = create.deepCopy();
        back.put("ContactID", c.getId());
        back.put("Website", "https://abc.example");
        assertThat(ContentHasher.hash(XeroContactMapper.toCanonical(back))).isEqualTo(ContentHasher.hash(c));
    }

    @Test
    void updateClearsNullScalarsAndArchivesDeleted() throws Exception {
        Contact c = Contact.newBuilder().setId("s1").setName("Solo").setStatus(RecordStatus.DELETED).build();
        ObjectNode update = XeroContactRequestMapper.toRequest(c, "x-1", "SCORO-s1");
        assertThat(update.get("ContactID").asText()).isEqualTo("x-1");
        assertThat(update.get("EmailAddress").asText()).isEmpty();
        assertThat(update.has("DefaultCurrency")).isFalse();
        assertThat(update.get("ContactStatus").asText()).isEqualTo("ARCHIVED");
        ObjectNode create = XeroContactRequestMapper.toRequest(c, null, null);
        assertThat(create.has("EmailAddress")).isFalse();
        assertThat(create.has("ContactNumber")).isFalse();
    }

    @Test
    void scoroContactWithoutNumberGetsThePipelineReference() {
        Contact c = Contact.newBuilder().setId("77").setName("N").setStatus(RecordStatus.ACTIVE).build();
        Command fromScoro = command(SystemType.SCORO, "77", c);
        assertThat(XeroContactSink.contactNumber(fromScoro, c)).isEqualTo("SCORO-77");
        Command fromXero = command(SystemType.XERO, "77", c);
        assertThat(XeroContactSink.contactNumber(fromXero, c)).isNull();
        c.setNumber("C-1");
        assertThat(XeroContactSink.contactNumber(fromScoro, c)).isEqualTo("C-1");
    }

    @Test
    void malformedContactsAreMappingErrors() throws Exception {
        assertThatThrownBy(() -> XeroContactMapper.toCanonical(json("{\"Name\":\"x\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("ContactID");
        assertThatThrownBy(() -> XeroContactMapper.toCanonical(json("{\"ContactID\":\"a\",\"Name\":\"x\",\"ContactStatus\":\"ODD\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("ODD");
        assertThatThrownBy(() -> XeroContactMapper.toCanonical(json("{\"ContactID\":\"a\",\"Name\":\"x\",\"UpdatedDateUTC\":\"yesterday\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("UpdatedDateUTC");
    }

    static Command command(SystemType source, String sourceId, Contact payload) {
        return Command.newBuilder().setCommandId("c-" + sourceId).setConnectionId("conn").setTargetSystem(SystemType.XERO)
                .setEntity(EntityType.CONTACT).setAction(CommandAction.CREATE).setSourceSystem(source)
                .setSourceId(sourceId).setSourceHash("h").setIdempotencyKey("k-" + sourceId)
                .setIssuedAt(Instant.EPOCH).setPayload(payload).build();
    }
}
