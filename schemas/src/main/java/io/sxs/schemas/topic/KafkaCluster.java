package io.sxs.schemas.topic;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A Kafka cluster as every client of the pipeline connects to it: the bootstrap servers and the client settings that
 * must reach every producer, consumer, admin client and the Streams app alike (security protocol, SASL, TLS, timeouts),
 * so that the pipeline runs on a secured cluster. Values that are secrets are masked in {@link #toString}.
 */
public record KafkaCluster(String bootstrapServers, Map<String, Object> clientProperties) {

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|jaas|secret|token|key).*"); // over-masks a key store's path: harmless
    private static final String BOOTSTRAP = "bootstrap.servers";

    public KafkaCluster {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are required");
        }
        Map<String, Object> copy = new TreeMap<>(clientProperties == null ? Map.of() : clientProperties);
        copy.remove(BOOTSTRAP);
        clientProperties = java.util.Collections.unmodifiableMap(copy);
    }

    public static KafkaCluster of(String bootstrapServers) {
        return new KafkaCluster(bootstrapServers, Map.of());
    }

    /** The bootstrap servers and the client settings, in a new map a client adds its own settings to. */
    public Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(BOOTSTRAP, bootstrapServers);
        return config;
    }

    /** {@link #config()} with a client's own settings added: name, value, name, value... */
    public Map<String, Object> config(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in name, value pairs");
        }
        Map<String, Object> config = config();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            config.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return config;
    }

    /** {@link #config()} as Properties. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(config());
        return p;
    }

    /**
     * The cluster a client's own configuration names: its bootstrap servers (a String or, as Spring Boot passes it,
     * a List) and its connection settings ({@code security.*}, {@code sasl.*}, {@code ssl.*}), e.g. for a serde
     * configured by the client it serves, whose schema store opens clients of its own. Null without bootstrap servers.
     */
    public static KafkaCluster fromClientConfig(Map<String, ?> configs) {
        Object servers = configs.get(BOOTSTRAP);
        String bootstrap = servers instanceof Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : servers == null ? null : String.valueOf(servers).trim();
        if (bootstrap == null || bootstrap.isEmpty()) {
            return null;
        }
        Map<String, Object> settings = new HashMap<>();
        configs.forEach((k, v) -> {
            if (v != null && (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl."))) {
                settings.put(k, v);
            }
        });
        return new KafkaCluster(bootstrap, settings);
    }

    /** Whether a client setting's value is a secret (passwords, JAAS configs, keys, tokens). */
    public static boolean secret(String name) {
        return SECRET.matcher(name).matches();
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>();
        clientProperties.forEach((k, v) -> shown.put(k, secret(k) ? "****" : v));
        return "KafkaCluster[" + bootstrapServers + (shown.isEmpty() ? "" : ", " + shown) + "]";
    }
}
