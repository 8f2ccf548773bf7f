package io.sxs.app.chaos;

import io.sxs.kafka.embedded.FreePorts;
import io.sxs.schemas.secret.SecretCipher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The distributed setup as separate OS processes of the one jar: a broker ({@code sxs.roles=broker}, the embedded
 * KRaft broker and nothing else) and pipelines on it ({@code connectors,mapper,control}), each its own instance id.
 * Every pipeline gets the same secrets key and operator token, through its environment.
 */
final class ProcessCluster implements AutoCloseable {

    /** Partitions of every co-partitioned topic: enough for a few instances to share the connections. */
    static final int PARTITIONS = 6;

    private final JavaCommands java;
    private final Path dir;
    private final String token = "chaos-" + UUID.randomUUID();
    private final Map<String, String> secrets;
    private final Map<String, Object> pipelineSettings;
    private final AppProcess broker;
    private final List<AppProcess> pipelines = new ArrayList<>();

    /**
     * @param sessionTimeoutMs the consumer groups' session timeout: how long a killed instance's partitions stay
     *                         with it before the group gives them to the others (Kafka's default is 45 s)
     */
    ProcessCluster(JavaCommands java, Path dir, long sessionTimeoutMs) {
        this.java = java;
        this.dir = dir;
        this.secrets = Map.of("SXS_SECRETS_KEY", SecretCipher.newBase64Key(), "SXS_CONTROL_TOKEN", token);
        int brokerPort = FreePorts.next();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("sxs.roles", "broker");
        b.put("sxs.instance-id", "broker");
        b.put("sxs.demo.enabled", false);
        b.put("sxs.data-dir", dir.resolve("broker"));
        b.put("sxs.broker.port", brokerPort);
        b.put("sxs.broker.controller-port", FreePorts.next());
        b.put("sxs.topics.partitions", PARTITIONS);
        this.broker = new AppProcess("broker", java, b, Map.of(), dir.resolve("logs"), null);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", "localhost:" + brokerPort);
        p.put("sxs.roles", "connectors,mapper,control");
        p.put("sxs.demo.enabled", false);
        p.put("sxs.topics.partitions", PARTITIONS);
        p.put("sxs.kafka.session.timeout.ms", sessionTimeoutMs);
        // A killed instance's open transaction holds back what is after it on its partitions until it times out
        // (unless the instance comes back first and fences it): keep that wait short too.
        p.put("sxs.kafka.transaction.timeout.ms", Math.max(10_000, sessionTimeoutMs));
        // Changes waiting for a dependency (a contact whose write failed) are looked at again sooner than the 30 s default.
        p.put("sxs.mapper.punctuate-interval", "5s");
        this.pipelineSettings = p;
    }

    void startBroker() throws InterruptedException {
        broker.start();
    }

    /** Adds and starts a pipeline named {@code pipeline-<n>} (also its instance id). */
    AppProcess addPipeline() throws InterruptedException {
        String id = "pipeline-" + (pipelines.size() + 1);
        Map<String, Object> settings = new LinkedHashMap<>(pipelineSettings);
        settings.put("sxs.instance-id", id);
        settings.put("sxs.data-dir", dir.resolve(id));
        AppProcess pipeline = new AppProcess(id, java, settings, secrets, dir.resolve("logs"), token);
        pipelines.add(pipeline);
        return pipeline.start();
    }

    List<AppProcess> pipelines() {
        return List.copyOf(pipelines);
    }

    /** A pipeline that is up, to ask the control API (any of them serves every connection's settings). */
    AppProcess anyLivePipeline() {
        return pipelines.stream().filter(AppProcess::alive).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pipeline is running"));
    }

    Path logs() {
        return dir.resolve("logs");
    }

    @Override
    public void close() {
        pipelines.forEach(AppProcess::stop);
        broker.stop();
    }
}
