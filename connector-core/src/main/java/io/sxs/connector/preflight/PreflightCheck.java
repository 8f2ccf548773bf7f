package io.sxs.connector.preflight;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from both systems' facts whether a connection may start syncing (SPEC: before a connection becomes active).
 * Pure: every instance reaches the same verdict from the same facts, so no one instance has to publish it.
 * Problems (the connection stays stopped): a Xero currency that is not active in Scoro (its documents could not be
 * written there), a tracking category the organisation does not have active, a company account that is not an entity
 * of the Scoro site. Differing base currencies are reported, not refused: documents keep their own currency and rate.
 */
public final class PreflightCheck {

    private PreflightCheck() {
    }

    public static PreflightVerdict verdict(ConnectionConfig connection, ConnectionFacts xero, ConnectionFacts scoro) {
        List<String> waiting = new ArrayList<>();
        if (!current(connection, xero)) {
            waiting.add("the Xero organisation is not read yet");
        }
        if (!current(connection, scoro)) {
            waiting.add("the Scoro entity is not read yet");
        }
        if (!waiting.isEmpty()) {
            return new PreflightVerdict(PreflightState.WAITING, waiting, List.of());
        }
        List<String> unreadable = new ArrayList<>();
        if (xero.getError() != null) {
            unreadable.add("Xero organisation could not be read: " + xero.getError());
        }
        if (scoro.getError() != null) {
            unreadable.add("Scoro entity could not be read: " + scoro.getError());
        }
        if (!unreadable.isEmpty()) {
            return new PreflightVerdict(PreflightState.UNREADABLE, unreadable, List.of());
        }
        List<String> problems = new ArrayList<>();
        List<String> report = new ArrayList<>();
        checkEntity(connection, scoro, problems);
        checkCurrencies(xero, scoro, problems, report);
        checkTracking(connection, xero, problems, report);
        report.add("tax rates: " + xero.getTaxRates().size() + " active in Xero sync to Scoro VAT codes, read-only there ("
                + String.join(", ", xero.getTaxRates()) + ")");
        report.add("accounts: " + xero.getAccounts().size() + " active in Xero sync to Scoro finance accounts, read-only there");
        return new PreflightVerdict(problems.isEmpty() ? PreflightState.PASSED : PreflightState.FAILED, problems, report);
    }

    /** True when the facts were read for this version of the connection (a rewritten connection is checked again). */
    public static boolean current(ConnectionConfig connection, ConnectionFacts facts) {
        return facts != null && facts.getConfigUpdatedAt().equals(connection.getUpdatedAt());
    }

    public static String key(String connectionId, SystemType system) {
        return connectionId + "/" + system.name();
    }

    private static void checkEntity(ConnectionConfig connection, ConnectionFacts scoro, List<String> problems) {
        String company = connection.getScoro().getCompanyAccountId();
        if (!scoro.getEntities().isEmpty() && !scoro.getEntities().contains(company)) {
            problems.add("Scoro company account '" + company + "' is not an active entity of " + connection.getScoro().getSiteUrl()
                    + " (active: " + String.join(", ", scoro.getEntities()) + ")");
        }
    }

    private static void checkCurrencies(ConnectionFacts xero, ConnectionFacts scoro, List<String> problems, List<String> report) {
        Set<String> active = upper(scoro.getCurrencies());
        if (scoro.getBaseCurrency() != null) {
            active.add(scoro.getBaseCurrency().toUpperCase(Locale.ROOT));
        }
        Set<String> used = upper(xero.getCurrencies());
        if (xero.getBaseCurrency() != null) {
            used.add(xero.getBaseCurrency().toUpperCase(Locale.ROOT));
        }
        for (String currency : used) {
            if (!active.contains(currency)) {
                problems.add("Xero currency " + currency + " is not active in Scoro (active: " + String.join(", ", active)
                        + "): activate it in Scoro's settings");
            }
        }
        report.add("Xero organisation '" + xero.getName() + "': base currency " + xero.getBaseCurrency() + ", currencies "
                + String.join(", ", used));
        report.add("Scoro entity '" + scoro.getName() + "': base currency " + scoro.getBaseCurrency() + ", active currencies "
                + String.join(", ", active));
        if (xero.getBaseCurrency() != null && scoro.getBaseCurrency() != null
                && !xero.getBaseCurrency().equalsIgnoreCase(scoro.getBaseCurrency())) {
            report.add("base currencies differ (Xero " + xero.getBaseCurrency() + ", Scoro " + scoro.getBaseCurrency()
                    + "): documents keep their own currency and rate");
        }
    }

    private static void checkTracking(ConnectionConfig connection, ConnectionFacts xero, List<String> problems,
                                      List<String> report) {
        List<String> categories = xero.getTrackingCategories();
        String chosen = connection.getTrackingCategory();
        if (chosen == null || chosen.isBlank()) {
            report.add("tracking: no category chosen" + (categories.isEmpty() ? "" : " (Xero has " + String.join(", ", categories)
                    + ")") + ": line tracking does not sync");
            return;
        }
        // Matched as the tracking reader matches it: ignoring case.
        int index = -1;
        for (int i = 0; i < categories.size() && index < 0; i++) {
            index = categories.get(i).equalsIgnoreCase(chosen.strip()) ? i : -1;
        }
        if (index < 0) {
            problems.add("'" + chosen + "' is not an active Xero tracking category (active: "
                    + (categories.isEmpty() ? "none" : String.join(", ", categories)) + ")");
            return;
        }
        List<String> others = new ArrayList<>(categories);
        String name = others.remove(index);
        int options = index < xero.getTrackingOptions().size() ? xero.getTrackingOptions().get(index) : 0;
        report.add("tracking: " + name + " (" + options + " options) syncs to Scoro accounting objects"
                + (others.isEmpty() ? "" : "; " + String.join(", ", others) + " does not sync"));
    }

    private static Set<String> upper(List<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        codes.forEach(c -> out.add(c.toUpperCase(Locale.ROOT)));
        return out;
    }
}
