package io.sxs.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The chaos run: sandboxes, broker and pipelines each an OS process of its own, documents flowing both ways under
 * injected API faults, pipeline processes killed with SIGKILL at random moments and started again, and at the end the
 * convergence checker for every connection. Half the documents exist before the connections are added (the initial
 * sync), the rest are made in slices while the kills happen (incremental polls across restarts).
 */
public final class ChaosRun {

    /**
     * @param documents     invoices in all, shared out over the connections
     * @param connections   half of them {@code TO_XERO}, half {@code TO_SCORO}
     * @param kills         SIGKILLs of a pipeline process, each followed by a restart of the same instance
     * @param pipelines     pipeline processes (connectors, mapper and control each)
     * @param killGap       the random wait before each kill is between this and twice it
     * @param timeout       how long the documents may take to arrive after the last kill
     */
    public record Options(int documents, int connections, int kills, int pipelines, Duration killGap, Duration timeout,
                          long seed, Path dir) {
        public Options {
            if (documents < connections || connections < 1 || kills < 0 || pipelines < 1) {
                throw new IllegalArgumentException("need documents >= connections >= 1, kills >= 0, pipelines >= 1");
            }
        }
    }

    private final Options options;
    private final JavaCommands java;
    private final PrintStream out;
    private final Random random;

    public ChaosRun(Options options, Path sandboxJar, PrintStream out) {
        this(options, JavaCommands.ofThisJvm(sandboxJar), out);
    }

    ChaosRun(Options options, JavaCommands java, PrintStream out) {
        this.options = options;
        this.java = java;
        this.out = out;
        this.random = new Random(options.seed());
    }

    public ChaosReport run() throws Exception {
        long started = System.nanoTime();
        Path dir = options.dir();
        out.println("Chaos run in " + dir + " (logs in " + dir.resolve("logs") + ")");
        try (SandboxProcess sandboxes = SandboxProcess.start(java, dir.resolve("logs"));
             ProcessCluster cluster = new ProcessCluster(java, dir, 10_000)) {
            cluster.startBroker();
            for (int i = 0; i < options.pipelines(); i++) {
                cluster.addPipeline();
            }
            out.printf("Up: sandboxes, broker and %d pipelines in %d s%n", options.pipelines(), seconds(started));
            List<SeededConnection> connections = new ArrayList<>();
            for (int c = 0; c < options.connections(); c++) {
                connections.add(new SeededConnection(sandboxes, "c" + (c + 1), c % 2 == 0));
            }
            int[] planned = share(options.documents(), options.connections());
            // Half before the connections exist, the rest in one slice per kill and one after the last.
            seed(connections, planned, 0, options.kills() + 1);
            out.printf("Seeded %d documents; adding %d connections%n", total(connections), connections.size());
            for (SeededConnection c : connections) {
                addConnection(cluster, sandboxes, c);
            }
            long syncStarted = System.nanoTime();
            try (FaultInjection faults = new FaultInjection(sandboxes, connections, random.nextLong())) {
                faults.start();
                int kills = 0;
                for (int k = 0; k < options.kills(); k++) {
                    seed(connections, planned, k + 1, options.kills() + 1);
                    Thread.sleep(options.killGap().toMillis() + (long) (random.nextDouble() * options.killGap().toMillis()));
                    AppProcess victim = cluster.pipelines().get(random.nextInt(cluster.pipelines().size()));
                    victim.kill();
                    kills++;
                    out.printf("Kill %d: %s (SIGKILL) at %d s, %d documents seeded%n", kills, victim.name(), seconds(syncStarted),
                            total(connections));
                    Thread.sleep(random.nextInt(2_000));
                    victim.start();
                }
                seed(connections, planned, options.kills() + 1, options.kills() + 1);
                out.printf("All %d documents seeded; waiting for them to arrive%n", total(connections));
                Arrival.await(connections, options.timeout());
                long converged = System.nanoTime();
                long injected = faults.stop();
                out.printf("Arrived %d s after the connections were added; faults off (%d injected, %d bursts of 429)%n",
                        (converged - syncStarted) / 1_000_000_000, injected, faults.burstsSent());
                List<Convergence> checks = check(cluster, connections);
                Arrival.Payments payments = Arrival.payments(connections);
                return new ChaosReport(total(connections), connections.size(), options.pipelines(), payments.made(),
                        injected, faults.burstsSent(), kills, checks, payments,
                        Duration.ofNanos(converged - syncStarted), Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    /** How the convergence checker saw one connection. */
    record Convergence(String connection, int missing, int duplicates, int differences, JsonNode report) {
    }

    private List<Convergence> check(ProcessCluster cluster, List<SeededConnection> connections) {
        List<Convergence> out = new ArrayList<>();
        for (SeededConnection c : connections) {
            JsonNode r = cluster.anyLivePipeline().slowCall("GET", "/api/connections/" + c.id + "/convergence", null,
                    Duration.ofMinutes(10));
            out.add(new Convergence(c.id, sum(r, "missing"), sum(r, "duplicates"), sum(r, "differences"), r));
        }
        return out;
    }

    private static int sum(JsonNode report, String list) {
        int n = 0;
        for (JsonNode entity : report.path("entities")) {
            n += entity.path(list).size();
        }
        return n;
    }

    private void addConnection(ProcessCluster cluster, SandboxProcess sandboxes, SeededConnection c) {
        cluster.anyLivePipeline().call("POST", "/api/connections", c.createRequest(sandboxes, 1_000));
    }

    /**
     * Seeds one slice of every connection's documents: slice 0 is the first half, slices 1 to {@code restSlices}
     * share out the second half.
     */
    private static void seed(List<SeededConnection> connections, int[] planned, int slice, int restSlices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(3, connections.size()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections.size(); c++) {
                SeededConnection conn = connections.get(c);
                int half = planned[c] / 2;
                int rest = planned[c] - half;
                int from = slice == 0 ? 0 : half + rest * (slice - 1) / restSlices;
                int to = slice == 0 ? half : half + rest * slice / restSlices;
                done.add(pool.submit(() -> conn.seed(from, to)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int[] share(int documents, int connections) {
        int[] out = new int[connections];
        for (int c = 0; c < connections; c++) {
            out[c] = documents / connections + (c < documents % connections ? 1 : 0);
        }
        return out;
    }

    private static int total(List<SeededConnection> connections) {
        return connections.stream().mapToInt(SeededConnection::documents).sum();
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }
}
