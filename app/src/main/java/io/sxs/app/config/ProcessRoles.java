package io.sxs.app.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles this process runs, checked at start-up: {@code sxs.roles} as given, or every role when it is not set (the
 * embedded broker only where no cluster is configured). A broker role next to a configured cluster, or neither, is a
 * configuration error that stops the start.
 */
public record ProcessRoles(Set<Role> roles) {

    public ProcessRoles {
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public static ProcessRoles of(Set<Role> configured, boolean clusterConfigured) {
        if (configured == null || configured.isEmpty()) {
            return new ProcessRoles(Role.all(clusterConfigured));
        }
        if (configured.contains(Role.BROKER) && clusterConfigured) {
            throw new IllegalStateException("sxs.roles includes broker, but spring.kafka.bootstrap-servers names a cluster: "
                    + "the embedded broker runs only without one");
        }
        if (!configured.contains(Role.BROKER) && !clusterConfigured) {
            throw new IllegalStateException("sxs.roles " + configured + " has no broker: set spring.kafka.bootstrap-servers "
                    + "to the cluster, or add broker");
        }
        return new ProcessRoles(configured);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the pipeline's own parts all run here (what the demo needs). */
    public boolean runsThePipeline() {
        return roles.containsAll(EnumSet.of(Role.CONNECTORS, Role.MAPPER, Role.CONTROL));
    }

    @Override
    public String toString() {
        return roles.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
