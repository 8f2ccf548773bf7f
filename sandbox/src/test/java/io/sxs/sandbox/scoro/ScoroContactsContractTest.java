package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroContractTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoroContactsContractTest extends ScoroContractTest {

    private JsonNode create(Map<String, Object> contact) {
        HttpJson.Reply r = c.modify("contacts/modify", contact);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }

    private static List<Long> ids(JsonNode data) {
        List<Long> out = new ArrayList<>();
        data.forEach(x -> out.add(x.get("contact_id").asLong()));
        return out;
    }

    @Test
    void modifyCreatesAndReturnsTheFullContact() {
        JsonNode a = create(Map.of("name", "Acme", "contact_type", "company", "vatno", "GB123", "is_client", 1,
                "addresses", List.of(Map.of("country", "GBR", "city", "Leeds", "street", "1 Main St", "zipcode", "LS1 1AA",
                        "county", "")),
                "means_of_contact", Map.of("email", List.of("a@acme.test"), "phone", List.of("+44 1"))));
        assertThat(a.get("contact_id").isIntegralNumber()).isTrue();
        assertThat(a.get("contact_type").asText()).isEqualTo("company");
        assertThat(a.get("is_client").asInt()).isEqualTo(1);
        assertThat(a.get("is_supplier").asInt()).isZero();
        assertThat(a.get("addresses").get(0).get("city").asText()).isEqualTo("Leeds");
        assertThat(a.get("means_of_contact").get("email").get(0).asText()).isEqualTo("a@acme.test");
        assertThat(a.get("means_of_contact").get("website")).isEmpty();
        assertThat(a.get("modified_date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(a.get("created_date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(a.get("is_deleted").asInt()).isZero();
        assertThat(a.get("deleted_date").isNull()).isTrue();

        HttpJson.Reply viaZero = c.modify("contacts/modify/0", Map.of("name", "Zero", "contact_type", "person", "lastname", "Smith"));
        assertThat(viaZero.body().get("data").get("contact_type").asText()).isEqualTo("person");
        JsonNode view = c.call("contacts/view/" + a.get("contact_id").asLong()).body().get("data");
        assertThat(view.get("name").asText()).isEqualTo("Acme");
        assertThat(scoro.writeCalls(company)).isEqualTo(2);
        assertThat(scoro.callCounts(company)).containsEntry("contacts/modify", 2L).containsEntry("contacts/view", 1L);
    }

    @Test
    void addressesCarryTheirIdsAndSendingThemReplacesTheSet() {
        JsonNode a = create(Map.of("name", "Addressed Ltd", "addresses", List.of(Map.of("city", "Leeds", "street", "1 Main St"),
                Map.of("city", "York"))));
        long leeds = a.get("addresses").get(0).get("contacts_addresses_id").asLong();
        assertThat(leeds).isPositive();
        assertThat(a.get("addresses").get(1).get("contacts_addresses_id").asLong()).isNotEqualTo(leeds);
        JsonNode u = c.modify("contacts/modify/" + a.get("contact_id").asLong(), Map.of("addresses",
                List.of(Map.of("contacts_addresses_id", leeds, "zipcode", "LS1 1AA"), Map.of("city", "Hull")))).body().get("data");
        assertThat(u.get("addresses")).hasSize(2);
        assertThat(u.get("addresses").get(0).get("contacts_addresses_id").asLong()).isEqualTo(leeds);
        assertThat(u.get("addresses").get(0).get("street").asText()).as("omitted fields kept").isEqualTo("1 Main St");
        assertThat(u.get("addresses").get(0).get("zipcode").asText()).isEqualTo("LS1 1AA");
        assertThat(u.get("addresses").get(1).get("city").asText()).as("York removed, Hull new").isEqualTo("Hull");
        HttpJson.Reply bad = c.modify("contacts/modify/" + a.get("contact_id").asLong(), Map.of("addresses",
                List.of(Map.of("contacts_addresses_id", 999999, "city", "Nowhere"))));
        assertThat(bad.body().get("status").asText()).isEqualTo("ERROR");
    }

    @Test
    void modifyIsAPartialUpdate() {
        JsonNode a = create(Map.of("name", "Partial", "vatno", "GB1", "reference_no", "R1"));
        HttpJson.Reply r = c.modify("contacts/modify/" + a.get("contact_id").asLong(), Map.of("vatno", "GB2"));
        JsonNode u = r.body().get("data");
        assertThat(u.get("vatno").asText()).isEqualTo("GB2");
        assertThat(u.get("name").asText()).isEqualTo("Partial");
        assertThat(u.get("reference_no").asText()).isEqualTo("R1");
        assertThat(u.get("contact_id").asLong()).isEqualTo(a.get("contact_id").asLong());
    }

    @Test
    void validationErrorsAndUnknownIdsComeBackAsHttp200WithStatusError() {
        HttpJson.Reply noName = c.modify("contacts/modify", Map.of("vatno", "x"));
        assertThat(noName.status()).isEqualTo(200);
        assertThat(noName.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(noName.body().get("statusCode").asInt()).isEqualTo(400);
        assertThat(noName.body().get("messages").get("error").get(0).asText()).contains("name");
        assertThat(noName.body().has("data")).isFalse();

        HttpJson.Reply badCountry = c.modify("contacts/modify", Map.of("name", "X", "addresses", List.of(Map.of("country", "United Kingdom"))));
        assertThat(badCountry.body().get("status").asText()).isEqualTo("ERROR");

        HttpJson.Reply missing = c.call("contacts/view/999999");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body().get("status").asText()).isEqualTo("ERROR");
        assertThat(missing.body().get("statusCode").asInt()).isEqualTo(404);
        assertThat(c.modify("contacts/modify/999999", Map.of("name", "x")).body().get("statusCode").asInt()).isEqualTo(404);
        HttpJson.Reply emptyRequest = c.call("contacts/modify", "request", List.of());
        assertThat(emptyRequest.body().get("status").asText()).isEqualTo("ERROR");
    }

    @Test
    void listIsOrderedByIdAndPagedWithPerPageCappedAt100() {
        for (int i = 0; i < 105; i++) {
            scoro.createContact(company, Map.of("name", "Bulk " + i));
        }
        JsonNode dflt = c.call("contacts/list").body().get("data");
        assertThat(dflt).hasSize(50);
        List<Long> all = ids(c.call("contacts/list", "per_page", 500).body().get("data"));
        assertThat(all).hasSize(100);
        assertThat(all).isSorted();
        assertThat(ids(c.call("contacts/list", "page", 2, "per_page", 100).body().get("data"))).hasSize(5);
        List<Long> p2 = ids(c.call("contacts/list", "page", 2, "per_page", 10).body().get("data"));
        assertThat(p2).containsExactlyElementsOf(all.subList(10, 20));
        assertThat(ids(c.call("contacts/list", "request", Map.of("page", 11, "per_page", 10)).body().get("data"))).hasSize(5);
        assertThat(c.call("contacts/list", "page", 99).body().get("data")).isEmpty();
    }

    @Test
    void listFiltersByExactValuesAndWildcards() {
        create(Map.of("name", "Filter Alpha", "is_supplier", 1));
        create(Map.of("name", "Filter Beta"));
        create(Map.of("name", "Other"));
        assertThat(c.call("contacts/list", "filter", Map.of("name", "Filter%")).body().get("data")).hasSize(2);
        assertThat(c.call("contacts/list", "filter", Map.of("is_supplier", 1)).body().get("data")).hasSize(1);
    }

    @Test
    void deletedContactsAreListedOnlyWithIncludeDeletedAndOnlyFor30Days() {
        scoro.clock().pin(Instant.parse("2030-05-01T12:00:00Z"));
        JsonNode a = create(Map.of("name", "Goner"));
        create(Map.of("name", "Stayer"));
        scoro.clock().advance(Duration.ofHours(1));
        HttpJson.Reply del = c.call("contacts/delete/" + a.get("contact_id").asLong());
        assertThat(del.body().get("status").asText()).isEqualTo("OK");
        assertThat(scoro.callCounts(company)).containsEntry("contacts/delete", 1L);

        assertThat(c.call("contacts/list").body().get("data")).hasSize(1);
        JsonNode topLevel = c.call("contacts/list", "include_deleted", 1).body().get("data");
        assertThat(topLevel).hasSize(2);
        JsonNode deleted = topLevel.get(0);
        assertThat(deleted.get("is_deleted").asInt()).isEqualTo(1);
        assertThat(deleted.get("deleted_date").asText()).isEqualTo("2030-05-01T13:00:00+00:00");
        assertThat(c.call("contacts/list", "request", Map.of("include_deleted", 1)).body().get("data")).hasSize(2);
        assertThat(c.call("contacts/view/" + a.get("contact_id").asLong()).body().get("statusCode").asInt()).isEqualTo(404);
        assertThat(c.call("contacts/view/" + a.get("contact_id").asLong(), "include_deleted", 1).body().get("status").asText())
                .isEqualTo("OK");
        assertThat(c.call("contacts/delete/" + a.get("contact_id").asLong()).body().get("statusCode").asInt()).isEqualTo(404);

        scoro.clock().advance(Duration.ofDays(31));
        assertThat(c.call("contacts/list", "include_deleted", 1).body().get("data")).hasSize(1);
    }

    @Test
    void modifiedDateFilterIsInclusiveAndAcceptsDatesAndDateTimes() {
        scoro.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
        long c1 = create(Map.of("name", "One")).get("contact_id").asLong();
        scoro.clock().pin(Instant.parse("2030-01-02T12:00:00Z"));
        long c2 = create(Map.of("name", "Two")).get("contact_id").asLong();
        scoro.clock().pin(Instant.parse("2030-01-03T09:00:00Z"));
        long c3 = create(Map.of("name", "Three")).get("contact_id").asLong();

        assertThat(ids(filter("2030-01-02", "2030-01-02"))).containsExactly(c2);
        assertThat(ids(filter("2030-01-01 10:00:00", "2030-01-02 12:00:00"))).containsExactly(c1, c2);
        assertThat(ids(filter("2030-01-01 10:00:01", null))).containsExactly(c2, c3);
        assertThat(ids(filter(null, "2030-01-01"))).containsExactly(c1);

        scoro.clock().pin(Instant.parse("2030-01-04T08:00:00Z"));
        c.modify("contacts/modify/" + c1, Map.of("vatno", "changed"));
        assertThat(ids(filter("2030-01-04", null))).containsExactly(c1);
    }

    private JsonNode filter(String from, String to) {
        Map<String, Object> range = new java.util.HashMap<>();
        if (from != null) {
            range.put("from_date", from);
        }
        if (to != null) {
            range.put("to_date", to);
        }
        HttpJson.Reply r = c.call("contacts/list", "filter", Map.of("modified_date", range));
        assertThat(r.body().get("status").asText()).as(r.raw()).isEqualTo("OK");
        return r.body().get("data");
    }
}
