package io.sxs.app.demo;

import io.sxs.app.config.KafkaEndpoint;
import io.sxs.app.config.SxsProperties;
import io.sxs.app.control.OperatorToken;
import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.ConsumerLag;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.pipeline.SyncLogFollower;
import io.sxs.app.pipeline.SyncProgress;
import io.sxs.app.webhook.WebhookAddress;
import io.sxs.app.webhook.XeroWebhookKey;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.secret.SecretCipher;
import io.sxs.schemas.topic.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The demo connection (invoices TO_XERO, contacts WITH_DOCUMENTS by default) between the two seeded sandboxes, the
 * Xero sandbox's webhook pointed at this app, and a summary of the initial sync with the API calls it cost. The
 * sandboxes keep their state in {@code <data-dir>/demo}: a restart resumes the same connection (every other connection
 * stays as it was) and reports when the pipeline is quiet again, with the calls made since. Only a run that seeds fresh
 * sandboxes creates a new connection, marking earlier demo connections removed.
 */
public class Demo implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private final DemoSandboxes sandboxes;
    private final Pipeline pipeline;
    private final KafkaEndpoint kafka;
    private final SxsProperties props;
    private final SecretCipher cipher;
    private final WebhookAddress webhooks;
    private final XeroWebhookKey xeroKey;
    private final OperatorToken operatorToken;
    private SyncLogFollower follower;
    private SyncProgress progress;
    private String connectionId;
    private Thread reporter;
    private volatile boolean running;
    /** This run continues the demo connection of an earlier one (restored sandboxes; see {@link DemoSandboxes}). */
    private boolean resumed;
    private Instant restartedAt;
    /** The systems the demo connection reads from. */
    private final Set<SystemType> readingSystems = java.util.EnumSet.noneOf(SystemType.class);
    private volatile boolean initialSyncDone;
    private volatile boolean paymentsDone;
    private volatile String paymentsReport;

    public Demo(DemoSandboxes sandboxes, KafkaEndpoint kafka, SxsProperties props, SecretCipher cipher,
                WebhookAddress webhooks, XeroWebhookKey xeroKey, Pipeline pipeline, OperatorToken operatorToken) {
        this.operatorToken = operatorToken;
        this.pipeline = pipeline;
        this.sandboxes = sandboxes;
        this.kafka = kafka;
        this.props = props;
        this.cipher = cipher;
        this.webhooks = webhooks;
        this.xeroKey = xeroKey;
    }

    /** Once the web server listens, the Xero sandbox's webhook (with its intent-to-receive check) can point at it. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port != null) {
            // Printed for the person who started the demo: it is the key to this process's control API.
            System.out.printf("  Control API:    http://localhost:%s/api/connections  (OpenAPI: /api/openapi, status page: /)%n"
                    + "  Operator token: %s%s%n", port, operatorToken.reveal(),
                    operatorToken.generated() ? "  (generated into " + props.dataDir().resolve("operator.token") + ")" : "");
        }
        if (!xeroKey.present() || webhooks.base() == null) {
            return;
        }
        URI url = URI.create(webhooks.base() + "/webhooks/xero");
        var status = sandboxes.xero().configureWebhook(sandboxes.xero().defaultAppClientId(), url, xeroKey.value());
        System.out.printf("  Webhooks:       Xero -> %s (%s), Scoro -> %s/webhooks/scoro/...%n", url, status.status(),
                webhooks.base());
    }

    @Override
    public void start() {
        var seed = sandboxes.seed();
        connectionId = "demo-" + seed.xeroTenant().tenantId().substring(0, 8);
        Connections connections = new Connections(kafka.cluster());
        // Restored sandboxes: the connection made for them (and every other one) is still in Kafka, cursors and ID map too.
        ConnectionConfig existing = sandboxes.restored() ? connections.readAll().get(connectionId) : null;
        resumed = existing != null;
        ConnectionConfig config = resumed ? existing : newDemoConnection(seed);
        Set<String> sources = new java.util.HashSet<>();
        for (SystemType system : SystemType.values()) {
            List<EntityType> entities = pipeline.connector(system).readEntities(config);
            if (!entities.isEmpty()) {
                readingSystems.add(system);
            }
            entities.forEach(entity -> sources.add(SyncProgress.sourceName(system, entity)));
        }
        restartedAt = sandboxes.startedAt(); // the pipeline starts polling before this lifecycle phase
        progress = resumed ? SyncProgress.sinceRestart(restartedAt) : new SyncProgress(Instant.now(), sources);
        follower = new SyncLogFollower(kafka.cluster(), connectionId, progress::apply).start();
        if (!resumed) {
            connections.removeWhere(c -> c.getConnectionId().startsWith("demo-") && !c.getConnectionId().equals(connectionId));
            java.util.List<ConnectionConfig> all = new java.util.ArrayList<>(java.util.List.of(config));
            for (int i = 1; i < props.demo().connections(); i++) {
                all.add(emptyPair(i));
            }
            connections.putAll(all);
        }
        printWelcome(seed);
        running = true;
        reporter = new Thread(this::reportWhenDone, "sxs-demo-summary");
        reporter.setDaemon(true);
        reporter.start();
    }

    private ConnectionConfig newDemoConnection(io.sxs.sandbox.demo.DemoSeedResult seed) {
        ConnectionConfig config = Connections.newConnection(connectionId, "Demo connection", cipher,
                sandboxes.scoro().baseUri().toString(), seed.scoroCompany().companyAccountId(), seed.scoroCompany().apiKey(),
                sandboxes.xero().apiBase().toString(), seed.xeroTenant().tenantId(), seed.xeroTenant().accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, props.demo().invoiceDirection());
        ConnectionDirections.set(config, EntityType.ITEM, props.demo().itemDirection());
        ConnectionDirections.set(config, EntityType.BILL, props.demo().billDirection());
        config.setContacts(props.demo().contactMode());
        config.setTrackingCategory(props.demo().trackingCategory().isBlank() ? null : props.demo().trackingCategory());
        config.setPollIntervalMs(props.demo().pollInterval().toMillis());
        return config;
    }

    /** One more connection between a fresh Xero organisation and Scoro company, with nothing to sync yet. */
    private ConnectionConfig emptyPair(int index) {
        var tenant = sandboxes.xero().createTenant("Demo organisation " + index);
        var company = sandboxes.scoro().createCompany("Demo company " + index);
        ConnectionConfig config = Connections.newConnection(connectionId + "-" + index, "Demo connection " + index, cipher,
                sandboxes.scoro().baseUri().toString(), company.companyAccountId(), company.apiKey(),
                sandboxes.xero().apiBase().toString(), tenant.tenantId(), tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, props.demo().invoiceDirection());
        config.setContacts(props.demo().contactMode());
        config.setPollIntervalMs(props.demo().pollInterval().toMillis());
        return config;
    }

    private void printWelcome(io.sxs.sandbox.demo.DemoSeedResult seed) {
        // Sandbox credentials are printed on purpose: they exist only in this process, for a user to try with curl.
        System.out.printf("""

                scoro-xero-sync demo
                  Kafka:          %s%s
                  Xero sandbox:   %s  (xero-tenant-id: %s, Authorization: Bearer %s)
                  Scoro sandbox:  %s/api/v2  (company_account_id: %s, apiKey: %s)
                  Connection:     %s  (invoices %s, items %s, bills %s, contacts %s, tracking category %s)%s
                  Demo data:      %d Scoro contacts (ids %s...), %d invoices (ids %s...), %d credit invoices, %d products, %d bills
                  Try:  curl -s -H 'Authorization: Bearer %s' -H 'xero-tenant-id: %s' %s/Invoices?page=1
                        curl -s -X POST -d '{"apiKey":"%s","company_account_id":"%s"}' %s/api/v2/invoices/list
                %s
                """,
                kafka.bootstrapServers(), kafka.embedded() ? " (embedded)" : "",
                sandboxes.xero().apiBase(), seed.xeroTenant().tenantId(), seed.xeroTenant().accessToken(),
                sandboxes.scoro().baseUri(), seed.scoroCompany().companyAccountId(), seed.scoroCompany().apiKey(),
                connectionId, props.demo().invoiceDirection(), props.demo().itemDirection(), props.demo().billDirection(),
                props.demo().contactMode(), props.demo().trackingCategory(), limitsNote(),
                seed.scoroContactIds().size(), first(seed.scoroContactIds()), seed.scoroInvoiceIds().size(), first(seed.scoroInvoiceIds()),
                seed.scoroCreditInvoiceIds().size(), seed.scoroProductIds().size(), seed.scoroBillIds().size(),
                seed.xeroTenant().accessToken(), seed.xeroTenant().tenantId(), sandboxes.xero().apiBase(),
                seed.scoroCompany().apiKey(), seed.scoroCompany().companyAccountId(), sandboxes.scoro().baseUri(),
                resumed ? resumedLine(seed) + "\nWaiting until the pipeline is quiet again..." : "Initial sync running...");
    }

    private String resumedLine(io.sxs.sandbox.demo.DemoSeedResult seed) {
        long inXero = sandboxes.xero().invoices(seed.xeroTenant().tenantId()).stream()
                .filter(i -> "ACCREC".equals(i.get("Type"))).count();
        return String.format("Resumed demo connection %s from %s (%d invoices in Scoro, %d in Xero)", connectionId,
                sandboxes.dir(), sandboxes.scoro().invoices(seed.scoroCompany().companyAccountId()).size(), inXero);
    }

    private String limitsNote() {
        String limits = props.demo().limits()
                ? String.format("%n                  API limits:     real (Xero 60/min, 5,000/day; Scoro 40 per 2 s, %,d/day)",
                props.demo().scoroDailyQuota())
                : String.format("%n                  API limits:     off");
        String more = props.demo().connections() > 1
                ? String.format("%n                  Connections:    %,d (the others pair empty organisations)", props.demo().connections()) : "";
        more += props.demo().webhooks() ? "" : String.format("%n                  Webhooks:       off (polling only)");
        return props.demo().timeRate() == 1.0 ? limits + more
                : limits + more + String.format("%n                  Time:           the sandboxes' clocks run %.0fx as fast", props.demo().timeRate());
    }

    private static String first(java.util.List<?> ids) {
        return ids.isEmpty() ? "-" : String.valueOf(ids.get(0));
    }

    private void reportWhenDone() {
        try (ConsumerLag lag = new ConsumerLag(kafka.cluster())) {
            int quietChecks = 0;
            while (running && quietChecks < 2) {
                Thread.sleep(250);
                // Quiet twice in a row: the log's counters agree and no consumer has anything left to process.
                quietChecks = progress.isQuiet() && caughtUp(lag) && progress.isQuiet()
                        && (!resumed || polledSinceRestart()) ? quietChecks + 1 : 0;
            }
            if (running) {
                progress.markDone();
                initialSyncDone = true;
                System.out.println();
                System.out.print(progress.summary(connectionId));
                System.out.print(preflight());
                System.out.print(apiCalls());
                // The payments were made (and synced) by the run that seeded the sandboxes.
                if (props.demo().payments() && !resumed) {
                    payAsAXeroUser(lag);
                }
                System.out.println("Keeps syncing: change data in either sandbox and watch it follow. Ctrl-C to stop.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a restart, idle polls log nothing, so quiet needs proof that the sources polled: invoices on both sides,
     * and every entity polled since the restart, finished a poll (a finished pass schedules the next after its start).
     * Reference data read once per connection (accounts, tax rates) does not poll again and is not waited for.
     */
    private boolean polledSinceRestart() {
        for (SystemType system : readingSystems) {
            var status = pipeline.connector(system).status(connectionId).orElse(null);
            if (status == null || !status.lastPoll().containsKey(EntityType.INVOICE)) {
                return false;
            }
            for (var poll : status.lastPoll().entrySet()) {
                Instant next = status.nextPoll().get(poll.getKey());
                if (poll.getValue().isBefore(restartedAt) || next == null || !next.isAfter(poll.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Pays some synced documents in Xero, waits until the pipeline is quiet again, and says what reached Scoro. */
    private void payAsAXeroUser(ConsumerLag lag) throws InterruptedException {
        var seed = sandboxes.seed();
        DemoPayments payments = new DemoPayments(sandboxes.xero(), sandboxes.scoro(), seed.xeroTenant().tenantId(),
                seed.scoroCompany().companyAccountId());
        List<DemoPayments.Paid> paid = payments.pay();
        System.out.printf("%nThe demo, as a Xero user, made %d payments; waiting for them to reach Scoro...%n", paid.size());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Thread.sleep(props.demo().pollInterval().toMillis() * 2);
        int quietChecks = 0;
        // Xero delivers webhooks in batches, a few seconds apart: quiet alone may come before the last one.
        while (running && (quietChecks < 2 || !payments.arrived(paid)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            quietChecks = progress.isQuiet() && caughtUp(lag) ? quietChecks + 1 : 0;
        }
        paymentsReport = payments.report(paid);
        System.out.print(paymentsReport);
        System.out.print(apiCalls());
        paymentsDone = true;
    }

    /** The demo connection's pre-flight verdict and what it said would sync. */
    private String preflight() {
        return pipeline.connector(SystemType.XERO).status(connectionId)
                .map(status -> {
                    StringBuilder out = new StringBuilder("Pre-flight check: " + status.preflight().state() + "\n");
                    status.preflight().problems().forEach(p -> out.append("  problem: ").append(p).append('\n'));
                    status.preflight().report().forEach(r -> out.append("  ").append(r).append('\n'));
                    return out.toString();
                }).orElse("");
    }

    /** What the sync cost, as the sandboxes counted it (every call, 429s apart). */
    public String apiCalls() {
        var seed = sandboxes.seed();
        String tenant = seed.xeroTenant().tenantId();
        String company = seed.scoroCompany().companyAccountId();
        return String.format("  API calls: Xero %d %s, 429s %d; Scoro %d %s, 429s %d%n",
                total(sandboxes.xero().callCounts(tenant)), sandboxes.xero().callCounts(tenant),
                sandboxes.xero().throttledCalls(tenant),
                total(sandboxes.scoro().callCounts(company)), sandboxes.scoro().callCounts(company),
                sandboxes.scoro().throttledCalls(company));
    }

    private static long total(java.util.Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The sync log says quiet; the mapper and both sinks have also committed everything they were given. */
    private static boolean caughtUp(ConsumerLag lag) {
        return lag.lag(Topics.MAPPER_APPLICATION_ID, List.of(Topics.CHANGES_SCORO, Topics.CHANGES_XERO, Topics.RESULTS)) == 0
                && lag.lag("sxs-sink-xero", List.of(Topics.COMMANDS_XERO)) == 0
                && lag.lag("sxs-sink-scoro", List.of(Topics.COMMANDS_SCORO)) == 0;
    }

    /** Waits for the payments the demo makes in Xero after the initial sync to be reported; the report, or null. */
    public String awaitPayments(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!paymentsDone && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return paymentsReport;
    }

    /** True when this run resumed an earlier run's demo connection. */
    public boolean resumed() {
        return resumed;
    }

    public String connectionId() {
        return connectionId;
    }

    public SyncProgress progress() {
        return progress;
    }

    public boolean awaitInitialSync(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!initialSyncDone && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return initialSyncDone;
    }

    @Override
    public void stop() {
        running = false;
        if (reporter != null) {
            reporter.interrupt();
        }
        if (follower != null) {
            follower.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 200;
    }
}
