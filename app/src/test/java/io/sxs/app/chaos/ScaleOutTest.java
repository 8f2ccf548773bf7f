package io.sxs.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.schemas.topic.ConnectionPartitioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three pipeline processes on one broker (each its own JVM) share the connections: each connection's reads and
 * writes of a system happen on exactly one instance, the one whose sink owns the connection's command partition for
 * that system. One is killed with SIGKILL; its connections move to the other two within the consumer group's session
 * timeout, and the sync goes on with nothing written twice.
 */
class ScaleOutTest {

    private static final long SESSION_TIMEOUT_MS = 10_000;
    /** After the session timeout: the group's rebalance, and the sinks' next look at what they own (about a second). */
    private static final Duration REBALANCE_SLACK = Duration.ofSeconds(15);
    private static final int PER_BATCH = 20;

    @Test
    void threeInstancesShareTheConnectionsAndAKilledOnesMoveToTheOthersWithNothingWrittenTwice() throws Exception {
        Path dir = Files.createTempDirectory("sxs-scale-out-");
        JavaCommands java = JavaCommands.ofClassPath(System.getProperty("java.class.path"));
        try (SandboxProcess sandboxes = SandboxProcess.start(java, dir.resolve("logs"));
             ProcessCluster cluster = new ProcessCluster(java, dir, SESSION_TIMEOUT_MS)) {
            cluster.startBroker();
            for (int i = 0; i < 3; i++) {
                cluster.addPipeline();
            }
            List<SeededConnection> connections = new ArrayList<>();
            for (String id : onePerPartition(ProcessCluster.PARTITIONS)) {
                SeededConnection c = new SeededConnection(sandboxes, id, connections.size() % 2 == 0);
                c.seed(0, PER_BATCH);
                connections.add(c);
                cluster.anyLivePipeline().call("POST", "/api/connections", c.createRequest(sandboxes, 1_000));
            }

            Map<String, String> owners = awaitOwners(cluster, connections, Duration.ofMinutes(2));
            System.out.println("Owners (connection/system -> instance): " + new TreeMap<>(owners));
            assertThat(owners).hasSize(connections.size() * 2);
            for (String system : List.of("SCORO", "XERO")) {
                assertThat(owners.entrySet().stream().filter(e -> e.getKey().endsWith("/" + system))
                        .map(Map.Entry::getValue).distinct()).as("every instance owns connections of " + system)
                        .containsExactlyInAnyOrder("pipeline-1", "pipeline-2", "pipeline-3");
            }
            Arrival.await(connections, Duration.ofMinutes(3));

            AppProcess victim = cluster.pipelines().get(1);
            List<String> moved = owners.entrySet().stream().filter(e -> e.getValue().equals(victim.name()))
                    .map(Map.Entry::getKey).sorted().toList();
            long killed = System.nanoTime();
            victim.kill();
            Map<String, String> after = awaitOwners(cluster, connections, Duration.ofMinutes(2));
            Duration took = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("%s killed (SIGKILL); its %s owned by %s %d ms later (session timeout %d ms)%n", victim.name(),
                    moved, moved.stream().map(after::get).toList(), took.toMillis(), SESSION_TIMEOUT_MS);
            assertThat(after.values()).doesNotContain(victim.name());
            assertThat(took).isLessThanOrEqualTo(Duration.ofMillis(SESSION_TIMEOUT_MS).plus(REBALANCE_SLACK));
            for (SeededConnection c : connections) {
                c.seed(PER_BATCH, 2 * PER_BATCH);
            }
            Arrival.await(connections, Duration.ofMinutes(3));
            for (SeededConnection c : connections) {
                JsonNode report = cluster.anyLivePipeline().slowCall("GET", "/api/connections/" + c.id + "/convergence", null,
                        Duration.ofMinutes(2));
                assertThat(report.path("converged").asBoolean()).as(c.id + ": " + report).isTrue();
                assertThat(copiesWritten(c)).as(c.id + ": documents created in the other system").isEqualTo(2 * PER_BATCH);
            }
            Arrival.Payments payments = Arrival.payments(connections);
            assertThat(payments.duplicated()).isZero();
            assertThat(payments.arrived()).isEqualTo(payments.made()).isPositive();
        }
    }

    /** Connection ids whose command partitions are all different, so that every instance has some to own. */
    private static List<String> onePerPartition(int partitions) {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 1; byPartition.size() < partitions; i++) {
            byPartition.putIfAbsent(ConnectionPartitioner.partitionFor("so" + i, partitions), "so" + i);
        }
        return List.copyOf(byPartition.values());
    }

    /**
     * Waits until every connection's every system is run by exactly one live instance (as each instance's control API
     * says: a connection's view lists the systems this instance runs it for) and returns who runs what.
     */
    private static Map<String, String> awaitOwners(ProcessCluster cluster, List<SeededConnection> connections, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<String>> seen = Map.of();
        while (System.nanoTime() < deadline) {
            seen = owners(cluster, connections);
            if (seen.size() == connections.size() * 2 && seen.values().stream().allMatch(o -> o.size() == 1)) {
                return seen.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not every connection has one owner per system within " + timeout + ": " + seen);
    }

    private static Map<String, List<String>> owners(ProcessCluster cluster, List<SeededConnection> connections) {
        Map<String, List<String>> owners = new HashMap<>();
        for (AppProcess pipeline : cluster.pipelines()) {
            if (!pipeline.alive()) {
                continue;
            }
            for (SeededConnection c : connections) {
                for (JsonNode system : pipeline.call("GET", "/api/connections/" + c.id, null).path("systems")) {
                    owners.computeIfAbsent(c.id + "/" + system.path("system").asText(), k -> new ArrayList<>()).add(pipeline.name());
                }
            }
        }
        return owners;
    }

    /** Copies of the connection's documents in the system they are synced to (a number twice would count twice). */
    private static int copiesWritten(SeededConnection c) {
        return c.toXero ? c.xeroInvoices().size() : c.scoroInvoices().size();
    }
}
