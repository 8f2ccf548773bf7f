package io.sxs.mapper.view;

import io.sxs.mapper.MapperStreams;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the merged-view topology as a Streams application of its own ({@code sxs-view}), next to the mapper: the
 * same fixed settings (exactly_once_v2, the same backstops), its own group and state, so the mapper's throughput
 * and the view's lag do not depend on each other.
 */
public final class ViewStreams implements AutoCloseable {

    private final KafkaStreams streams;

    public ViewStreams(Properties kafkaProps, Map<String, Object> serdeConfig) {
        Properties given = new Properties();
        given.putAll(kafkaProps);
        given.put(StreamsConfig.APPLICATION_ID_CONFIG, Topics.VIEW_APPLICATION_ID);
        Properties properties = MapperStreams.streamsProperties(given);
        this.streams = new KafkaStreams(ViewTopology.build(MapperStreams.serdeConfig(properties, serdeConfig)), properties);
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean close(Duration timeout) {
        return streams.close(new KafkaStreams.CloseOptions().timeout(timeout).leaveGroup(true));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
