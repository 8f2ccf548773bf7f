package io.sxs.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.process.Nodes;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class MapperStreamsTest {

    @Test
    void fixesExactlyOnceAndDefaultsTheApplicationIdToTheCatalogue() {
        Properties given = new Properties();
        given.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        given.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        Properties p = MapperStreams.streamsProperties(given);
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo(Topics.MAPPER_APPLICATION_ID);
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100);
        assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();

        given.put(StreamsConfig.APPLICATION_ID_CONFIG, "other");
        assertThat(MapperStreams.streamsProperties(given).get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("other");
    }

    @Test
    void serdesUseTheStreamsBootstrapServers() {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        p.put(AvroSerde.TOPIC_CONFIG, "my.schemas");
        assertThat(MapperStreams.serdeConfig(p, Map.of())).containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry(AvroSerde.TOPIC_CONFIG, "my.schemas");
    }

    @Test
    void topologyReadsTheCatalogueTopicsAndSharesTheStores() {
        TopologyDescription description = MapperTopology.build(
                MapperSettings.defaults().withSerdeConfig(Map.of(AvroSerde.STORE_CONFIG, "memory"))).describe();
        assertThat(description.globalStores()).singleElement()
                .satisfies(g -> assertThat(g.source().topicSet()).containsExactly(Topics.CONNECTIONS));
        assertThat(description.subtopologies()).as("changes and results in one task").hasSize(1);
        TopologyDescription.Subtopology sub = description.subtopologies().iterator().next();
        assertThat(sub.nodes()).filteredOn(n -> n instanceof TopologyDescription.Processor)
                .allSatisfy(n -> assertThat(((TopologyDescription.Processor) n).stores())
                        .contains(Topics.IDMAP_STORE, Topics.PENDING_STORE, Topics.LATEST_STORE));
        assertThat(sub.nodes()).filteredOn(n -> n.name().equals(Nodes.CHANGE_PROCESSOR))
                .singleElement().satisfies(n -> assertThat(((TopologyDescription.Processor) n).stores())
                        .as("the scopes are the punctuation's").contains(Topics.SCOPES_STORE));
        assertThat(sub.nodes()).filteredOn(n -> n instanceof TopologyDescription.Sink)
                .extracting(n -> ((TopologyDescription.Sink) n).topic())
                .containsExactlyInAnyOrder(Topics.COMMANDS_XERO, Topics.COMMANDS_SCORO, Topics.SYNC_LOG, Topics.SOURCE_HINTS);
        assertThat(sub.nodes()).extracting(TopologyDescription.Node::name).contains(Nodes.CHANGE_PROCESSOR, Nodes.RESULT_PROCESSOR);
    }

    @Test
    void settingsDefaults() {
        MapperSettings s = MapperSettings.defaults();
        assertThat(s.dependencyTimeout()).hasMinutes(10);
        assertThat(s.punctuateInterval()).hasSeconds(30);
    }
}
