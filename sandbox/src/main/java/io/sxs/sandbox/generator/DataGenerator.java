package io.sxs.sandbox.generator;

import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.generator.GeneratedData.ScoroKind;
import io.sxs.sandbox.generator.GeneratedData.XeroKind;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroRateLimits;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A deterministic data generator: for each tenant pair of a {@link GeneratorSpec} it creates a Scoro company and a Xero
 * organisation (same name) and fills both with realistic, valid data, the same for the same spec (server-assigned
 * GUIDs and timestamps aside). Dates come from {@link GeneratorSpec#referenceDate()}, never from the wall clock.
 *
 * <p>Scoro: companies and persons in several countries, products, prepayment invoices, invoices with 1–5 lines (several
 * VAT codes, finance accounts, 4-decimal quantities, discounts, sent and unsent, several currencies), credit invoices
 * and bills. Xero: currencies, two tracking categories with options, items, contacts, ACCREC invoices and ACCPAY bills
 * in several currencies with tracking on some lines, payments (full and partial), credit notes with allocations, and
 * prepayments and overpayments (RECEIVE-PREPAYMENT / RECEIVE-OVERPAYMENT bank transactions), some allocated.
 *
 * <p>Everything goes through the sandboxes' "acting as a user" helpers, or their HTTP API where there is no helper
 * (see {@link GeneratedData.Pair#xeroApiCalls()}); a rule violation is a generator bug and fails loudly with the
 * sandbox's message.
 */
public final class DataGenerator {

    private DataGenerator() {
    }

    public static GeneratedData generate(ScoroSandbox scoro, XeroSandbox xero, GeneratorSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        Set<String> organisationNames = new HashSet<>();
        List<GeneratedData.Pair> pairs = new ArrayList<>();
        for (int t = 0; t < spec.tenants(); t++) {
            SplittableRandom tenantRandom = root.split();
            SplittableRandom scoroRandom = tenantRandom.split();
            SplittableRandom xeroRandom = tenantRandom.split();
            String name = Vocabulary.companyName(tenantRandom, Vocabulary.COUNTRIES[0], organisationNames);
            ScoroCompany company = scoro.createCompany(name);
            XeroTenant tenant = xero.createTenant(name);
            // The pair's user activated every currency the pair uses in Scoro's settings (the pre-flight check asks).
            spec.currencies().forEach(code -> scoro.activateCurrency(company.companyAccountId(), code));
            Map<ScoroKind, List<Long>> scoroIds = ScoroSide.generate(scoro, company.companyAccountId(), spec, scoroRandom);
            Map<XeroKind, List<String>> xeroIds;
            // The few HTTP calls must not trip the published limits (a fresh tenant has no limits of its own).
            xero.rateLimits(tenant.tenantId(), XeroRateLimits.unlimited());
            try {
                xeroIds = XeroSide.generate(xero, tenant, spec, xeroRandom);
            } finally {
                xero.rateLimits(tenant.tenantId(), null);
            }
            pairs.add(new GeneratedData.Pair(t, company, tenant, scoroIds, xeroIds, xero.callCounts(tenant.tenantId())));
        }
        return new GeneratedData(spec, pairs);
    }

    /** Runs one sandbox write; a rejection is a generator bug, reported with the sandbox's messages and the body. */
    static <T> T checked(String what, Object body, Supplier<T> write) {
        try {
            return write.get();
        } catch (SandboxValidationException | SandboxNotFoundException e) {
            throw new IllegalStateException("the generator produced an invalid " + what + ": " + e.getMessage()
                    + " (body: " + body + ")", e);
        }
    }
}
