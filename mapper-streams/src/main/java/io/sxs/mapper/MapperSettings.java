package io.sxs.mapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tuning of the mapper.
 *
 * @param dependencyTimeout how long a change may wait for a missing dependency before it ends in the error list
 * @param punctuateInterval how often (wall clock) waiting changes are checked against {@code dependencyTimeout}
 * @param serdeConfig       configuration handed to every Avro serde of the topology ({@code bootstrap.servers} for
 *                          the schema topic, or {@code sxs.schemas.store=memory} in tests); Kafka Streams does not
 *                          configure serdes given to the Processor API, so the topology does it with this map
 */
public record MapperSettings(Duration dependencyTimeout, Duration punctuateInterval, Map<String, Object> serdeConfig) {

    public static final Duration DEFAULT_DEPENDENCY_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_PUNCTUATE_INTERVAL = Duration.ofSeconds(30);

    public MapperSettings {
        dependencyTimeout = dependencyTimeout == null ? DEFAULT_DEPENDENCY_TIMEOUT : dependencyTimeout;
        punctuateInterval = punctuateInterval == null ? DEFAULT_PUNCTUATE_INTERVAL : punctuateInterval;
        if (dependencyTimeout.isNegative() || punctuateInterval.isZero() || punctuateInterval.isNegative()) {
            throw new IllegalArgumentException("dependencyTimeout must be >= 0 and punctuateInterval > 0");
        }
        serdeConfig = serdeConfig == null ? Map.of() : Map.copyOf(serdeConfig);
    }

    public static MapperSettings defaults() {
        return new MapperSettings(null, null, null);
    }

    public MapperSettings withDependencyTimeout(Duration timeout) {
        return new MapperSettings(Objects.requireNonNull(timeout), punctuateInterval, serdeConfig);
    }

    public MapperSettings withPunctuateInterval(Duration interval) {
        return new MapperSettings(dependencyTimeout, Objects.requireNonNull(interval), serdeConfig);
    }

    public MapperSettings withSerdeConfig(Map<String, ?> config) {
        return new MapperSettings(dependencyTimeout, punctuateInterval, new HashMap<>(config));
    }
}
