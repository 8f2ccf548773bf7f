package io.sxs.connector.scoro.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.support.Json;
import io.sxs.schemas.common.Address;
import io.sxs.schemas.common.Phone;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoroContactMapperTest {

    @Test
    void mapsACompanyWithEveryField() {
        Contact c = ScoroContactMapper.toCanonical(Json.resource("contact-company.json"));

        assertThat(c.getId()).isEqualTo("17");
        assertThat(c.getNumber()).isEqualTo("C-17");
        assertThat(c.getName()).isEqualTo("Acme Ltd");
        assertThat(c.getIsPerson()).isFalse();
        assertThat(c.getFirstName()).isNull();
        assertThat(c.getEmail()).isEqualTo("billing@acme.test");
        assertThat(c.getPhones()).containsExactly(new Phone("DEFAULT", "+44 20 7946 0000"), new Phone("MOBILE", "+44 7700 900000"));
        assertThat(c.getWebsite()).isEqualTo("https://acme.test");
        assertThat(c.getTaxNumber()).isEqualTo("GB123456789");
        assertThat(c.getCompanyNumber()).isEqualTo("12345678");
        assertThat(c.getBankAccountNumber()).isEqualTo("GB29NWBK60161331926819");
        assertThat(c.getIsCustomer()).isTrue();
        assertThat(c.getIsSupplier()).isFalse();
        assertThat(c.getAddresses()).containsExactly(Address.newBuilder().setLine1("1 High Street").setCity("London")
                .setRegion("Greater London").setPostalCode("N1 1AA").setCountry("GBR").build());
        assertThat(c.getStatus()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(c.getUpdatedAt()).isEqualTo(Instant.parse("2026-03-01T08:15:30Z"));
    }

    @Test
    void mapsAPersonAndADeletedContact() {
        Contact p = ScoroContactMapper.toCanonical(Json.of(
                "{'contact_id':'8','contact_type':'person','name':'Ada','lastname':'Lovelace','is_deleted':'1',"
                        + "'means_of_contact':{'email':[]},'modified_date':'2026-01-02T03:04:05+00:00'}"));

        assertThat(p.getIsPerson()).isTrue();
        assertThat(p.getFirstName()).isEqualTo("Ada");
        assertThat(p.getLastName()).isEqualTo("Lovelace");
        assertThat(p.getName()).isEqualTo("Ada Lovelace");
        assertThat(p.getEmail()).isNull();
        assertThat(p.getNumber()).isNull();
        assertThat(p.getStatus()).isEqualTo(RecordStatus.DELETED);
    }

    @Test
    void refusesAContactWithoutIdOrName() {
        assertThatThrownBy(() -> ScoroContactMapper.toCanonical(Json.of("{'name':'x'}")))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("contact_id");
        assertThatThrownBy(() -> ScoroContactMapper.toCanonical(Json.of("{'contact_id':3,'name':''}")))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("no name");
        assertThatThrownBy(() -> ScoroContactMapper.toCanonical(Json.of("{'contact_id':'abc','name':'x'}")))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("contact_id 'abc'");
    }

    @Test
    void requestRoundTripsThroughScorosShape() {
        Contact original = ScoroContactMapper.toCanonical(Json.resource("contact-company.json"));

        ObjectNode request = ScoroContactMapper.toRequest(original, original.getNumber());
        // What Scoro returns: the request plus its own id and timestamps.
        ObjectNode echoed = request.deepCopy().put("contact_id", 17).put("modified_date", "2026-04-01T00:00:00+00:00").put("is_deleted", 0);
        Contact back = ScoroContactMapper.toCanonical(echoed);

        assertThat(request.get("contact_type").asText()).isEqualTo("company");
        assertThat(request.get("is_client").asInt()).isEqualTo(1);
        assertThat(request.at("/means_of_contact/phone/0").asText()).isEqualTo("+44 20 7946 0000");
        assertThat(request.at("/addresses/0/county").asText()).isEqualTo("Greater London");
        assertThat(ContentHasher.hash(back)).isEqualTo(ContentHasher.hash(original));
    }

    @Test
    void personRequestSplitsNames() {
        Contact person = Contact.newBuilder().setId("x").setName("Grace Hopper").setFirstName("Grace").setLastName("Hopper")
                .setIsPerson(true).setStatus(RecordStatus.ACTIVE)
                .setPhones(List.of(new Phone("FAX", "123"), new Phone("MOBILE", "555"))).build();

        JsonNode r = ScoroContactMapper.toRequest(person, "XERO-abc");

        assertThat(r.get("contact_type").asText()).isEqualTo("person");
        assertThat(r.get("name").asText()).isEqualTo("Grace");
        assertThat(r.get("lastname").asText()).isEqualTo("Hopper");
        assertThat(r.get("reference_no").asText()).isEqualTo("XERO-abc");
        assertThat(r.at("/means_of_contact/phone").isEmpty()).isTrue();
        assertThat(r.at("/means_of_contact/mobile/0").asText()).isEqualTo("555");
    }
}
