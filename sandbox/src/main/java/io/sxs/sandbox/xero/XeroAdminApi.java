package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.AdminSupport;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.Router;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.util.Map;

import static io.sxs.sandbox.http.AdminSupport.PREFIX;
import static io.sxs.sandbox.http.AdminSupport.body;
import static io.sxs.sandbox.http.AdminSupport.run;

/** /sandbox-admin/ on the Xero sandbox: tenants, call counts, state, acting as a user, the clock. */
final class XeroAdminApi {

    private final Router router = new Router();

    XeroAdminApi(XeroSandbox x) {
        router.add("POST", PREFIX, "/tenants", r -> run(() -> x.createTenant(
                body(r).path("organisationName").asText("Sandbox Organisation"))));
        router.add("GET", PREFIX, "/tenants", r -> run(x::tenants));
        router.add("GET", PREFIX, "/tenants/{tenantId}/calls", r -> run(() -> calls(x, r.pathParam("tenantId"))));
        router.add("GET", PREFIX, "/calls", r -> run(() -> AdminSupport.callTotals("tenants",
                x.tenants().stream().map(XeroTenant::tenantId).toList(), x::callCounts, x::throttledCalls)));
        router.add("GET", PREFIX, "/tenants/{tenantId}/contacts", r -> run(() -> x.contacts(r.pathParam("tenantId"))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/contacts/{id}",
                r -> run(() -> x.contact(r.pathParam("tenantId"), r.pathParam("id"))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/contacts",
                r -> run(() -> x.createContact(r.pathParam("tenantId"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/contacts/{id}",
                r -> run(() -> x.updateContact(r.pathParam("tenantId"), r.pathParam("id"), Json.toMap(body(r)))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/contact-groups", r -> run(() -> x.contactGroups(r.pathParam("tenantId"))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/contact-groups/{id}",
                r -> run(() -> x.contactGroup(r.pathParam("tenantId"), r.pathParam("id"))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/contact-groups",
                r -> run(() -> x.createContactGroup(r.pathParam("tenantId"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/contact-groups/{id}",
                r -> run(() -> x.updateContactGroup(r.pathParam("tenantId"), r.pathParam("id"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/contact-groups/{id}/contacts", r -> run(() -> {
            java.util.List<String> ids = new java.util.ArrayList<>();
            body(r).path("Contacts").forEach(c -> ids.add(c.path("ContactID").asText(null)));
            return x.addContactGroupContacts(r.pathParam("tenantId"), r.pathParam("id"), ids.toArray(String[]::new));
        }));
        router.add("DELETE", PREFIX, "/tenants/{tenantId}/contact-groups/{id}/contacts",
                r -> run(() -> x.removeAllContactGroupContacts(r.pathParam("tenantId"), r.pathParam("id"))));
        router.add("DELETE", PREFIX, "/tenants/{tenantId}/contact-groups/{id}/contacts/{contactId}",
                r -> run(() -> x.removeContactGroupContact(r.pathParam("tenantId"), r.pathParam("id"), r.pathParam("contactId"))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/invoices", r -> run(() -> x.invoices(r.pathParam("tenantId"))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/invoices/{id}",
                r -> run(() -> x.invoice(r.pathParam("tenantId"), r.pathParam("id"))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/invoices",
                r -> run(() -> x.createInvoice(r.pathParam("tenantId"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/invoices/{id}",
                r -> run(() -> x.updateInvoice(r.pathParam("tenantId"), r.pathParam("id"), Json.toMap(body(r)))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/credit-notes", r -> run(() -> x.creditNotes(r.pathParam("tenantId"))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/credit-notes",
                r -> run(() -> x.createCreditNote(r.pathParam("tenantId"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/credit-notes/{id}",
                r -> run(() -> x.updateCreditNote(r.pathParam("tenantId"), r.pathParam("id"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/credit-notes/{id}/allocations",
                r -> run(() -> x.allocateCreditNote(r.pathParam("tenantId"), r.pathParam("id"), Json.toMap(body(r)))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/bank-transactions", r -> run(() -> x.bankTransactions(r.pathParam("tenantId"))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/bank-transactions",
                r -> run(() -> x.createBankTransaction(r.pathParam("tenantId"), Json.toMap(body(r)))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/prepayments", r -> run(() -> x.prepayments(r.pathParam("tenantId"))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/overpayments", r -> run(() -> x.overpayments(r.pathParam("tenantId"))));
        router.add("GET", PREFIX, "/tenants/{tenantId}/payments", r -> run(() -> x.payments(r.pathParam("tenantId"))));
        router.add("POST", PREFIX, "/tenants/{tenantId}/payments",
                r -> run(() -> x.createPayment(r.pathParam("tenantId"), Json.toMap(body(r)))));
        router.add("DELETE", PREFIX, "/tenants/{tenantId}/payments/{id}",
                r -> run(() -> x.deletePayment(r.pathParam("tenantId"), r.pathParam("id"))));
        router.add("POST", PREFIX, "/apps", r -> run(() -> x.registerApp(body(r).path("name").asText("Sandbox App"))));
        router.add("POST", PREFIX, "/webhooks", r -> run(() -> {
            ObjectNode b = body(r);
            return x.configureWebhook(b.path("clientId").asText(x.defaultAppClientId()),
                    java.net.URI.create(b.path("url").asText()), b.path("key").asText());
        }));
        router.add("GET", PREFIX, "/webhooks/{clientId}", r -> run(() -> x.webhookStatus(r.pathParam("clientId"))));
        router.add("POST", PREFIX, "/custom-connections", r -> run(() -> x.registerCustomConnection(
                body(r).path("name").asText("Custom connection"), body(r).path("tenantId").asText(null))));
        router.add("POST", PREFIX, "/authorize", r -> run(() -> {
            ObjectNode b = body(r);
            java.util.List<String> tenants = new java.util.ArrayList<>();
            b.path("tenantIds").forEach(t -> tenants.add(t.asText()));
            String code = x.authorize(b.path("clientId").asText(null), b.path("redirectUri").asText(null),
                    b.path("scope").asText("openid profile email accounting.transactions accounting.contacts offline_access"),
                    tenants.toArray(String[]::new));
            return Json.object().put("code", code);
        }));
        router.add("POST", PREFIX, "/rate-limits", r -> run(() -> {
            x.rateLimits(limits(body(r)));
            return body(r);
        }));
        router.add("POST", PREFIX, "/tenants/{tenantId}/rate-limits", r -> run(() -> {
            ObjectNode b = body(r);
            x.rateLimits(r.pathParam("tenantId"), b.isEmpty() ? null : limits(b));
            return b;
        }));
        router.add("POST", PREFIX, "/tenants/{tenantId}/lock-date", r -> run(() -> {
            ObjectNode b = body(r);
            x.periodLockDate(r.pathParam("tenantId"),
                    b.hasNonNull("periodLockDate") ? java.time.LocalDate.parse(b.get("periodLockDate").asText()) : null);
            return b;
        }));
        router.add("GET", PREFIX, "/tenants/{tenantId}/faults", r -> run(() -> x.faults(r.pathParam("tenantId")).toJson()));
        router.add("POST", PREFIX, "/tenants/{tenantId}/faults",
                r -> run(() -> x.faults(r.pathParam("tenantId")).apply(body(r)).toJson()));
        router.add("DELETE", PREFIX, "/tenants/{tenantId}/faults", r -> run(() -> x.faults(r.pathParam("tenantId")).clear().toJson()));
        AdminSupport.clockRoutes(router, x.clock);
    }

    /** Missing fields keep Xero's published value. */
    private static XeroRateLimits limits(ObjectNode b) {
        XeroRateLimits d = XeroRateLimits.xeroDefaults();
        return new XeroRateLimits(b.path("concurrent").asInt(d.concurrent()), b.path("perMinute").asInt(d.perMinute()),
                b.path("perDay").asInt(d.perDay()), b.path("appPerMinute").asInt(d.appPerMinute()));
    }

    private static ObjectNode calls(XeroSandbox x, String tenantId) {
        ObjectNode o = Json.object();
        o.put("writeCalls", x.writeCalls(tenantId));
        o.put("throttledCalls", x.throttledCalls(tenantId));
        Map<String, Long> counts = x.callCounts(tenantId);
        ObjectNode c = o.putObject("callCounts");
        counts.forEach(c::put);
        return o;
    }

    boolean handles(SandboxRequest r) {
        return r.path().startsWith(PREFIX + "/");
    }

    SandboxResponse handle(SandboxRequest r) throws Exception {
        return AdminSupport.dispatch(router, r);
    }
}
