package io.sxs.sandbox;

import io.sxs.sandbox.demo.DemoData;
import io.sxs.sandbox.demo.DemoSeedResult;
import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroRateLimits;
import io.sxs.sandbox.xero.XeroSandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs both sandboxes standalone with demo data. Options (argument "--name=value" or system property
 * "sandbox.name"): xero-port (18081), scoro-port (18082), seed (42), contacts (25), invoices (60), and
 * limits=off to lift the Xero rate limits and Scoro quotas (on by default, with the real APIs' numbers).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /** Both sandboxes and their demo data, as started by {@link #start}. */
    public record Running(XeroSandbox xero, ScoroSandbox scoro, DemoSeedResult demo) implements AutoCloseable {
        @Override
        public void close() {
            xero.close();
            scoro.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Running running = start(args);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stop.countDown();
        }));
        XeroSandbox xero = running.xero();
        ScoroSandbox scoro = running.scoro();
        DemoSeedResult demo = running.demo();
        System.out.println("Xero sandbox:  " + xero.apiBase());
        System.out.println("  xero-tenant-id: " + demo.xeroTenant().tenantId());
        System.out.println("  Authorization:  Bearer " + demo.xeroTenant().accessToken());
        System.out.println("  admin:          " + xero.baseUri() + "/sandbox-admin/");
        System.out.println("Scoro sandbox: " + scoro.baseUri() + "/api/v2/");
        System.out.println("  company_account_id: " + demo.scoroCompany().companyAccountId());
        System.out.println("  apiKey:             " + demo.scoroCompany().apiKey());
        System.out.println("  admin:              " + scoro.baseUri() + "/sandbox-admin/");
        System.out.println("Seeded " + demo.scoroContactIds().size() + " Scoro contacts and "
                + demo.scoroInvoiceIds().size() + " Scoro invoices. Ctrl-C stops.");
        stop.await();
    }

    /** Starts both sandboxes with the options of {@link #main} and seeds the demo data. */
    public static Running start(String[] args) {
        int xeroPort = option(args, "xero-port", 18081);
        int scoroPort = option(args, "scoro-port", 18082);
        long seed = option(args, "seed", 42);
        int contacts = option(args, "contacts", 25);
        int invoices = option(args, "invoices", 60);
        XeroSandbox xero = XeroSandbox.start(xeroPort);
        ScoroSandbox scoro = ScoroSandbox.start(scoroPort);
        if ("off".equalsIgnoreCase(text(args, "limits", "on"))) {
            xero.rateLimits(XeroRateLimits.unlimited());
            scoro.quotas(ScoroQuotas.unlimited());
        }
        return new Running(xero, scoro, DemoData.seed(scoro, xero, seed, contacts, invoices));
    }

    private static int option(String[] args, String name, int dflt) {
        return Integer.parseInt(text(args, name, String.valueOf(dflt)).trim());
    }

    private static String text(String[] args, String name, String dflt) {
        String prefix = "--" + name + "=";
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        String prop = System.getProperty("sandbox." + name);
        return prop == null ? dflt : prop;
    }
}
