package io.sxs.bench.p2;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.bench.Table;
import io.sxs.bench.app.AppProcess;
import io.sxs.bench.app.CallSampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * P2: API calls per endpoint, counted by the sandboxes (which enforce the APIs' real limits), against the minimum the
 * APIs allow (docs/api-budget.md): an initial sync of 300 contacts and 3,000 invoices and a delta after it; the share
 * of Xero's minute budget used while a Xero backlog drains; calls a day spent by an idle connection.
 */
@Command(name = "p2", mixinStandardHelpOptions = true, description = "API calls per endpoint against the documented minimum.")
public final class ApiCalls implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--app-jar", defaultValue = "app/target/scoro-xero-sync.jar", description = "The runnable jar (${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--contacts", defaultValue = "300")
    int contacts;

    @Option(names = "--invoices", defaultValue = "3000")
    int invoices;

    @Option(names = "--idle-minutes", defaultValue = "2", description = "Real minutes of idling, at 60 times real time.")
    int idleMinutes;

    @Option(names = "--parts", split = ",", defaultValue = "sync,backlog,idle",
            description = "Which parts to run: sync (initial sync and delta), backlog, idle (${DEFAULT-VALUE}).")
    java.util.Set<String> parts;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Table calls = new Table("Phase", "System", "Endpoint", "Calls", "Minimum", "Ratio");
        Table other = new Table("Measure", "Value");
        if (parts.contains("sync")) {
            initialAndDelta(calls, other);
        }
        if (parts.contains("backlog")) {
            backlog(other);
        }
        if (parts.contains("idle")) {
            idle(other, true);
            idle(other, false);
        }
        out.println("P2: API calls per endpoint (sandboxes with the APIs' real limits; Scoro's daily quota raised to "
                + "100,000 for the 3,000-invoice sync, which needs 3,063 calls)");
        out.println(calls.render());
        out.println(other.render());
        out.flush();
        return 0;
    }

    private void initialAndDelta(Table calls, Table other) throws Exception {
        try (AppProcess app = AppProcess.start(jar, Map.of("sxs.demo.contacts", contacts, "sxs.demo.invoices", invoices,
                "sxs.demo.contact-mode", "FROM_SCORO", "sxs.demo.scoro-daily-quota", 100_000));
             CallSampler xeroSampler = new CallSampler(() -> total(appCalls(app)))) {
            app.awaitInitialSync(Duration.ofMinutes(20));
            Map<String, Long> xero = app.xeroCalls();
            Map<String, Long> scoro = app.scoroCalls();
            // The demo data besides contacts and invoices: 5 products, a fifth as many bills as invoices, 3 credit invoices.
            int bills = Math.max(1, invoices / 5);
            int credits = 3;
            Map<String, Long> xeroMin = new LinkedHashMap<>();
            xeroMin.put("GET /Contacts", 1L);
            xeroMin.put("GET /Invoices", 1L);
            xeroMin.put("PUT /Contacts", ceil(contacts, 50));
            // Invoices and bills share the endpoint, each in its own batches.
            xeroMin.put("PUT /Invoices", ceil(invoices, 50) + ceil(bills, 50));
            xeroMin.put("GET /Items", 1L);
            xeroMin.put("PUT /Items", 1L);
            // The credit notes the pipeline allocated are read back once (by id, 50 a call) for their allocations' ids.
            xeroMin.put("GET /CreditNotes", 1L + ceil(credits, 50));
            // Money from Xero: one read of each, the allocations as receipts through one stand-in account.
            xeroMin.put("GET /Payments", 1L);
            xeroMin.put("GET /Overpayments", 1L);
            xeroMin.put("GET /Prepayments", 1L);
            xeroMin.put("PUT /CreditNotes", 1L);
            xeroMin.put("PUT /CreditNotes/{CreditNoteID}/Allocations", (long) credits);
            // Reference data (the demo's UK defaults and its Region category): one whole-set read each, plus the one
            // read of each by the pre-flight check (with the organisation and its currencies), which reports them.
            xeroMin.put("GET /TaxRates", 2L);
            xeroMin.put("GET /Accounts", 2L);
            xeroMin.put("GET /TrackingCategories", 2L);
            xeroMin.put("GET /Organisation", 1L);
            xeroMin.put("GET /Currencies", 1L);
            Map<String, Long> scoroMin = new LinkedHashMap<>();
            scoroMin.put("companyAccount/list", 1L);
            scoroMin.put("contacts/list", contacts / 100 + 1L);
            scoroMin.put("invoices/list", invoices / 100 + 1L);
            scoroMin.put("invoices/view", (long) invoices + credits);
            scoroMin.put("bills/list", bills / 100 + 1L);
            scoroMin.put("bills/view", (long) bills);
            scoroMin.put("products/list", 1L);
            // The reference lists the mappers use (cached), plus the read-back of what Xero owns (a whole-set read each).
            scoroMin.put("financeAccounts/list", 2L);
            scoroMin.put("vatCodes/list", 2L);
            // What Scoro lacks of Xero's UK defaults (7 accounts, 4 VAT codes; the rest already match: no call), and the
            // 4 options of the Region category (each looked up by name first: objects are not in the cached lists).
            scoroMin.put("financeAccounts/modify", 7L);
            scoroMin.put("vatCodes/modify", 4L);
            scoroMin.put("financeObjects/list", 5L);
            scoroMin.put("financeObjects/modify", 4L);
            scoroMin.put("webhooks/list", 1L);
            scoroMin.put("webhooks/subscribe", 4L);
            scoroMin.put("prepayments/list", 1L);
            scoroMin.put("receipts/modify", (long) credits);
            scoroMin.put("receiptAccounts/list", 1L);
            scoroMin.put("receiptAccounts/modify", 1L);
            rows(calls, "initial sync", "Xero", xero, xeroMin);
            rows(calls, "initial sync", "Scoro", scoro, scoroMin);
            other.row("initial sync: 429s (Xero, Scoro)", app.xeroThrottled() + ", " + app.scoroThrottled());
            other.row("initial sync: Xero calls in the busiest minute", xeroSampler.busiest(Duration.ofSeconds(60)) + " of 60");

            // The delta: 30 invoices and 10 contacts edited in Scoro, through their webhooks.
            JsonNode scoroInvoices = app.scoroAdmin("GET", "/companies/" + app.company() + "/invoices", null);
            JsonNode scoroContacts = app.scoroAdmin("GET", "/companies/" + app.company() + "/contacts", null);
            for (int i = 0; i < 30; i++) {
                app.scoroAdmin("POST", "/companies/" + app.company() + "/invoices/" + scoroInvoices.get(i).path("id").asText(),
                        Map.of("deadline", "2027-01-15"));
            }
            for (int i = 0; i < 10; i++) {
                app.scoroAdmin("POST", "/companies/" + app.company() + "/contacts/" + scoroContacts.get(i).path("contact_id").asText(),
                        Map.of("vatno", "GB" + (100000000 + i)));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!deltaArrived(app) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            Thread.sleep(3000); // anything late still counts
            Map<String, Long> xeroDelta = minus(app.xeroCalls(), xero);
            Map<String, Long> scoroDelta = minus(app.scoroCalls(), scoro);
            rows(calls, "delta (30 invoices, 10 contacts)", "Xero", xeroDelta, Map.of("POST /Invoices", 1L, "POST /Contacts", 1L));
            rows(calls, "delta (30 invoices, 10 contacts)", "Scoro", scoroDelta, Map.of("invoices/view", 30L, "contacts/list", 1L));
            disk(app, other, invoices + Math.max(1, invoices / 5) + 3);
        }
    }

    /**
     * What the topics hold on disk after the sync and the delta (retention forever, before compaction has run), per
     * 10,000 documents: the documents with their share of contacts, reference data and the ID map.
     */
    private static void disk(AppProcess app, Table other, int documents) {
        Map<String, Long> bytes = TopicDisk.measure(app.dataDir().resolve("kafka"));
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        other.row("disk after the sync and delta: all topics (" + documents + " documents)", mb(total));
        other.row("disk per 10,000 documents", mb(total * 10_000 / documents));
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> other.row("  per 10,000 documents: " + e.getKey(), mb(e.getValue() * 10_000 / documents)));
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static boolean deltaArrived(AppProcess app) {
        long invoices = 0;
        for (JsonNode i : app.xeroAdmin("GET", "/tenants/" + app.tenant() + "/invoices", null)) {
            if (i.path("DueDateString").asText("").startsWith("2027-01-15")) {
                invoices++;
            }
        }
        long contacts = 0;
        for (JsonNode c : app.xeroAdmin("GET", "/tenants/" + app.tenant() + "/contacts", null)) {
            if (c.path("TaxNumber").asText("").startsWith("GB1000000")) {
                contacts++;
            }
        }
        return invoices >= 30 && contacts >= 10;
    }

    /** A Xero backlog: small batches make Xero the bottleneck; how much of its minute budget is used while it drains. */
    private void backlog(Table other) throws Exception {
        try (AppProcess app = AppProcess.start(jar, Map.of("sxs.demo.contacts", 50, "sxs.demo.invoices", 500,
                "sxs.demo.contact-mode", "FROM_SCORO", "sxs.demo.scoro-daily-quota", 100_000, "sxs.xero.batch-size", 5));
             CallSampler xero = new CallSampler(() -> total(appCalls(app)))) {
            app.awaitInitialSync(Duration.ofMinutes(20));
            other.row("Xero backlog (50 contacts, 500 invoices, 5 per request): calls in the busiest minute",
                    xero.busiest(Duration.ofSeconds(60)) + " of 60");
            other.row("Xero backlog: calls a minute while it drained (whole minutes)",
                    String.format("%.1f of 60", xero.callsPerFullMinuteWhileMoving()));
            other.row("Xero backlog: 429s (Xero, Scoro)", app.xeroThrottled() + ", " + app.scoroThrottled());
        }
    }

    /** An idle connection for two sandbox hours (time runs 60 times as fast): its calls a day on each system. */
    private void idle(Table other, boolean webhooks) throws Exception {
        try (AppProcess app = AppProcess.start(jar, Map.of("sxs.demo.time-rate", 60, "sxs.demo.webhooks", webhooks))) {
            app.awaitInitialSync(Duration.ofMinutes(10));
            Thread.sleep(5000); // the read-back of the initial writes is not idling
            long xero = total(app.xeroCalls());
            long scoro = total(app.scoroCalls());
            Thread.sleep(Duration.ofMinutes(idleMinutes).toMillis());
            double perDay = 24.0 / idleMinutes; // idleMinutes real minutes are idleMinutes sandbox hours
            String how = webhooks ? "with webhooks" : "polling only";
            other.row("idle connection " + how + ": Xero calls a day",
                    String.format("%.0f (quota 5,000)", (total(app.xeroCalls()) - xero) * perDay));
            other.row("idle connection " + how + ": Scoro calls a day",
                    String.format("%.0f (quota 500)", (total(app.scoroCalls()) - scoro) * perDay));
            other.row("idle connection " + how + ": 429s (Xero, Scoro)", app.xeroThrottled() + ", " + app.scoroThrottled());
        }
    }

    private static Map<String, Long> appCalls(AppProcess app) {
        return app.tenant() == null ? Map.of() : app.xeroCalls();
    }

    private static void rows(Table table, String phase, String system, Map<String, Long> measured, Map<String, Long> minimum) {
        Map<String, Long> all = new LinkedHashMap<>(minimum);
        measured.keySet().forEach(k -> all.putIfAbsent(k, 0L));
        all.forEach((endpoint, min) -> {
            long n = measured.getOrDefault(endpoint, 0L);
            table.row(phase, system, endpoint, n, min, min == 0 ? (n == 0 ? "1.00" : "n/a") : String.format("%.2f", (double) n / min));
        });
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    private static long total(Map<String, Long> calls) {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long ceil(long n, long per) {
        return (n + per - 1) / per;
    }
}
