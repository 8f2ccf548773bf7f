package io.sxs.connector.runtime;

import io.sxs.connector.schedule.ConnectionScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transactional producer per scheduler worker: workers emit their pages in parallel, each in its own transaction
 * (a producer runs one transaction at a time). The transactional id names the instance and the worker, so a restarted
 * instance fences its predecessor's unfinished transactions worker by worker. All are created at start, so that the
 * instance's threads are fixed from then on and a fencing problem shows at once.
 */
final class SourceProducers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceProducers.class);

    private final ConnectorSettings settings;
    private final String prefix;
    private final AtomicReferenceArray<KafkaProducer<Object, SpecificRecordBase>> producers;

    SourceProducers(ConnectorSettings settings, String prefix, int workers) {
        this.settings = settings;
        this.prefix = prefix;
        this.producers = new AtomicReferenceArray<>(workers);
    }

    void start() {
        for (int i = 0; i < producers.length(); i++) {
            producer(i);
        }
    }

    /** Runs {@code body} in one transaction of the calling worker's producer: all of it is committed, or none. */
    void inTransaction(Consumer<KafkaProducer<Object, SpecificRecordBase>> body) {
        int index = ConnectionScheduler.workerIndex();
        if (index < 0 || index >= producers.length()) {
            throw new IllegalStateException("source records are emitted from scheduler workers only");
        }
        KafkaProducer<Object, SpecificRecordBase> producer = producer(index);
        producer.beginTransaction();
        try {
            body.accept(producer);
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            producers.set(index, null);
            producer.close(Duration.ZERO);
            throw e;
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
                // The producer may be in an unusable state: start afresh next time.
                producers.set(index, null);
                producer.close(Duration.ZERO);
            }
            throw e;
        }
    }

    private KafkaProducer<Object, SpecificRecordBase> producer(int index) {
        KafkaProducer<Object, SpecificRecordBase> p = producers.get(index);
        if (p == null) {
            p = KafkaClients.transactionalProducer(settings, prefix + "-" + index);
            p.initTransactions();
            producers.set(index, p);
        }
        return p;
    }

    @Override
    public void close() {
        for (int i = 0; i < producers.length(); i++) {
            KafkaProducer<Object, SpecificRecordBase> p = producers.getAndSet(i, null);
            if (p != null) {
                try {
                    p.close(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    log.warn("Closing source producer {} failed: {}", i, e.toString());
                }
            }
        }
    }
}
