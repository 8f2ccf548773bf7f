package io.sxs.app.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** The figures of a chaos run, as measured: the sandboxes' counters, the kills done, the convergence checker's verdicts. */
public record ChaosReport(int documents, int connections, int pipelines, int payments, long faultsInjected, int bursts429,
                          int kills, List<ChaosRun.Convergence> checks, Arrival.Payments receipts, Duration timeToConverge,
                          Duration total) {

    public int missing() {
        return checks.stream().mapToInt(ChaosRun.Convergence::missing).sum();
    }

    public int duplicates() {
        return checks.stream().mapToInt(ChaosRun.Convergence::duplicates).sum();
    }

    public int differences() {
        return checks.stream().mapToInt(ChaosRun.Convergence::differences).sum();
    }

    /** Nothing missing, nothing twice, nothing different, every payment once. */
    public boolean clean() {
        return missing() == 0 && duplicates() == 0 && differences() == 0 && receipts.duplicated() == 0 && receipts.missing() == 0
                && receipts.arrived() == payments;
    }

    public void print(PrintStream out) {
        out.println("Chaos run: " + (clean() ? "CONVERGED" : "NOT CONVERGED"));
        out.printf("  documents            %,d invoices over %d connections (half TO_XERO, half TO_SCORO), with their contacts%n",
                documents, connections);
        out.printf("  payments             %,d made in Xero, %,d arrived in Scoro once, %d twice, %d missing%n",
                payments, receipts.arrived(), receipts.duplicated(), receipts.missing());
        out.printf("  faults injected      %,d (5xx, 429 in %d bursts, slow replies, replies lost after commit)%n",
                faultsInjected, bursts429);
        out.printf("  kills                %d (SIGKILL of one of %d pipeline processes, each restarted)%n", kills, pipelines);
        out.printf("  convergence checker  %d duplicates, %d missing, %d differences%n", duplicates(), missing(), differences());
        for (ChaosRun.Convergence c : checks) {
            if (c.missing() + c.duplicates() + c.differences() > 0) {
                out.println("    " + c.connection() + ": " + c.report());
            }
        }
        out.printf("  time to converge     %d s after the connections were added (run %d s in all)%n",
                timeToConverge.toSeconds(), total.toSeconds());
    }
}
