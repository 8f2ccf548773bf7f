package io.sxs.app.pipeline;

import io.sxs.app.config.KafkaEndpoint;
import io.sxs.app.config.SxsProperties;
import io.sxs.app.topic.TopicCatalogueInitializer;
import io.sxs.app.webhook.WebhookAddress;
import io.sxs.connector.runtime.ConnectorRuntime;
import io.sxs.connector.runtime.ConnectorSettings;
import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.MapperStreams;
import io.sxs.schemas.secret.SecretCipher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The pipeline's parts this process runs ({@code sxs.roles}): topics always, both connectors (sources and sinks) and
 * the mapper as its roles say. By default one process runs them all; a distributed deployment runs them apart.
 */
public class Pipeline implements SmartLifecycle {

    /** Starts after the demo sandboxes and before the demo connection; stops in the reverse order. */
    public static final int PHASE = 100;
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final KafkaEndpoint kafka;
    private final SxsProperties props;
    private final SecretCipher cipher;
    private final ApiClocks clocks;
    private final WebhookAddress webhooks;
    private final String xeroWebhookKey;
    private final io.sxs.app.config.ProcessRoles roles;
    private List<ConnectorRuntime> connectors = List.of();
    private MapperStreams mapper;
    private io.sxs.mapper.view.ViewStreams view;
    private volatile boolean running;

    /** @param xeroWebhookKey the signing key of the Xero app's webhook (null: no Xero webhooks) */
    public Pipeline(KafkaEndpoint kafka, SxsProperties props, SecretCipher cipher, ApiClocks clocks,
                    WebhookAddress webhooks, String xeroWebhookKey, io.sxs.app.config.ProcessRoles roles) {
        this.roles = roles;
        this.kafka = kafka;
        this.props = props;
        this.cipher = cipher;
        this.clocks = clocks;
        this.webhooks = webhooks;
        this.xeroWebhookKey = xeroWebhookKey;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        TopicCatalogueInitializer.ensure(kafka.cluster(), props.topics());
        ConnectorSettings settings = new ConnectorSettings(kafka.bootstrapServers(), props.instanceId(),
                props.source().overlap(), props.source().tick(), kafka.cluster().clientProperties(), props.source().workers(),
                props.sink().writeLinger(), props.source().hintLinger(), props.source().safetyNet(), props.sink().maxQueued());
        if (roles.has(io.sxs.app.config.Role.CONNECTORS)) {
            connectors = List.of(
                    Connectors.xero(settings, props, cipher, clocks.xero().get(), xeroWebhookKey != null),
                    Connectors.scoro(settings, cipher, clocks.scoro().get(), webhooks.enabled() ? webhooks::base : null));
            try {
                for (ConnectorRuntime connector : connectors) {
                    connector.start();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting connectors", e);
            }
        }
        if (roles.has(io.sxs.app.config.Role.MAPPER)) {
            mapper = new MapperStreams(streamsProperties(), MapperSettings.defaults()
                    .withDependencyTimeout(props.mapper().dependencyTimeout())
                    .withPunctuateInterval(props.mapper().punctuateInterval()));
            mapper.start();
            Properties viewProps = streamsProperties();
            viewProps.put("main.consumer.group.instance.id", "sxs-view-" + props.instanceId());
            view = new io.sxs.mapper.view.ViewStreams(viewProps, Map.of());
            view.start();
        }
        running = true;
        log.info("Pipeline ({}) started on {} in {} ms", roles, kafka.cluster(), (System.nanoTime() - started) / 1_000_000);
    }

    private Properties streamsProperties() {
        Properties p = kafka.cluster().properties();
        Path stateDir = props.dataDir().resolve("streams").resolve(props.instanceId());
        p.put("state.dir", stateDir.toAbsolutePath().toString());
        p.put("replication.factor", String.valueOf(props.topics().replicationFactor()));
        // Static membership: a restarted instance takes its tasks back at once instead of waiting for the group to
        // time out its previous incarnation. Streams appends the thread index.
        p.put("main.consumer.group.instance.id", "sxs-mapper-" + props.instanceId());
        return p;
    }

    /** The runtime of one system (for status and tests). */
    public ConnectorRuntime connector(io.sxs.schemas.common.SystemType system) {
        return connectors.stream().filter(c -> c.system() == system).findFirst()
                .orElseThrow(() -> new IllegalStateException(running ? "this process runs no connectors (sxs.roles=" + roles
                        + "): connecting, sync runs and checks need the connectors role here" : "the pipeline is not running"));
    }

    /** The clock the Xero API runs on (token expiry is on it). */
    public java.time.Clock xeroClock() {
        return clocks.xero().get();
    }

    /** Every system's runtime (empty before the pipeline starts). */
    public List<ConnectorRuntime> connectors() {
        return connectors;
    }

    /** The mapper's Kafka Streams state (null before the pipeline starts). */
    public org.apache.kafka.streams.KafkaStreams.State mapperState() {
        return mapper == null ? null : mapper.state();
    }

    /** The roles this process runs. */
    public io.sxs.app.config.ProcessRoles roles() {
        return roles;
    }

    /** The mapper itself (health checks and tests; stopping it leaves the rest running and the health DOWN). */
    public MapperStreams mapper() {
        return mapper;
    }

    /** The merged-view builder's Kafka Streams state (null without the mapper role). */
    public org.apache.kafka.streams.KafkaStreams.State viewState() {
        return view == null ? null : view.state();
    }

    /** True once the mapper has its tasks and processes (after a restart it first rejoins the group). */
    public boolean mapperRunning() {
        return mapper != null && mapper.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING;
    }

    @Override
    public void stop() {
        running = false;
        long started = System.nanoTime();
        if (view != null && !view.close(Duration.ofSeconds(30))) {
            log.warn("View builder did not stop within 30 s");
        }
        if (mapper != null && !mapper.close(Duration.ofSeconds(30))) {
            log.warn("Mapper did not stop within 30 s");
        }
        long mapperStopped = System.nanoTime();
        connectors.forEach(ConnectorRuntime::close);
        log.info("Pipeline stopped (mapper {} ms, connectors {} ms)", (mapperStopped - started) / 1_000_000,
                (System.nanoTime() - mapperStopped) / 1_000_000);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
