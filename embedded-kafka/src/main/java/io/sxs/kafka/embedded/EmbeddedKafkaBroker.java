package io.sxs.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import io.sxs.schemas.serde.KafkaSchemaStore;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (combined broker and controller) running in this JVM: the embedded default needs
 * no external Kafka. The data folder survives restarts; it is formatted only when it holds no meta.properties.
 * Transaction-log settings are lowered to one replica, or exactly-once clients would wait forever.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private String saslUser;
    private String saslPassword;
    private int internalPort;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
    }

    /**
     * Clients must authenticate with SASL/PLAIN as this user (the listener is SASL_PLAINTEXT; the broker talks to
     * itself on a plain listener of its own): a secured cluster for tests of the client settings' pass-through.
     */
    public synchronized EmbeddedKafkaBroker withSaslPlain(String user, String password) {
        if (server != null) {
            throw new IllegalStateException("SASL must be chosen before the broker starts");
        }
        this.saslUser = user;
        this.saslPassword = password;
        this.internalPort = FreePorts.next();
        return this;
    }

    /** The client settings that authenticate as the SASL user (empty without SASL). */
    public java.util.Map<String, Object> clientSecurity() {
        if (saslUser == null) {
            return java.util.Map.of();
        }
        return java.util.Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + saslUser
                        + "\" password=\"" + saslPassword + "\";");
    }

    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        Properties props = properties();
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                        .setDirectories(List.of(dataDir.toString())).setMetadataLogDirectory(dataDir.toString())
                        .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data folder " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data folder " + dataDir, e);
        }
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        log.info("Embedded Kafka broker listening on {} (data in {}), started in {} ms", bootstrapServers(), dataDir,
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        if (saslUser == null) {
            p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        } else {
            p.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",INTERNAL://localhost:" + internalPort
                    + ",CONTROLLER://localhost:" + controllerPort);
            p.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port + ",INTERNAL://localhost:" + internalPort);
            p.put("inter.broker.listener.name", "INTERNAL");
            p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + saslUser + "\" password=\""
                            + saslPassword + "\" user_" + saslUser + "=\"" + saslPassword + "\";");
        }
        p.put("log.dirs", dataDir.toString());
        p.put("metadata.log.dir", dataDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            KafkaSchemaStore.closeFor(bootstrapServers());
            server.shutdown();
            server.awaitShutdown();
            server = null;
            log.info("Embedded Kafka broker stopped");
        }
    }
}
