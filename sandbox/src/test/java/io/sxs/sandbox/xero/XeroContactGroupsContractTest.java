package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.support.XeroContractTest;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.support.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sxs.sandbox.support.XeroClient.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XeroContactGroupsContractTest extends XeroContractTest {

    String aliceId;
    String bobId;

    @BeforeEach
    void setUp() {
        aliceId = createContact("Alice Ltd");
        bobId = createContact("Bob Ltd");
    }

    private JsonNode create(String name, String... headers) {
        HttpJson.Reply r = c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", name)), headers);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("ContactGroups").get(0);
    }

    private JsonNode group(String id) {
        return c.get("/ContactGroups/" + id).body().get("ContactGroups").get(0);
    }

    private static List<String> names(HttpJson.Reply r) {
        List<String> out = new ArrayList<>();
        r.body().get("ContactGroups").forEach(g -> out.add(g.get("Name").asText()));
        return out;
    }

    @Test
    void putCreatesGroupsAndGetListsActiveOnesWithWhereAndOrder() {
        JsonNode vips = create("VIPs");
        assertThat(vips.get("ContactGroupID").asText()).matches("[0-9a-f-]{36}");
        assertThat(vips.get("Status").asText()).isEqualTo("ACTIVE");
        assertThat(vips.get("Contacts")).isEmpty();
        assertThat(vips.get("HasValidationErrors").asBoolean()).isFalse();
        create("Suppliers");
        create("Account holders");

        HttpJson.Reply all = c.get("/ContactGroups");
        assertThat(all.body().get("Status").asText()).isEqualTo("OK");
        assertThat(all.body().has("pagination")).isFalse();
        assertThat(names(all)).containsExactly("VIPs", "Suppliers", "Account holders");
        assertThat(names(c.get("/ContactGroups?order=Name%20ASC"))).containsExactly("Account holders", "Suppliers", "VIPs");
        assertThat(names(c.get("/ContactGroups?where=Name%3D%3D%22VIPs%22"))).containsExactly("VIPs");
        assertThat(names(c.get("/ContactGroups?where=Status%3D%3D%22ACTIVE%22"))).hasSize(3);
        // No If-Modified-Since and no paging on this endpoint: the header and page are ignored.
        assertThat(names(c.get("/ContactGroups", "If-Modified-Since", "2100-01-01T00:00:00"))).hasSize(3);
        assertThat(c.get("/ContactGroups?page=1").body().has("pagination")).isFalse();
        assertThat(c.get("/ContactGroups?where=Nonsense(").status()).isEqualTo(400);
        assertThat(c.post("/ContactGroups", wrap("ContactGroups", Map.of("Name", "x"))).status()).isEqualTo(405);
    }

    @Test
    void nameIsRequiredUniqueAmongActiveGroupsAndLimitedTo255() {
        create("VIPs");
        HttpJson.Reply dup = c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "vips")));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().get("Type").asText()).isEqualTo("ValidationException");
        assertThat(dup.body().get("Elements").get(0).get("HasValidationErrors").asBoolean()).isTrue();
        assertThat(firstError(dup)).contains("unique");
        assertThat(firstError(c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", " "))))).contains("must be specified");
        assertThat(firstError(c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "x".repeat(256))))))
                .contains("255");
        assertThat(c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "x".repeat(255)))).status()).isEqualTo(200);
        assertThat(c.put("/ContactGroups", Map.of()).body().get("Type").asText()).isEqualTo("NoDataProcessedException");

        // summarizeErrors: by default any failure is a 400 listing only the failures, the valid element is still saved.
        HttpJson.Reply mixed = c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "Wholesale"), Map.of("Name", "VIPs")));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body().get("Elements")).hasSize(1);
        assertThat(names(c.get("/ContactGroups"))).contains("Wholesale");
        HttpJson.Reply each = c.put("/ContactGroups?summarizeErrors=false",
                wrap("ContactGroups", Map.of("Name", "Retail"), Map.of("Name", "VIPs")));
        assertThat(each.status()).isEqualTo(200);
        assertThat(each.body().get("ContactGroups").get(0).get("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(each.body().get("ContactGroups").get(0).get("ContactGroupID").asText()).matches("[0-9a-f-]{36}");
        assertThat(each.body().get("ContactGroups").get(1).get("StatusAttributeString").asText()).isEqualTo("ERROR");

        // Renaming into a taken name fails too; a deleted group frees its name.
        String retail = each.body().get("ContactGroups").get(0).get("ContactGroupID").asText();
        assertThat(firstError(c.post("/ContactGroups/" + retail, wrap("ContactGroups", Map.of("Name", "VIPS")))))
                .contains("unique");
        String vips = c.get("/ContactGroups?where=Name%3D%3D%22VIPs%22").body().get("ContactGroups").get(0)
                .get("ContactGroupID").asText();
        assertThat(c.post("/ContactGroups/" + vips, wrap("ContactGroups", Map.of("Status", "DELETED"))).status()).isEqualTo(200);
        assertThat(c.post("/ContactGroups/" + retail, wrap("ContactGroups", Map.of("Name", "VIPs"))).status()).isEqualTo(200);
    }

    @Test
    void postRenamesAndDeletedGroupsDisappear() {
        String id = create("Old name").get("ContactGroupID").asText();
        c.put("/ContactGroups/" + id + "/Contacts", wrap("Contacts", Map.of("ContactID", aliceId)));
        HttpJson.Reply renamed = c.post("/ContactGroups/" + id, Map.of("Name", "New name"));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.body().get("ContactGroups").get(0).get("Name").asText()).isEqualTo("New name");
        assertThat(group(id).get("Name").asText()).isEqualTo("New name");
        assertThat(c.get("/Contacts/" + aliceId).body().get("Contacts").get(0).get("ContactGroups").get(0).get("Name").asText())
                .isEqualTo("New name");

        HttpJson.Reply deleted = c.post("/ContactGroups/" + id, wrap("ContactGroups", Map.of("Status", "DELETED")));
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.body().get("ContactGroups").get(0).get("Status").asText()).isEqualTo("DELETED");
        assertThat(c.get("/ContactGroups").body().get("ContactGroups")).isEmpty();
        assertThat(c.get("/ContactGroups?where=Status%3D%3D%22DELETED%22").body().get("ContactGroups")).isEmpty();
        HttpJson.Reply gone = c.get("/ContactGroups/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("Title").asText()).isEqualTo("NotFound");
        assertThat(c.post("/ContactGroups/" + id, Map.of("Name", "Again")).status()).isEqualTo(404);
        assertThat(c.put("/ContactGroups/" + id + "/Contacts", wrap("Contacts", Map.of("ContactID", bobId))).status())
                .isEqualTo(404);
        assertThat(c.get("/Contacts/" + aliceId).body().get("Contacts").get(0).get("ContactGroups")).isEmpty();
        assertThat(firstError(c.post("/ContactGroups/" + create("Other").get("ContactGroupID").asText(),
                Map.of("Status", "ARCHIVED")))).contains("ACTIVE or DELETED");
        assertThat(c.get("/ContactGroups/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(c.get("/ContactGroups/not-a-guid").status()).isEqualTo(404);
    }

    @Test
    void contactsAreAddedAndRemovedAndShowTheirGroupsOnSingleGets() {
        String id = create("VIPs").get("ContactGroupID").asText();
        HttpJson.Reply added = c.put("/ContactGroups/" + id + "/Contacts",
                wrap("Contacts", Map.of("ContactID", aliceId), Map.of("ContactID", bobId)));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.body().get("Contacts")).hasSize(2);
        assertThat(added.body().get("Contacts").get(0).get("ContactID").asText()).isEqualTo(aliceId);

        JsonNode g = group(id);
        assertThat(g.get("Contacts")).hasSize(2);
        assertThat(g.get("Contacts").get(0).get("ContactID").asText()).isEqualTo(aliceId);
        assertThat(g.get("Contacts").get(0).get("Name").asText()).isEqualTo("Alice Ltd");
        assertThat(c.get("/ContactGroups").body().get("ContactGroups").get(0).get("Contacts")).isEmpty();

        JsonNode alice = c.get("/Contacts/" + aliceId).body().get("Contacts").get(0);
        JsonNode membership = alice.get("ContactGroups").get(0);
        assertThat(membership.get("ContactGroupID").asText()).isEqualTo(id);
        assertThat(membership.get("Name").asText()).isEqualTo("VIPs");
        assertThat(membership.get("Status").asText()).isEqualTo("ACTIVE");
        assertThat(c.get("/Contacts").body().get("Contacts").get(0).get("ContactGroups")).isEmpty();

        // Adding a member again changes nothing; an unknown contact is a validation error (the others are still added).
        String carolId = createContact("Carol Ltd");
        HttpJson.Reply unknown = c.put("/ContactGroups/" + id + "/Contacts", wrap("Contacts",
                Map.of("ContactID", aliceId), Map.of("ContactID", carolId), Map.of("ContactID", "00000000-0000-0000-0000-000000000001")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("Elements")).hasSize(1);
        assertThat(firstError(unknown)).contains("could not be found");
        assertThat(firstError(c.put("/ContactGroups/" + id + "/Contacts", wrap("Contacts", Map.of("Name", "x")))))
                .contains("ContactID");
        assertThat(group(id).get("Contacts")).hasSize(3);

        HttpJson.Reply removed = c.delete("/ContactGroups/" + id + "/Contacts/" + bobId);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.raw()).isEmpty();
        assertThat(group(id).get("Contacts")).hasSize(2);
        assertThat(c.get("/Contacts/" + bobId).body().get("Contacts").get(0).get("ContactGroups")).isEmpty();
        assertThat(firstError(c.delete("/ContactGroups/" + id + "/Contacts/" + bobId))).contains("not a member");
        assertThat(c.delete("/ContactGroups/" + id + "/Contacts/00000000-0000-0000-0000-000000000001").status()).isEqualTo(404);

        assertThat(c.delete("/ContactGroups/" + id + "/Contacts").status()).isEqualTo(204);
        assertThat(group(id).get("Contacts")).isEmpty();
        assertThat(c.delete("/ContactGroups/00000000-0000-0000-0000-000000000000/Contacts").status()).isEqualTo(404);
    }

    @Test
    void idempotencyKeyReplaysAndCallsAreCounted() {
        HttpJson.Reply first = c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "VIPs")), "Idempotency-Key", "group-1");
        HttpJson.Reply second = c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "VIPs")), "Idempotency-Key", "group-1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(c.get("/ContactGroups").body().get("ContactGroups")).hasSize(1);
        String id = first.body().get("ContactGroups").get(0).get("ContactGroupID").asText();
        HttpJson.Reply add = c.put("/ContactGroups/" + id + "/Contacts", wrap("Contacts", Map.of("ContactID", aliceId)),
                "Idempotency-Key", "members-1");
        c.delete("/ContactGroups/" + id + "/Contacts/" + aliceId);
        HttpJson.Reply replay = c.put("/ContactGroups/" + id + "/Contacts", wrap("Contacts", Map.of("ContactID", aliceId)),
                "Idempotency-Key", "members-1");
        assertThat(replay.raw()).isEqualTo(add.raw());
        assertThat(group(id).get("Contacts")).isEmpty();
        assertThat(c.put("/ContactGroups", wrap("ContactGroups", Map.of("Name", "x")), "Idempotency-Key", "k".repeat(129))
                .status()).isEqualTo(400);

        Map<String, Long> counts = xero.callCounts(tenantId);
        assertThat(counts.get("PUT /ContactGroups")).isEqualTo(3);
        assertThat(counts.get("GET /ContactGroups")).isEqualTo(1);
        assertThat(counts.get("GET /ContactGroups/{ContactGroupID}")).isEqualTo(1);
        assertThat(counts.get("PUT /ContactGroups/{ContactGroupID}/Contacts")).isEqualTo(2);
        assertThat(counts.get("DELETE /ContactGroups/{ContactGroupID}/Contacts/{ContactID}")).isEqualTo(1);
        assertThat(xero.writeCalls(tenantId)).isEqualTo(6);
    }

    @Test
    void javaHelpersAndAdminApiActAsAUserWithTheSameRules() {
        Map<String, Object> vips = xero.createContactGroup(tenantId, Map.of("Name", "VIPs"));
        String id = (String) vips.get("ContactGroupID");
        assertThatThrownBy(() -> xero.createContactGroup(tenantId, Map.of("Name", "VIPS")))
                .isInstanceOf(SandboxValidationException.class).hasMessageContaining("unique");
        assertThatThrownBy(() -> xero.addContactGroupContacts(tenantId, id, aliceId, "00000000-0000-0000-0000-000000000001"))
                .isInstanceOf(SandboxValidationException.class);
        assertThat((List<?>) xero.contactGroup(tenantId, id).get("Contacts")).isEmpty();
        assertThat((List<?>) xero.addContactGroupContacts(tenantId, id, aliceId, bobId).get("Contacts")).hasSize(2);
        assertThat((List<?>) xero.removeContactGroupContact(tenantId, id, aliceId).get("Contacts")).hasSize(1);
        assertThat((List<?>) xero.contact(tenantId, bobId).get("ContactGroups")).hasSize(1);
        assertThat((List<?>) xero.removeAllContactGroupContacts(tenantId, id).get("Contacts")).isEmpty();
        assertThat(xero.updateContactGroup(tenantId, id, Map.of("Name", "Top")).get("Name")).isEqualTo("Top");
        assertThat(xero.contactGroups(tenantId)).hasSize(1);
        xero.updateContactGroup(tenantId, id, Map.of("Status", "DELETED"));
        assertThat(xero.contactGroups(tenantId)).isEmpty();
        assertThatThrownBy(() -> xero.contactGroup(tenantId, id)).isInstanceOf(SandboxNotFoundException.class);
        assertThat(xero.callCounts(tenantId)).isEmpty();

        String admin = xero.baseUri() + "/sandbox-admin/tenants/" + tenantId + "/contact-groups";
        JsonNode g = HttpJson.send("POST", URI.create(admin), Map.of("Name", "Admin group"), Map.of()).body();
        String gid = g.get("ContactGroupID").asText();
        assertThat(HttpJson.send("POST", URI.create(admin), Map.of("Name", "admin GROUP"), Map.of()).status()).isEqualTo(400);
        JsonNode members = HttpJson.send("POST", URI.create(admin + "/" + gid + "/contacts"),
                Map.of("Contacts", List.of(Map.of("ContactID", aliceId))), Map.of()).body();
        assertThat(members.get("Contacts")).hasSize(1);
        assertThat(HttpJson.send("GET", URI.create(admin), null, Map.of()).body()).hasSize(1);
        assertThat(HttpJson.send("DELETE", URI.create(admin + "/" + gid + "/contacts/" + aliceId), null, Map.of())
                .body().get("Contacts")).isEmpty();
        assertThat(HttpJson.send("DELETE", URI.create(admin + "/" + gid + "/contacts"), null, Map.of()).status()).isEqualTo(200);
        assertThat(HttpJson.send("POST", URI.create(admin + "/" + gid), Map.of("Status", "DELETED"), Map.of())
                .body().get("Status").asText()).isEqualTo("DELETED");
        assertThat(HttpJson.send("GET", URI.create(admin + "/" + gid), null, Map.of()).status()).isEqualTo(404);
        assertThat(xero.callCounts(tenantId)).isEmpty();
    }
}
