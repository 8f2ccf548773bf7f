package io.sxs.bench.p3;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.bench.Table;
import io.sxs.bench.app.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * P3: change-to-write latency, from the moment a change is made in one sandbox (through its admin API, as a user)
 * to the moment the other sandbox holds it, Scoro to Xero and Xero to Scoro, with webhooks and with polling only.
 * The sandboxes keep their real limits; polling only is measured on a Scoro plan of 100,000 calls a day (on 500,
 * the poll allowance spaces Scoro polls about ten minutes apart).
 */
@Command(name = "p3", mixinStandardHelpOptions = true, description = "Change-to-write latency p50/p95.")
public final class Latency implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--app-jar", defaultValue = "app/target/scoro-xero-sync.jar")
    Path jar;

    @Option(names = "--samples", defaultValue = "20", description = "Changes per direction with webhooks.")
    int samples;

    @Option(names = "--polling-samples", defaultValue = "5", description = "Changes per direction polling only.")
    int pollingSamples;

    @Override
    public Integer call() throws Exception {
        Table table = new Table("Direction", "Change detection", "Samples", "p50 (s)", "p95 (s)", "max (s)");
        scoroToXero(table, true, samples);
        scoroToXero(table, false, pollingSamples);
        xeroToScoro(table, true, samples);
        xeroToScoro(table, false, pollingSamples);
        spec.commandLine().getOut().println("P3: change-to-write latency (sandboxes with the APIs' real limits)");
        spec.commandLine().getOut().println(table.render());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void scoroToXero(Table table, boolean webhooks, int n) throws Exception {
        try (AppProcess app = AppProcess.start(jar, Map.of("sxs.demo.webhooks", webhooks, "sxs.demo.scoro-daily-quota", 100_000))) {
            app.awaitInitialSync(Duration.ofMinutes(5));
            Thread.sleep(2000);
            JsonNode invoices = app.scoroAdmin("GET", "/companies/" + app.company() + "/invoices", null);
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JsonNode invoice = invoices.get(i % invoices.size());
                String due = "2027-02-" + String.format("%02d", 1 + i % 28);
                String number = invoice.path("no").asText();
                long start = System.nanoTime();
                app.scoroAdmin("POST", "/companies/" + app.company() + "/invoices/" + invoice.path("id").asText(),
                        Map.of("deadline", due));
                latencies.add(until(() -> app.xeroAdmin("GET", "/tenants/" + app.tenant() + "/invoices/" + number, null)
                        .path("DueDateString").asText("").startsWith(due), start));
            }
            row(table, "Scoro -> Xero", webhooks, latencies);
        }
    }

    private void xeroToScoro(Table table, boolean webhooks, int n) throws Exception {
        try (AppProcess app = AppProcess.start(jar, Map.of("sxs.demo.webhooks", webhooks, "sxs.demo.invoice-direction", "TO_SCORO",
                "sxs.demo.scoro-daily-quota", 100_000))) {
            app.awaitInitialSync(Duration.ofMinutes(5));
            JsonNode contact = app.xeroAdmin("POST", "/tenants/" + app.tenant() + "/contacts", Map.of("Name", "Latency Buyer"));
            Thread.sleep(5000); // the contact itself syncs first
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String number = "LAT-" + i;
                long start = System.nanoTime();
                app.xeroAdmin("POST", "/tenants/" + app.tenant() + "/invoices", Map.of("Type", "ACCREC", "InvoiceNumber", number,
                        "Contact", Map.of("ContactID", contact.path("ContactID").asText()), "Date", "2026-11-03",
                        "DueDate", "2026-11-17", "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Work",
                                "Quantity", 1, "UnitAmount", 100, "AccountCode", "200", "TaxType", "OUTPUT2"))));
                latencies.add(until(() -> {
                    for (JsonNode inv : app.scoroAdmin("GET", "/companies/" + app.company() + "/invoices", null)) {
                        if (number.equals(inv.path("no").asText())) {
                            return true;
                        }
                    }
                    return false;
                }, start));
            }
            row(table, "Xero -> Scoro", webhooks, latencies);
        }
    }

    private static double until(BooleanSupplier arrived, long start) throws InterruptedException {
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (!arrived.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return Double.NaN;
            }
            Thread.sleep(25);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void row(Table table, String direction, boolean webhooks, List<Double> latencies) {
        List<Double> sorted = latencies.stream().sorted().toList();
        table.row(direction, webhooks ? "webhooks" : "polling only", sorted.size(), fmt(pct(sorted, 0.5)),
                fmt(pct(sorted, 0.95)), fmt(sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1)));
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "timed out" : String.format("%.2f", v);
    }
}
