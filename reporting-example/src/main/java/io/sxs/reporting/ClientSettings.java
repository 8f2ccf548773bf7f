package io.sxs.reporting;

import io.sxs.schemas.topic.KafkaCluster;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The cluster the command connects to: the bootstrap servers, then the client settings of a properties file, then
 * those given one by one (which win), e.g. security.protocol, sasl.mechanism and sasl.jaas.config of a secured
 * cluster. They reach the view consumer and the schema store's own clients alike.
 */
final class ClientSettings {

    private ClientSettings() {
    }

    static KafkaCluster cluster(String bootstrapServers, Path propertiesFile, Map<String, String> settings)
            throws IOException {
        Map<String, Object> all = new HashMap<>();
        if (propertiesFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile)) {
                file.load(reader);
            }
            file.stringPropertyNames().forEach(name -> all.put(name, file.getProperty(name)));
        }
        if (settings != null) {
            all.putAll(settings);
        }
        return new KafkaCluster(bootstrapServers, all);
    }
}
