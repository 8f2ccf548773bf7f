package io.sxs.app.pipeline;

import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.connector.xero.auth.XeroTokenSet;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.registry.ConnectionLinks;
import io.sxs.schemas.secret.SecretCipher;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes the connections topic. A Scoro entity (site and company account) and a Xero organisation may
 * each belong to one active connection only: a second link is refused.
 */
public final class Connections {

    private final KafkaCluster cluster;

    public Connections(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    public Connections(String bootstrapServers) {
        this(KafkaCluster.of(bootstrapServers));
    }

    public static ConnectionConfig newConnection(String connectionId, String name, SecretCipher cipher, String scoroSite,
                                                 String companyAccountId, String scoroApiKey, String xeroApiBase,
                                                 String xeroTenantId, String xeroAccessToken) {
        return newConnection(connectionId, name, cipher, scoroSite, companyAccountId, scoroApiKey, xeroApiBase, xeroTenantId,
                XeroTokenSet.of(xeroAccessToken));
    }

    public static ConnectionConfig newConnection(String connectionId, String name, SecretCipher cipher, String scoroSite,
                                                 String companyAccountId, String scoroApiKey, String xeroApiBase,
                                                 String xeroTenantId, XeroTokenSet xeroTokens) {
        Instant now = Instant.now();
        // Every saved token set is a grant of its own: its rotations on sxs.credentials follow that grant only.
        String grant = xeroTokens.grantId() != null ? xeroTokens.grantId() : java.util.UUID.randomUUID().toString();
        String tokens = new XeroTokenSet(xeroTokens.accessToken(), xeroTokens.refreshToken(), xeroTokens.expiresAt(), grant)
                .toJson();
        return ConnectionConfig.newBuilder().setConnectionId(connectionId).setName(name)
                .setScoro(ScoroEndpoint.newBuilder().setSiteUrl(scoroSite).setCompanyAccountId(companyAccountId)
                        .setApiKey(cipher.encrypt(connectionId, scoroApiKey)).build())
                .setXero(XeroEndpoint.newBuilder().setApiBaseUrl(xeroApiBase).setTenantId(xeroTenantId)
                        .setTokens(cipher.encrypt(connectionId, tokens)).setGrantId(grant).build())
                .setCreatedAt(now).setUpdatedAt(now).build();
    }

    /** Every connection currently in the topic (latest value per id). */
    public Map<String, ConnectionConfig> readAll() {
        Map<String, ConnectionConfig> out = new HashMap<>();
        try (KafkaConsumer<String, ConnectionConfig> consumer = new KafkaConsumer<>(cluster.config(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), AvroSerde.<ConnectionConfig>forCluster(cluster))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONNECTIONS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, ConnectionConfig> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (rec.value() == null) {
                        out.remove(rec.key());
                    } else {
                        out.put(rec.key(), rec.value());
                    }
                }
            }
        }
        return out;
    }

    /** Adds or replaces a connection, refusing a second link of the same Scoro entity or Xero organisation. */
    public void put(ConnectionConfig config) {
        putAll(List.of(config));
    }

    /**
     * Adds or replaces connections (reading the table once), refusing any that would not hold its links
     * ({@link ConnectionLinks}: the same rule the runtime and the mapper apply to whatever reaches the topic).
     */
    public void putAll(List<ConnectionConfig> configs) {
        Map<String, ConnectionConfig> known = readAll();
        configs.forEach(c -> known.put(c.getConnectionId(), c));
        ConnectionLinks links = ConnectionLinks.of(known.values());
        for (ConnectionConfig config : configs) {
            String refused = links.refusal(config);
            if (refused != null) {
                throw new DuplicateLinkException("Connection " + config.getConnectionId() + " is refused: " + refused);
            }
        }
        send(configs);
    }

    /** Marks matching connections REMOVED (kept for the audit trail; their sources stop). */
    public void removeWhere(Predicate<ConnectionConfig> filter) {
        List<ConnectionConfig> removed = new ArrayList<>();
        for (ConnectionConfig c : readAll().values()) {
            if (filter.test(c) && c.getStatus() != ConnectionStatus.REMOVED) {
                c.setStatus(ConnectionStatus.REMOVED);
                c.setUpdatedAt(Instant.now());
                removed.add(c);
            }
        }
        send(removed);
    }

    /**
     * Deletes a connection from the topic (a tombstone): the mapper then drops its ID map, pending and latest rows,
     * and the runtimes its cursors, facts and saved credentials, so the same id added again starts from nothing.
     */
    public void delete(String connectionId) {
        Map<String, ConnectionConfig> tombstone = new HashMap<>();
        tombstone.put(connectionId, null);
        send(tombstone);
    }

    private void send(List<ConnectionConfig> configs) {
        Map<String, ConnectionConfig> byId = new java.util.LinkedHashMap<>();
        configs.forEach(c -> byId.put(c.getConnectionId(), c));
        send(byId);
    }

    private void send(Map<String, ConnectionConfig> configs) {
        if (configs.isEmpty()) {
            return;
        }
        try (KafkaProducer<String, ConnectionConfig> producer = new KafkaProducer<>(cluster.config(ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), AvroSerde.<ConnectionConfig>forCluster(cluster))) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            configs.forEach((id, config) -> sent.add(producer.send(new ProducerRecord<>(Topics.CONNECTIONS, id, config))));
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing connections", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write to " + Topics.CONNECTIONS, e);
        }
    }

    /** A second link of the same Scoro entity or Xero organisation. */
    public static class DuplicateLinkException extends IllegalArgumentException {
        public DuplicateLinkException(String message) {
            super(message);
        }
    }
}
