package io.sxs.sandbox.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.demo.DemoData;
import io.sxs.sandbox.demo.DemoSeedResult;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.support.HttpJson;
import io.sxs.sandbox.support.ScoroClient;
import io.sxs.sandbox.support.XeroClient;
import io.sxs.sandbox.xero.XeroApp;
import io.sxs.sandbox.xero.XeroSandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox started from a snapshot answers every read exactly as the saved one did, and keeps working. */
class SandboxSnapshotContractTest {

    static final List<String> XERO_READS = List.of("/Organisation", "/Contacts?page=1", "/Contacts?page=2&pageSize=3",
            "/Invoices?page=1", "/Invoices?page=2&pageSize=5", "/CreditNotes?page=1", "/Payments", "/Prepayments",
            "/Overpayments", "/BankTransactions", "/Items", "/TrackingCategories", "/Accounts", "/TaxRates",
            "/ContactGroups", "/Currencies");
    static final List<String> SCORO_READS = List.of("contacts/list", "invoices/list", "bills/list", "prepayments/list",
            "receipts/list", "products/list", "financeObjects/list", "receiptAccounts/list", "vatCodes/list",
            "financeAccounts/list", "companyAccount/list", "webhooks/list");
    static final String REDIRECT = "https://app.example/callback";

    @TempDir
    Path dir;

    @Test
    void xeroReadsBackIdenticallyAndTokensKeepWorking() {
        Path file = dir.resolve("xero.snapshot");
        Map<String, JsonNode> before;
        XeroClient api;
        JsonNode oauth;
        XeroApp app;
        Instant savedAt;
        String idempotentReply;
        Map<String, Object> invoice = XeroClient.wrap("Invoices", Map.of("Type", "ACCREC", "Contact",
                Map.of("Name", "Snapshot Ltd"), "LineItems", List.of(Map.of("Description", "Work", "Quantity", "3",
                "UnitAmount", "12.3450", "AccountCode", "200", "TaxType", "OUTPUT2"))));
        try (XeroSandbox xero = XeroSandbox.start(0); ScoroSandbox scoro = ScoroSandbox.start(0)) {
            xero.clock().runAt(10);
            DemoSeedResult seed = DemoData.seed(scoro, xero, 7, 12, 15);
            api = new XeroClient(xero, seed.xeroTenant());
            assertThat(api.put("/Contacts", XeroClient.wrap("Contacts", Map.of("Name", "Snapshot Ltd"))).status()).isEqualTo(200);
            HttpJson.Reply first = api.put("/Invoices", invoice, "Idempotency-Key", "snap-1");
            assertThat(first.status()).as(first.raw()).isEqualTo(200);
            idempotentReply = first.raw();
            assertThat(api.put("/ContactGroups", XeroClient.wrap("ContactGroups", Map.of("Name", "VIPs")))
                    .status()).isEqualTo(200);
            xero.periodLockDate(seed.xeroTenant().tenantId(), LocalDate.parse("2020-01-31"));
            app = xero.registerApp("Sync");
            oauth = token(xero, app, "grant_type=authorization_code&code="
                    + enc(xero.authorize(app.clientId(), REDIRECT, "accounting.transactions offline_access",
                    seed.xeroTenant().tenantId())) + "&redirect_uri=" + enc(REDIRECT)).body();
            before = reads(api, XERO_READS);
            savedAt = xero.clock().instant();
            xero.save(file);
        }

        try (XeroSandbox xero = XeroSandbox.start(0, file)) {
            assertThat(xero.clock().instant()).isAfterOrEqualTo(savedAt);
            assertThat(xero.clock().rate()).isEqualTo(10.0);
            XeroClient again = new XeroClient(xero, api.tenant());
            assertThat(reads(again, XERO_READS)).isEqualTo(before);
            assertThat(xero.writeCalls(api.tenant().tenantId())).isZero(); // counters are not state

            // An Idempotency-Key replays the same reply; a new invoice gets the next number, not an earlier one.
            assertThat(again.put("/Invoices", invoice, "Idempotency-Key", "snap-1").raw()).isEqualTo(idempotentReply);
            HttpJson.Reply second = again.put("/Invoices", invoice);
            assertThat(second.status()).as(second.raw()).isEqualTo(200);
            JsonNode created = second.body().path("Invoices").get(0);
            assertThat(before.get("/Invoices?page=1").findValuesAsText("InvoiceNumber"))
                    .doesNotContain(created.path("InvoiceNumber").asText());
            assertThat(before.get("/Invoices?page=1").findValuesAsText("InvoiceID")).doesNotContain(created.path("InvoiceID").asText());

            // The OAuth grant survives: the access token still reaches the tenant and the refresh token rotates.
            String access = oauth.path("access_token").asText();
            assertThat(HttpJson.send("GET", URI.create(xero.apiBase() + "/Organisation"), null, Map.of(
                    "Authorization", "Bearer " + access, "xero-tenant-id", api.tenant().tenantId())).status()).isEqualTo(200);
            HttpJson.Reply rotated = token(xero, app, "grant_type=refresh_token&refresh_token="
                    + enc(oauth.path("refresh_token").asText()));
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(rotated.body().path("refresh_token").asText()).isNotEqualTo(oauth.path("refresh_token").asText());
        }
    }

    @Test
    void scoroReadsBackByteForByteAndNewIdsDoNotCollide() {
        long lastInvoice;
        ScoroClient api;
        Map<String, String> before;
        Path file = dir.resolve("scoro.snapshot");
        try (XeroSandbox xero = XeroSandbox.start(0); ScoroSandbox scoro = ScoroSandbox.start(0)) {
            DemoSeedResult seed = DemoData.seed(scoro, xero, 7, 12, 15);
            api = new ScoroClient(scoro, seed.scoroCompany());
            assertThat(api.modify("products/modify", Map.of("name", "Snapshot widget", "price", new java.math.BigDecimal("12.50")))
                    .status()).isEqualTo(200);
            before = rawReads(api, SCORO_READS);
            lastInvoice = seed.scoroInvoiceIds().stream().mapToLong(Long::longValue).max().orElseThrow();
            scoro.clock().advance(Duration.ofHours(1));
            scoro.save(file);
        }
        assertThat(before.get("products/list")).contains("12.50");

        try (ScoroSandbox scoro = ScoroSandbox.start(0, file)) {
            ScoroClient again = new ScoroClient(scoro, api.company());
            assertThat(rawReads(again, SCORO_READS)).isEqualTo(before);
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("company_id", Json.MAPPER.readTree(before.get("contacts/list")).path("data").get(0).path("contact_id").asLong());
            inv.put("date", "2030-01-02");
            JsonNode created = again.modify("invoices/modify", inv).body().path("data");
            assertThat(created.path("id").asLong()).isGreaterThan(lastInvoice);
            assertThat(before.get("invoices/list")).doesNotContain("\"no\":\"" + created.path("no").asText() + "\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnreadableSnapshotFailsNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("xero.snapshot"), "not a snapshot");
        assertThatThrownBy(() -> XeroSandbox.start(0, file)).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> ScoroSandbox.start(0, file)).hasMessageContaining(file.toString());
    }

    /** Each Xero read's body without the per-reply envelope fields (a fresh Id and the time of the reply). */
    private static Map<String, JsonNode> reads(XeroClient api, List<String> paths) {
        return each(paths, api::get, raw -> ((ObjectNode) parse(raw)).remove(List.of("Id", "DateTimeUTC")));
    }

    private static Map<String, String> rawReads(ScoroClient api, List<String> modules) {
        return each(modules, m -> api.call(m, "per_page", 100), raw -> raw);
    }

    private static <T> Map<String, T> each(List<String> reads, java.util.function.Function<String, HttpJson.Reply> call,
                                           java.util.function.Function<String, T> form) {
        Map<String, T> out = new LinkedHashMap<>();
        for (String read : reads) {
            HttpJson.Reply r = call.apply(read);
            assertThat(r.status()).as(read).isEqualTo(200);
            out.put(read, form.apply(r.raw()));
        }
        return out;
    }

    private static JsonNode parse(String raw) {
        try {
            return Json.MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpJson.Reply token(XeroSandbox xero, XeroApp app, String form) {
        String basic = Base64.getEncoder().encodeToString((app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return HttpJson.send("POST", URI.create(xero.identityBase() + "/connect/token"), form,
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
