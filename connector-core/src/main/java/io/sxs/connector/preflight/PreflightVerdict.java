package io.sxs.connector.preflight;

import java.util.List;

/**
 * The outcome of a connection's pre-flight check.
 *
 * @param problems what stops the connection, one sentence each (empty when it passed)
 * @param report   what the connection will sync: both systems' currencies, the tax rates, accounts and tracking
 */
public record PreflightVerdict(PreflightState state, List<String> problems, List<String> report) {

    public PreflightVerdict {
        problems = List.copyOf(problems);
        report = List.copyOf(report);
    }

    public boolean passed() {
        return state == PreflightState.PASSED;
    }

    @Override
    public String toString() {
        return state + (problems.isEmpty() ? "" : ": " + String.join("; ", problems));
    }
}
