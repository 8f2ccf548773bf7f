package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.AdminSupport;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.Router;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import static io.sxs.sandbox.http.AdminSupport.PREFIX;
import static io.sxs.sandbox.http.AdminSupport.body;
import static io.sxs.sandbox.http.AdminSupport.run;

/** /sandbox-admin/ on the Scoro sandbox: companies, call counts, state, acting as a user, the clock. */
final class ScoroAdminApi {

    private final Router router = new Router();

    ScoroAdminApi(ScoroSandbox s) {
        router.add("POST", PREFIX, "/companies", r -> run(() -> s.createCompany(body(r).path("name").asText("Sandbox Company"))));
        router.add("GET", PREFIX, "/companies", r -> run(s::companies));
        router.add("GET", PREFIX, "/calls", r -> run(() -> AdminSupport.callTotals("companies",
                s.companies().stream().map(ScoroCompany::companyAccountId).toList(), s::callCounts, s::throttledCalls)));
        router.add("GET", PREFIX, "/companies/{id}/calls", r -> run(() -> {
            ObjectNode o = Json.object();
            o.put("writeCalls", s.writeCalls(r.pathParam("id")));
            o.put("throttledCalls", s.throttledCalls(r.pathParam("id")));
            ObjectNode c = o.putObject("callCounts");
            s.callCounts(r.pathParam("id")).forEach(c::put);
            return o;
        }));
        // Reference data a seeder needs to write invoice lines (the ids differ per company).
        router.add("GET", PREFIX, "/companies/{id}/vat-codes", r -> run(() -> s.vatCodes(r.pathParam("id"))));
        router.add("GET", PREFIX, "/companies/{id}/finance-accounts", r -> run(() -> s.financeAccounts(r.pathParam("id"))));
        router.add("GET", PREFIX, "/companies/{id}/contacts", r -> run(() -> s.contacts(r.pathParam("id"))));
        router.add("GET", PREFIX, "/companies/{id}/contacts/{cid}",
                r -> run(() -> s.contact(r.pathParam("id"), Long.parseLong(r.pathParam("cid")))));
        router.add("POST", PREFIX, "/companies/{id}/contacts",
                r -> run(() -> s.createContact(r.pathParam("id"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/companies/{id}/contacts/{cid}",
                r -> run(() -> s.updateContact(r.pathParam("id"), Long.parseLong(r.pathParam("cid")), Json.toMap(body(r)))));
        router.add("DELETE", PREFIX, "/companies/{id}/contacts/{cid}", r -> run(() -> {
            s.deleteContact(r.pathParam("id"), Long.parseLong(r.pathParam("cid")));
            return Json.object().put("deleted", true);
        }));
        router.add("GET", PREFIX, "/companies/{id}/invoices", r -> run(() -> s.invoices(r.pathParam("id"))));
        router.add("GET", PREFIX, "/companies/{id}/invoices/{iid}",
                r -> run(() -> s.invoice(r.pathParam("id"), Long.parseLong(r.pathParam("iid")))));
        router.add("POST", PREFIX, "/companies/{id}/invoices",
                r -> run(() -> s.createInvoice(r.pathParam("id"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/companies/{id}/invoices/{iid}",
                r -> run(() -> s.updateInvoice(r.pathParam("id"), Long.parseLong(r.pathParam("iid")), Json.toMap(body(r)))));
        router.add("DELETE", PREFIX, "/companies/{id}/invoices/{iid}", r -> run(() -> {
            s.deleteInvoice(r.pathParam("id"), Long.parseLong(r.pathParam("iid")));
            return Json.object().put("deleted", true);
        }));
        router.add("POST", PREFIX, "/quotas", r -> run(() -> {
            s.quotas(quotas(body(r)));
            return body(r);
        }));
        router.add("POST", PREFIX, "/companies/{id}/quotas", r -> run(() -> {
            ObjectNode b = body(r);
            s.quotas(r.pathParam("id"), b.isEmpty() ? null : quotas(b));
            return b;
        }));
        router.add("GET", PREFIX, "/companies/{id}/bills", r -> run(() -> s.bills(r.pathParam("id"))));
        router.add("GET", PREFIX, "/companies/{id}/bills/{bid}", r -> run(() -> s.bill(r.pathParam("id"), Long.parseLong(r.pathParam("bid")))));
        router.add("POST", PREFIX, "/companies/{id}/bills", r -> run(() -> s.createBill(r.pathParam("id"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/companies/{id}/bills/{bid}",
                r -> run(() -> s.updateBill(r.pathParam("id"), Long.parseLong(r.pathParam("bid")), Json.toMap(body(r)))));
        router.add("DELETE", PREFIX, "/companies/{id}/bills/{bid}", r -> run(() -> {
            s.deleteBill(r.pathParam("id"), Long.parseLong(r.pathParam("bid")));
            return Json.object().put("deleted", true);
        }));
        router.add("GET", PREFIX, "/companies/{id}/prepayments", r -> run(() -> s.prepayments(r.pathParam("id"))));
        router.add("POST", PREFIX, "/companies/{id}/prepayments", r -> run(() -> s.createPrepayment(r.pathParam("id"), Json.toMap(body(r)))));
        router.add("GET", PREFIX, "/companies/{id}/receipts", r -> run(() -> s.receipts(r.pathParam("id"))));
        router.add("POST", PREFIX, "/companies/{id}/receipts", r -> run(() -> s.createReceipt(r.pathParam("id"), Json.toMap(body(r)))));
        router.add("DELETE", PREFIX, "/companies/{id}/receipts/{rid}", r -> run(() -> {
            s.deleteReceipt(r.pathParam("id"), Long.parseLong(r.pathParam("rid")));
            return Json.object().put("deleted", true);
        }));
        router.add("GET", PREFIX, "/companies/{id}/records/{module}",
                r -> run(() -> s.records(r.pathParam("id"), r.pathParam("module"))));
        router.add("POST", PREFIX, "/companies/{id}/records/{module}",
                r -> run(() -> s.createRecord(r.pathParam("id"), r.pathParam("module"), Json.toMap(body(r)))));
        router.add("POST", PREFIX, "/companies/{id}/records/{module}/{rid}", r -> run(() -> s.updateRecord(r.pathParam("id"),
                r.pathParam("module"), Long.parseLong(r.pathParam("rid")), Json.toMap(body(r)))));
        router.add("DELETE", PREFIX, "/companies/{id}/records/{module}/{rid}", r -> run(() -> {
            s.deleteRecord(r.pathParam("id"), r.pathParam("module"), Long.parseLong(r.pathParam("rid")));
            return Json.object().put("deleted", true);
        }));
        router.add("GET", PREFIX, "/companies/{id}/faults", r -> run(() -> s.faults(r.pathParam("id")).toJson()));
        router.add("POST", PREFIX, "/companies/{id}/faults", r -> run(() -> s.faults(r.pathParam("id")).apply(body(r)).toJson()));
        router.add("DELETE", PREFIX, "/companies/{id}/faults", r -> run(() -> s.faults(r.pathParam("id")).clear().toJson()));
        AdminSupport.clockRoutes(router, s.clock);
    }

    /** Missing fields keep the default value. */
    private static ScoroQuotas quotas(ObjectNode b) {
        ScoroQuotas d = ScoroQuotas.scoroDefaults();
        return new ScoroQuotas(b.path("shortLimit").asInt(d.shortLimit()),
                java.time.Duration.ofMillis((long) (b.path("shortWindowSeconds").asDouble(d.shortWindow().toMillis() / 1000.0) * 1000)),
                b.path("dailyLimit").asInt(d.dailyLimit()));
    }

    boolean handles(SandboxRequest r) {
        return r.path().startsWith(PREFIX + "/");
    }

    SandboxResponse handle(SandboxRequest r) throws Exception {
        return AdminSupport.dispatch(router, r);
    }
}
