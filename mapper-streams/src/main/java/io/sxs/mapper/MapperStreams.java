package io.sxs.mapper;

import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * Runs the mapper topology: {@code new MapperStreams(props, settings).start()}. The caller passes
 * {@code bootstrap.servers}, {@code state.dir}, {@code replication.factor} and any other Streams property; this class
 * fixes what correctness depends on (exactly_once_v2) and fills in the mapper's defaults.
 */
public final class MapperStreams implements AutoCloseable {

    private final Properties properties;
    private final KafkaStreams streams;

    public MapperStreams(Properties kafkaProps, MapperSettings settings) {
        this.properties = streamsProperties(kafkaProps);
        MapperSettings configured = settings.withSerdeConfig(serdeConfig(properties, settings.serdeConfig()));
        this.streams = new KafkaStreams(MapperTopology.build(configured), properties);
    }

    /** The Streams properties used: the caller's, plus the mapper's fixed and default settings. */
    public static Properties streamsProperties(Properties kafkaProps) {
        Properties p = new Properties();
        p.putAll(kafkaProps);
        // The store changelogs in the topic catalogue are named after this application id.
        p.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, Topics.MAPPER_APPLICATION_ID);
        // Commands, sync log and store updates of one record commit together, or not at all: no duplicate commands.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Backstops: the processors decode and validate themselves (bad records go to the sync log as INVALID_INPUT);
        // anything that still fails (e.g. an unreadable connections record) is logged and skipped, not fatal.
        p.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        p.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName());
        return p;
    }

    /**
     * The serdes talk to the same cluster (schema topic) as the streams, with its security settings;
     * {@code sxs.schemas.*} properties pass through.
     */
    public static Map<String, Object> serdeConfig(Properties props, Map<String, Object> given) {
        Map<String, Object> config = new HashMap<>(given);
        Object servers = props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers != null) {
            config.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        }
        // The serdes' schema store opens clients of its own: they need the cluster's security settings too.
        props.stringPropertyNames().stream()
                .filter(name -> name.equals(AvroSerde.STORE_CONFIG) || name.equals(AvroSerde.TOPIC_CONFIG)
                        || name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl."))
                .forEach(name -> config.putIfAbsent(name, props.get(name)));
        return config;
    }

    public void start() {
        streams.start();
    }

    /**
     * Stops and leaves the consumer group: without static membership, staying in the group only makes the next
     * instance wait out the session timeout (45 s) before it gets the tasks back.
     *
     * @return true when the streams shut down within the timeout
     */
    public boolean close(Duration timeout) {
        return streams.close(new KafkaStreams.CloseOptions().timeout(timeout).leaveGroup(true));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    /** The underlying client, for metrics, state listeners and interactive queries. */
    public KafkaStreams streams() {
        return streams;
    }

    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
