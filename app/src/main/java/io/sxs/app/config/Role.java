package io.sxs.app.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a process of the one jar runs ({@code sxs.roles}). Sources and sinks are one role: a connection's reads and
 * writes spend one API budget, so they run on the instance that owns the connection.
 */
public enum Role {
    /** The embedded Kafka broker (only without {@code spring.kafka.bootstrap-servers}). */
    BROKER,
    /** Both systems' sources and sinks, for the connections this instance owns. */
    CONNECTORS,
    /** The Kafka Streams mapper. */
    MAPPER,
    /** The control API, CLI target and status page (connecting, runs and checks need CONNECTORS in the same process). */
    CONTROL;

    /** Every role; the broker only where no cluster is configured. */
    public static Set<Role> all(boolean clusterConfigured) {
        Set<Role> all = EnumSet.allOf(Role.class);
        if (clusterConfigured) {
            all.remove(BROKER);
        }
        return all;
    }
}
