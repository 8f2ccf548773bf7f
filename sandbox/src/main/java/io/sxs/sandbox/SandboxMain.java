package io.sxs.sandbox;

import io.sxs.sandbox.demo.DemoData;
import io.sxs.sandbox.demo.DemoSeedResult;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Runs both sandboxes standalone with demo data. Options (argument "--name=value" or system property
 * "sandbox.name"): xero-port (18081), scoro-port (18082), seed (42), contacts (25), invoices (60).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int xeroPort = option(args, "xero-port", 18081);
        int scoroPort = option(args, "scoro-port", 18082);
        long seed = option(args, "seed", 42);
        int contacts = option(args, "contacts", 25);
        int invoices = option(args, "invoices", 60);

        XeroSandbox xero = XeroSandbox.start(xeroPort);
        ScoroSandbox scoro = ScoroSandbox.start(scoroPort);
        DemoSeedResult demo = DemoData.seed(scoro, xero, seed, contacts, invoices);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            xero.close();
            scoro.close();
            stop.countDown();
        }));

        System.out.println("Xero sandbox:  " + xero.apiBase());
        System.out.println("  xero-tenant-id: " + demo.xeroTenant().tenantId());
        System.out.println("  Authorization:  Bearer " + demo.xeroTenant().accessToken());
        System.out.println("  admin:          " + xero.baseUri() + "/sandbox-admin/");
        System.out.println("Scoro sandbox: " + scoro.baseUri() + "/api/v2/");
        System.out.println("  company_account_id: " + demo.scoroCompany().companyAccountId());
        System.out.println("  apiKey:             " + demo.scoroCompany().apiKey());
        System.out.println("  admin:              " + scoro.baseUri() + "/sandbox-admin/");
        System.out.println("Seeded " + demo.scoroContactIds().size() + " Scoro contacts and "
                + demo.scoroInvoiceIds().size() + " Scoro invoices (seed " + seed + "). Ctrl-C stops.");
        stop.await();
    }

    private static int option(String[] args, String name, int dflt) {
        String prefix = "--" + name + "=";
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return Integer.parseInt(a.substring(prefix.length()).trim());
            }
        }
        String prop = System.getProperty("sandbox." + name);
        return prop == null ? dflt : Integer.parseInt(prop.trim());
    }
}
