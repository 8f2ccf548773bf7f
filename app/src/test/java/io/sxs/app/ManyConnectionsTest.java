package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.connector.runtime.ConnectionRuntimeStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A thousand connections in one JVM run on the same fixed threads as one: no thread per connection. The bound is
 * asserted on the thread count, never on a time.
 */
class ManyConnectionsTest extends BrokerAndSandboxes {

    private static final int CONNECTIONS = 1000;

    @Test
    void aThousandConnectionsRunOnABoundedNumberOfThreads() throws Exception {
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-many-"), Map.of("sxs.source.workers", "4"));
        try {
            Pipeline pipeline = app.getBean(Pipeline.class);
            List<ConnectionConfig> first = connections(0, 1);
            new Connections(broker.bootstrapServers()).putAll(first);
            await().atMost(Duration.ofSeconds(60)).until(() -> polledOnce(pipeline, first));
            Threads withOne = Threads.now();

            List<ConnectionConfig> rest = connections(1, CONNECTIONS);
            new Connections(broker.bootstrapServers()).putAll(rest);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> polledOnce(pipeline, rest));
            Threads withAll = Threads.now();
            System.out.printf("Threads: pipeline %d, others outside the sandboxes %d with one connection; %d and %d with %d "
                            + "(scheduler steps: Xero %d, Scoro %d)%n", withOne.pipeline, withOne.others, withAll.pipeline,
                    withAll.others, CONNECTIONS, pipeline.connector(SystemType.XERO).steps(), pipeline.connector(SystemType.SCORO).steps());

            assertThat(withAll.pipeline).as("the pipeline's own threads (workers, sinks, producers, mapper)").isEqualTo(withOne.pipeline);
            // HTTP client workers and the broker's request handlers are pools too; they may warm up a little.
            assertThat(withAll.others - withOne.others).as("other threads added by 999 more connections").isLessThanOrEqualTo(16);
            assertThat(pipeline.connector(SystemType.XERO).threads()).isEqualTo(5);
        } finally {
            app.close();
        }
    }

    /** Threads named by the pipeline, and all others except the sandboxes' request pools (test infrastructure). */
    private record Threads(long pipeline, long others) {
        static Threads now() {
            List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
            long pipeline = names.stream().filter(n -> n.contains("sxs")).count();
            long sandboxes = names.stream().filter(n -> n.startsWith("xero-http") || n.startsWith("scoro-http")).count();
            return new Threads(pipeline, names.size() - pipeline - sandboxes);
        }
    }

    private static List<ConnectionConfig> connections(int from, int to) {
        List<ConnectionConfig> configs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            configs.add(Seeds.connection(CIPHER, "many-" + i, scoro, scoro.createCompany("Many " + i), xero,
                    xero.createTenant("Many " + i), Direction.TO_XERO, ContactMode.WITH_DOCUMENTS, Duration.ofMinutes(5).toMillis()));
        }
        return configs;
    }

    /** Every connection's sources have polled both systems once (their first pass has started). */
    private static boolean polledOnce(Pipeline pipeline, List<ConnectionConfig> configs) {
        for (SystemType system : SystemType.values()) {
            for (ConnectionConfig c : configs) {
                ConnectionRuntimeStatus status = pipeline.connector(system).status(c.getConnectionId()).orElse(null);
                if (status == null || !status.lastPoll().keySet().containsAll(List.of(EntityType.CONTACT, EntityType.INVOICE))) {
                    return false;
                }
            }
        }
        return true;
    }
}
