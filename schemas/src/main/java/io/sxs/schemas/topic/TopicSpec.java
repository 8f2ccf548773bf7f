package io.sxs.schemas.topic;

import java.util.Map;

/**
 * One topic of the pipeline: its name, whether it is compacted, what its key and value are, and why it exists.
 * {@code coPartitioned} topics all have the configured partition count, so one connection's records share a
 * partition number everywhere.
 */
public record TopicSpec(String name, boolean compacted, boolean coPartitioned, String key, String value, String purpose,
                        Map<String, String> extraConfig) {

    public TopicSpec(String name, boolean compacted, boolean coPartitioned, String key, String value, String purpose) {
        this(name, compacted, coPartitioned, key, value, purpose, Map.of());
    }
}
