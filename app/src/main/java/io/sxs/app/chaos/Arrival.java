package io.sxs.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reached the other system, seen through the sandboxes' admin APIs (not through the pipeline): every document by
 * its number, and every Xero payment as what Scoro shows paid on the invoice it was made on.
 */
final class Arrival {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private Arrival() {
    }

    /** Receipts in Scoro against the payments made in Xero, per paid invoice. */
    record Payments(int made, int arrived, int duplicated, int missing) {
    }

    /** Waits until every document and every payment has arrived; fails naming what has not when time runs out. */
    static void await(List<SeededConnection> connections, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        String missing = "";
        while (System.nanoTime() < deadline) {
            missing = missing(connections);
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > nextProgress) {
                System.out.println("  still to arrive: " + missing);
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("not arrived within " + timeout + ": " + missing);
    }

    private static String missing(List<SeededConnection> connections) {
        StringBuilder out = new StringBuilder();
        for (SeededConnection c : connections) {
            int arrived = c.arrived();
            if (arrived < c.documents()) {
                out.append(c.id).append(' ').append(arrived).append('/').append(c.documents()).append(" documents; ");
            }
        }
        if (out.length() > 0) {
            return out.toString(); // payments are looked at once their invoices are there
        }
        for (SeededConnection c : connections) {
            Payments p = payments(c);
            if (p.arrived + p.duplicated < p.made) {
                out.append(c.id).append(' ').append(p.arrived + p.duplicated).append('/').append(p.made).append(" payments; ");
            }
        }
        return out.toString();
    }

    static Payments payments(List<SeededConnection> connections) {
        int made = 0;
        int arrived = 0;
        int duplicated = 0;
        int missing = 0;
        for (SeededConnection c : connections) {
            Payments p = payments(c);
            made += p.made;
            arrived += p.arrived;
            duplicated += p.duplicated;
            missing += p.missing;
        }
        return new Payments(made, arrived, duplicated, missing);
    }

    /** A paid invoice whose Scoro copy shows more paid than was paid in Xero has a receipt twice. */
    private static Payments payments(SeededConnection c) {
        if (c.payments().isEmpty()) {
            return new Payments(0, 0, 0, 0);
        }
        Map<String, BigDecimal> paid = new HashMap<>();
        for (JsonNode invoice : c.scoroInvoices()) {
            paid.merge(invoice.path("no").asText(), new BigDecimal(invoice.path("paid_sum").asText("0")), BigDecimal::add);
        }
        int arrived = 0;
        int duplicated = 0;
        int missing = 0;
        for (Map.Entry<String, BigDecimal> payment : c.payments().entrySet()) {
            int cmp = paid.getOrDefault(payment.getKey(), BigDecimal.ZERO).compareTo(payment.getValue());
            if (cmp == 0) {
                arrived++;
            } else if (cmp > 0) {
                duplicated++;
            } else {
                missing++;
            }
        }
        return new Payments(c.payments().size(), arrived, duplicated, missing);
    }
}
