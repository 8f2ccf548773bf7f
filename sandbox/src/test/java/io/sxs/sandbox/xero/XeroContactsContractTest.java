package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.XeroContractTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static io.sxs.sandbox.xero.XeroAuthAndReferenceDataTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

class XeroContactsContractTest extends XeroContractTest {

    private JsonNode create(Map<String, Object> contact) {
        HttpJson.Reply r = c.put("/Contacts", wrap("Contacts", contact));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("Contacts").get(0);
    }

    private static List<String> names(JsonNode contacts) {
        List<String> out = new ArrayList<>();
        contacts.forEach(x -> out.add(x.get("Name").asText()));
        return out;
    }

    @Test
    void putCreatesAndReturnsTheFullContact() {
        JsonNode created = create(Map.of("Name", "Acme Ltd", "ContactNumber", "SC-1", "EmailAddress", "a@acme.test",
                "Addresses", List.of(Map.of("AddressType", "STREET", "City", "Leeds"))));
        assertThat(created.get("ContactID").asText()).matches("[0-9a-f-]{36}");
        assertThat(created.get("ContactStatus").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("UpdatedDateUTC").asText()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(created.get("IsCustomer").asBoolean()).isFalse();
        assertThat(created.get("IsSupplier").asBoolean()).isFalse();
        assertThat(created.get("Addresses").get(0).get("City").asText()).isEqualTo("Leeds");

        JsonNode byId = c.get("/Contacts/" + created.get("ContactID").asText()).body().get("Contacts").get(0);
        assertThat(byId.get("Name").asText()).isEqualTo("Acme Ltd");
        JsonNode byNumber = c.get("/Contacts/SC-1").body().get("Contacts").get(0);
        assertThat(byNumber.get("ContactID").asText()).isEqualTo(created.get("ContactID").asText());
    }

    @Test
    void websiteIsReadOnlyInTheApiAndSetByAUser() {
        JsonNode created = create(Map.of("Name", "Web Ltd", "Website", "https://ignored.example"));
        assertThat(created.has("Website")).as("the API ignores the read-only Website").isFalse();
        String id = created.get("ContactID").asText();
        xero.updateContact(tenantId, id, Map.of("Website", "https://web.example"));
        assertThat(c.get("/Contacts/" + id).body().get("Contacts").get(0).get("Website").asText()).isEqualTo("https://web.example");
        assertThat(xero.createContact(tenantId, Map.of("Name", "Typed Ltd", "Website", "https://typed.example")))
                .containsEntry("Website", "https://typed.example");
    }

    @Test
    void nameIsRequiredAndUniqueAmongActiveContacts() {
        create(Map.of("Name", "Unique Ltd"));
        HttpJson.Reply dup = c.put("/Contacts", wrap("Contacts", Map.of("Name", "Unique Ltd")));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().get("ErrorNumber").asInt()).isEqualTo(10);
        assertThat(dup.body().get("Type").asText()).isEqualTo("ValidationException");
        assertThat(dup.body().get("Message").asText()).isEqualTo("A validation exception occurred");
        assertThat(dup.body().get("Elements").get(0).get("ValidationErrors").get(0).get("Message").asText())
                .isEqualTo("The contact name Unique Ltd is already assigned to another contact. "
                        + "The contact name must be unique across all active contacts.");

        HttpJson.Reply noName = c.put("/Contacts", wrap("Contacts", Map.of("EmailAddress", "x@y.z")));
        assertThat(noName.status()).isEqualTo(400);
    }

    @Test
    void contactNumberIsLimitedTo50Characters() {
        HttpJson.Reply r = c.put("/Contacts", wrap("Contacts", Map.of("Name", "Long Number", "ContactNumber", "x".repeat(51))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("Elements").get(0).get("ValidationErrors").get(0).get("Message").asText()).contains("50");
        assertThat(c.put("/Contacts", wrap("Contacts", Map.of("Name", "Ok Number", "ContactNumber", "x".repeat(50)))).status())
                .isEqualTo(200);
    }

    @Test
    void archivedContactsAreHiddenUnlessIncludeArchivedAndFreeTheirName() {
        JsonNode a = create(Map.of("Name", "Old Name Ltd"));
        HttpJson.Reply archived = c.post("/Contacts/" + a.get("ContactID").asText(),
                wrap("Contacts", Map.of("ContactStatus", "ARCHIVED")));
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().get("Contacts").get(0).get("ContactStatus").asText()).isEqualTo("ARCHIVED");

        assertThat(names(c.get("/Contacts").body().get("Contacts"))).doesNotContain("Old Name Ltd");
        assertThat(names(c.get("/Contacts?includeArchived=true").body().get("Contacts"))).contains("Old Name Ltd");
        assertThat(c.get("/Contacts/" + a.get("ContactID").asText()).status()).isEqualTo(200);

        create(Map.of("Name", "Old Name Ltd"));
        HttpJson.Reply unarchive = c.post("/Contacts/" + a.get("ContactID").asText(),
                wrap("Contacts", Map.of("ContactStatus", "ACTIVE")));
        assertThat(unarchive.status()).isEqualTo(400);
    }

    @Test
    void updateKeepsOmittedScalarsAndReplacesGivenArrays() {
        JsonNode a = create(Map.of("Name", "Merge Ltd", "EmailAddress", "m@merge.test",
                "Phones", List.of(Map.of("PhoneType", "DEFAULT", "PhoneNumber", "1"), Map.of("PhoneType", "MOBILE", "PhoneNumber", "2")),
                "Addresses", List.of(Map.of("AddressType", "POBOX", "City", "York"))));
        HttpJson.Reply r = c.post("/Contacts", wrap("Contacts", Map.of("ContactID", a.get("ContactID").asText(),
                "FirstName", "Jo", "Phones", List.of(Map.of("PhoneType", "FAX", "PhoneNumber", "3")))));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode u = r.body().get("Contacts").get(0);
        assertThat(u.get("ContactID").asText()).isEqualTo(a.get("ContactID").asText());
        assertThat(u.get("EmailAddress").asText()).isEqualTo("m@merge.test");
        assertThat(u.get("FirstName").asText()).isEqualTo("Jo");
        assertThat(u.get("Phones")).hasSize(1);
        assertThat(u.get("Phones").get(0).get("PhoneType").asText()).isEqualTo("FAX");
        assertThat(u.get("Addresses")).hasSize(1);
        assertThat(c.get("/Contacts").body().get("Contacts")).hasSize(1);
    }

    @Test
    void postWithoutIdCreatesAndPostWithUnknownPathIdIs404() {
        assertThat(c.post("/Contacts", wrap("Contacts", Map.of("Name", "Posted Ltd"))).status()).isEqualTo(200);
        assertThat(c.get("/Contacts").body().get("Contacts")).hasSize(1);
        assertThat(c.post("/Contacts/00000000-0000-0000-0000-000000000001", wrap("Contacts", Map.of("Name", "X"))).status())
                .isEqualTo(404);
    }

    @Test
    void emptyOrWronglyWrappedBodiesAreNoDataProcessed() {
        for (Object body : List.of(Map.of(), Map.of("Contact", Map.of("Name", "x")), Map.of("Contacts", List.of()))) {
            HttpJson.Reply r = c.put("/Contacts", body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("ErrorNumber").asInt()).isEqualTo(17);
            assertThat(r.body().get("Type").asText()).isEqualTo("NoDataProcessedException");
        }
        HttpJson.Reply empty = HttpJson.send("PUT", c.uri("/Contacts"), null,
                Map.of("Authorization", "Bearer " + c.tenant().accessToken(), "xero-tenant-id", c.tenant().tenantId()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("ErrorNumber").asInt()).isEqualTo(17);
        HttpJson.Reply malformed = c.put("/Contacts", "{\"Contacts\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("Type").asText()).isEqualTo("PostDataInvalidException");
    }

    @Test
    void pagingReturnsPaginationAndCapsPageSizeAt1000() {
        for (int i = 1; i <= 5; i++) {
            create(Map.of("Name", "Paged " + i));
        }
        JsonNode p1 = c.get("/Contacts?page=1&pageSize=2").body();
        assertThat(names(p1.get("Contacts"))).containsExactly("Paged 1", "Paged 2");
        assertThat(p1.get("pagination").get("page").asInt()).isEqualTo(1);
        assertThat(p1.get("pagination").get("pageSize").asInt()).isEqualTo(2);
        assertThat(p1.get("pagination").get("pageCount").asInt()).isEqualTo(3);
        assertThat(p1.get("pagination").get("itemCount").asInt()).isEqualTo(5);
        assertThat(names(c.get("/Contacts?page=3&pageSize=2").body().get("Contacts"))).containsExactly("Paged 5");
        assertThat(c.get("/Contacts?page=1").body().get("pagination").get("pageSize").asInt()).isEqualTo(100);
        assertThat(c.get("/Contacts?page=1&pageSize=5000").body().get("pagination").get("pageSize").asInt()).isEqualTo(1000);
        assertThat(c.get("/Contacts").body().has("pagination")).isFalse();
    }

    @Test
    void whereOrderIdsAndSummaryOnly() {
        JsonNode a = create(Map.of("Name", "Alpha", "ContactNumber", "N-1"));
        JsonNode b = create(Map.of("Name", "Bravo", "ContactNumber", "N-2"));
        create(Map.of("Name", "Charlie"));
        assertThat(names(c.get("/Contacts?where=" + enc("ContactNumber==\"N-2\"")).body().get("Contacts")))
                .containsExactly("Bravo");
        assertThat(names(c.get("/Contacts?where=" + enc("ContactID==Guid(\"" + a.get("ContactID").asText() + "\")"))
                .body().get("Contacts"))).containsExactly("Alpha");
        assertThat(names(c.get("/Contacts?where=" + enc("ContactStatus==\"ACTIVE\" && IsCustomer==false")).body()
                .get("Contacts"))).hasSize(3);
        assertThat(names(c.get("/Contacts?order=" + enc("Name DESC")).body().get("Contacts")))
                .containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(names(c.get("/Contacts?IDs=" + a.get("ContactID").asText() + "," + b.get("ContactID").asText())
                .body().get("Contacts"))).containsExactly("Alpha", "Bravo");
        HttpJson.Reply bad = c.get("/Contacts?where=" + enc("Name.Contains(\"x\")"));
        assertThat(bad.status()).isEqualTo(400);
        JsonNode summary = c.get("/Contacts?summaryOnly=true").body().get("Contacts").get(0);
        assertThat(summary.has("Addresses")).isFalse();
        assertThat(summary.get("Name").asText()).isEqualTo("Alpha");
    }

    @Test
    void ifModifiedSinceFiltersAtOneSecondPrecisionAndAcceptsSeveralFormats() {
        Instant t0 = Instant.parse("2030-01-01T10:00:00Z");
        xero.clock().pin(t0.plusMillis(400));
        create(Map.of("Name", "Early"));
        xero.clock().pin(t0.plusMillis(1200));
        create(Map.of("Name", "Late"));
        xero.clock().pin(t0.plusSeconds(60));

        // Milliseconds in the header are ignored: the filter starts at the whole second, so a record changed
        // later within that second is returned again (clients must dedupe, they never miss it).
        assertThat(names(c.get("/Contacts", "If-Modified-Since", "2030-01-01T10:00:00.900").body().get("Contacts")))
                .containsExactly("Early", "Late");
        assertThat(names(c.get("/Contacts", "If-Modified-Since", "2030-01-01T10:00:00").body().get("Contacts")))
                .containsExactly("Early", "Late");
        assertThat(names(c.get("/Contacts", "If-Modified-Since", "2030-01-01T10:00:01").body().get("Contacts")))
                .containsExactly("Late");
        assertThat(names(c.get("/Contacts", "If-Modified-Since", "2030-01-01T11:00:01+01:00").body().get("Contacts")))
                .containsExactly("Late");
        assertThat(names(c.get("/Contacts", "If-Modified-Since", "Tue, 01 Jan 2030 10:00:01 GMT").body().get("Contacts")))
                .containsExactly("Late");
        assertThat(c.get("/Contacts", "If-Modified-Since", "2030-01-01T10:00:02Z").body().get("Contacts")).isEmpty();
    }

    @Test
    void everyChangeBumpsUpdatedDateUtc() {
        xero.clock().pin(Instant.parse("2030-02-01T09:00:00Z"));
        JsonNode a = create(Map.of("Name", "Bump Ltd"));
        xero.clock().pin(Instant.parse("2030-02-01T09:05:00Z"));
        JsonNode u = c.post("/Contacts/" + a.get("ContactID").asText(), wrap("Contacts", Map.of("EmailAddress", "b@b.b")))
                .body().get("Contacts").get(0);
        assertThat(a.get("UpdatedDateUTC").asText()).isEqualTo("/Date(" + Instant.parse("2030-02-01T09:00:00Z").toEpochMilli() + "+0000)/");
        assertThat(u.get("UpdatedDateUTC").asText()).isEqualTo("/Date(" + Instant.parse("2030-02-01T09:05:00Z").toEpochMilli() + "+0000)/");
    }

    @Test
    void isCustomerAndIsSupplierAreDerivedFromInvoices() {
        JsonNode a = create(Map.of("Name", "Customer Ltd"));
        JsonNode b = create(Map.of("Name", "Supplier Ltd"));
        c.put("/Invoices", wrap("Invoices", Map.of("Type", "ACCREC", "Contact", Map.of("ContactID", a.get("ContactID").asText()),
                "LineItems", List.of(Map.of("Description", "x", "Quantity", 1, "UnitAmount", 10, "AccountCode", "200")))));
        c.put("/Invoices", wrap("Invoices", Map.of("Type", "ACCPAY", "Contact", Map.of("Name", "Supplier Ltd"),
                "LineItems", List.of(Map.of("Description", "y", "Quantity", 1, "UnitAmount", 10, "AccountCode", "400")))));
        JsonNode ca = c.get("/Contacts/" + a.get("ContactID").asText()).body().get("Contacts").get(0);
        JsonNode cb = c.get("/Contacts/" + b.get("ContactID").asText()).body().get("Contacts").get(0);
        assertThat(ca.get("IsCustomer").asBoolean()).isTrue();
        assertThat(ca.get("IsSupplier").asBoolean()).isFalse();
        assertThat(cb.get("IsSupplier").asBoolean()).isTrue();
        // client-sent values for derived flags are ignored
        JsonNode d = create(Map.of("Name", "Claims Customer", "IsCustomer", true));
        assertThat(d.get("IsCustomer").asBoolean()).isFalse();
    }

    @Test
    void callCountsPerVerbAndPathTemplate() {
        JsonNode a = create(Map.of("Name", "Counted"));
        c.get("/Contacts");
        c.get("/Contacts/" + a.get("ContactID").asText());
        c.post("/Contacts/" + a.get("ContactID").asText(), wrap("Contacts", Map.of("EmailAddress", "q@q.q")));
        Map<String, Long> counts = xero.callCounts(c.tenant().tenantId());
        assertThat(counts).containsEntry("PUT /Contacts", 1L).containsEntry("GET /Contacts", 1L)
                .containsEntry("GET /Contacts/{ContactID}", 1L).containsEntry("POST /Contacts/{ContactID}", 1L);
        assertThat(xero.writeCalls(c.tenant().tenantId())).isEqualTo(2);
        xero.createContact(c.tenant().tenantId(), Map.of("Name", "Made by a user"));
        assertThat(xero.writeCalls(c.tenant().tenantId())).isEqualTo(2);
    }

    @Test
    void searchTermMatchesNameNumberAndEmail() {
        create(Map.of("Name", "Harbour Design Ltd", "ContactNumber", "scoro-7", "EmailAddress", "ap@harbour.test"));
        create(Map.of("Name", "Other"));
        assertThat(names(c.get("/Contacts?searchTerm=harbour").body().get("Contacts"))).containsExactly("Harbour Design Ltd");
        assertThat(names(c.get("/Contacts?searchTerm=SCORO-7").body().get("Contacts"))).containsExactly("Harbour Design Ltd");
        assertThat(c.get("/Contacts?searchTerm=nothing").body().get("Contacts")).isEmpty();
    }
}
