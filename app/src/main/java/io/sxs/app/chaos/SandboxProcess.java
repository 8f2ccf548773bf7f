package io.sxs.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.kafka.embedded.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Scoro and Xero sandboxes as a process of their own, on free ports, without their rate limits (the run is about
 * faults, not about budgets; a real Scoro site's 500 calls a day would take weeks for 10,000 invoices), and their
 * admin APIs over HTTP: companies, tenants, documents as a user, fault plans and their counters.
 */
final class SandboxProcess implements AutoCloseable {

    private static final Duration CALL = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final URI scoro;
    private final URI xero;
    private final URI xeroApi;

    private SandboxProcess(ChildProcess process, URI scoro, URI xero, URI xeroApi) {
        this.process = process;
        this.scoro = scoro;
        this.xero = xero;
        this.xeroApi = xeroApi;
    }

    static SandboxProcess start(JavaCommands java, Path logs) throws InterruptedException {
        int xeroPort = FreePorts.next();
        int scoroPort = FreePorts.next();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("xero-port", xeroPort);
        options.put("scoro-port", scoroPort);
        options.put("limits", "off");
        options.put("contacts", 0);
        options.put("invoices", 0);
        ChildProcess p = ChildProcess.start("sandboxes", java.sandboxes(options), logs.resolve("sandboxes.log"));
        String api = p.awaitLine(l -> l.startsWith("Xero sandbox:"), Duration.ofSeconds(90));
        p.awaitLine(l -> l.endsWith("Ctrl-C stops."), Duration.ofSeconds(90));
        return new SandboxProcess(p, URI.create("http://localhost:" + scoroPort), URI.create("http://localhost:" + xeroPort),
                URI.create(api.substring("Xero sandbox:".length()).trim()));
    }

    /** The Scoro site address a connection is given. */
    URI scoroSite() {
        return scoro;
    }

    /** The Xero Accounting API base a connection is given. */
    URI xeroApi() {
        return xeroApi;
    }

    JsonNode scoro(String method, String path, Object body) {
        return JsonHttp.send(method, scoro.resolve("/sandbox-admin" + path), body, null, CALL);
    }

    JsonNode xero(String method, String path, Object body) {
        return JsonHttp.send(method, xero.resolve("/sandbox-admin" + path), body, null, CALL);
    }

    /** A new Scoro company: {@code companyAccountId}, {@code apiKey}. */
    JsonNode createCompany(String name) {
        return scoro("POST", "/companies", Map.of("name", name));
    }

    /** A new Xero organisation: {@code tenantId}, {@code accessToken}. */
    JsonNode createTenant(String name) {
        return xero("POST", "/tenants", Map.of("organisationName", name));
    }

    /** Sets the fault plan of a company and of a tenant (fields as {@code FaultPlan.apply} reads them). */
    void faults(String company, String tenant, Map<String, ?> plan) {
        scoro("POST", "/companies/" + company + "/faults", plan);
        xero("POST", "/tenants/" + tenant + "/faults", plan);
    }

    /** Switches a company's and a tenant's faults off; returns how many they injected (their counters stay). */
    long clearFaults(String company, String tenant) {
        return scoro("DELETE", "/companies/" + company + "/faults", null).path("injected").asLong()
                + xero("DELETE", "/tenants/" + tenant + "/faults", null).path("injected").asLong();
    }

    long injected(String company, String tenant) {
        return scoro("GET", "/companies/" + company + "/faults", null).path("injected").asLong()
                + xero("GET", "/tenants/" + tenant + "/faults", null).path("injected").asLong();
    }

    List<JsonNode> scoroList(String company, String what) {
        return list(scoro("GET", "/companies/" + company + "/" + what, null));
    }

    List<JsonNode> xeroList(String tenant, String what) {
        return list(xero("GET", "/tenants/" + tenant + "/" + what, null));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    String tail() {
        return process.tail();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
