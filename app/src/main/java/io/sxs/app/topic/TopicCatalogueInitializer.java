package io.sxs.app.topic;

import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.app.config.SxsProperties;
import io.sxs.schemas.topic.TopicSpec;
import io.sxs.schemas.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every topic of the catalogue that is missing, with its partition count and cleanup policy, and refuses to
 * start when an existing co-partitioned topic has a different partition count (a connection would then be split
 * across tasks).
 */
public final class TopicCatalogueInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicCatalogueInitializer.class);

    private TopicCatalogueInitializer() {
    }

    public static List<NewTopic> newTopics(SxsProperties.Topics settings) {
        return Topics.ALL.stream().map(spec -> {
            Map<String, String> config = new HashMap<>(spec.extraConfig());
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                    spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            if (!spec.compacted()) {
                config.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.auditRetentionMs()));
            }
            int partitions = spec.coPartitioned() ? settings.partitions() : 1;
            return new NewTopic(spec.name(), partitions, settings.replicationFactor()).configs(config);
        }).toList();
    }

    /** Describes topics just created; their metadata can lag the creation by a moment, so that is waited for. */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names)
            throws InterruptedException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    public static void ensure(KafkaCluster cluster, SxsProperties.Topics settings) {
        try (Admin admin = Admin.create(cluster.config())) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = newTopics(settings).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            List<String> coPartitioned = Topics.ALL.stream().filter(TopicSpec::coPartitioned).map(TopicSpec::name).toList();
            Map<String, TopicDescription> described = describe(admin, coPartitioned);
            List<String> wrong = described.values().stream()
                    .filter(d -> d.partitions().size() != settings.partitions())
                    .map(d -> d.name() + " has " + d.partitions().size()).toList();
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("Topics must all have sxs.topics.partitions=" + settings.partitions()
                        + " partitions: " + wrong);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create the pipeline's topics on " + cluster.bootstrapServers(), e);
        }
    }
}
