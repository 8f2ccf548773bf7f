package io.sxs.connector.runtime;

import io.sxs.schemas.topic.ConnectionPartitioner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connections this instance owns: those whose partition of the commands topic the sink's consumer group gave
 * it. The source polls exactly these, so one instance does both the reads and the writes of a connection and one
 * rate budget governs each organisation.
 */
public final class ConnectionOwnership {

    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    private volatile int partitionCount;

    void assigned(Set<Integer> assigned, int count) {
        partitionCount = count;
        partitions.addAll(assigned);
    }

    void revoked(Set<Integer> revoked) {
        partitions.removeAll(revoked);
    }

    int partitionCount() {
        return partitionCount;
    }

    public boolean owns(String connectionId) {
        int count = partitionCount;
        return count > 0 && partitions.contains(ConnectionPartitioner.partitionFor(connectionId, count));
    }
}
