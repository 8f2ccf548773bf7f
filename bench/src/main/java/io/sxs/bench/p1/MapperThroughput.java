package io.sxs.bench.p1;

import io.sxs.bench.AvroProducer;
import io.sxs.bench.Cluster;
import io.sxs.bench.Table;
import io.sxs.bench.TimedRun;
import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.MapperStreams;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.topic.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * P1: the mapper's throughput as a ratio to an exactly-once consume-produce pass-through of the same Avro records,
 * on the same broker in the same run (before and after the mapper), so that the machine's speed and load cancel out
 * of the ratio; a bytes-only copy is measured too, as Kafka's floor.
 *
 * <p>The run: the mapper maps a warm-up population (contacts, then invoices, each command answered as the Xero sink
 * would), then processes warm-up records of the same mix (so that it is timed with its paths compiled) and stops; the measured records are written; a pass-through copies them once untimed (its JIT warm-up), then
 * timed; the mapper starts again on its state and processes them; a last pass-through copies them again. Each timed
 * pass is measured by {@link TimedRun}, with nothing else reading meanwhile.
 */
@Command(name = "p1", mixinStandardHelpOptions = true,
        description = "Mapper throughput as a ratio to an exactly-once pass-through of the same records.")
public final class MapperThroughput implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(MapperThroughput.class);
    private static final List<String> INPUTS = List.of(Topics.CHANGES_SCORO, Topics.CHANGES_XERO);
    private static final List<String> MAPPER_INPUTS = List.of(Topics.CHANGES_SCORO, Topics.CHANGES_XERO, Topics.RESULTS);
    private static final List<String> MAPPER_OUTPUTS = List.of(Topics.COMMANDS_XERO, Topics.COMMANDS_SCORO, Topics.SYNC_LOG,
            Topics.IDMAP, Topics.PENDING, Topics.LATEST);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--records", defaultValue = "100000", description = "Measured input records (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--warm-up-records", defaultValue = "100000",
            description = "Records of the same mix the mapper processes untimed before the measured ones (default ${DEFAULT-VALUE}).")
    int warmUpRecords;

    @Option(names = "--connections", defaultValue = "50", description = "Connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--items", defaultValue = "200",
            description = "Items per connection mapped in the warm-up, half contacts, half invoices (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the co-partitioned topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    /** One timed pass over the measured records: what it wrote, in records and transaction markers. */
    public record Run(String name, long records, TimedRun.Span span, long written, long markers) {
        public double perSecond() {
            return records / span.seconds();
        }
    }

    /**
     * What a P1 run measured: the pass-throughs before and after the mapper (Avro records, and bytes), the mapper, and
     * the mapper's output per topic ({records, markers}).
     */
    public record Report(Run passBefore, Run bytesBefore, Run mapper, Run passAfter, Run bytesAfter,
                         Map<String, long[]> mapperOutput, Map<ChangeMix.Kind, Integer> mix) {

        /** The mapper's records/s over the mean of the Avro pass-through's: P1's figure. */
        public double ratio() {
            return mapper.perSecond() / ((passBefore.perSecond() + passAfter.perSecond()) / 2);
        }

        /** Against the bytes copy: how far the mapper is from Kafka's own floor. */
        public double bytesRatio() {
            return mapper.perSecond() / ((bytesBefore.perSecond() + bytesAfter.perSecond()) / 2);
        }

        /** The same ratio by stream-thread CPU time per record: the pass-through's cost over the mapper's. */
        public double threadRatio() {
            return ((passBefore.span().threadCpuSeconds() + passAfter.span().threadCpuSeconds()) / 2) / mapper.span().threadCpuSeconds();
        }

        public Table table() {
            Table table = new Table("P1", "Records", "Seconds", "CPU s", "Thread µs/record", "Records/s", "Written/input",
                    "Markers/input");
            for (Run run : List.of(bytesBefore, passBefore, mapper, passAfter, bytesAfter)) {
                table.row(run.name(), Table.count(run.records()), Table.ratio(run.span().seconds()),
                        Table.ratio(run.span().cpuSeconds()), Table.ratio(run.span().threadCpuSeconds() * 1e6 / run.records()),
                        Table.count(Math.round(run.perSecond())),
                        Table.ratio((double) run.written() / run.records()), Table.ratio((double) run.markers() / run.records()));
            }
            table.row("ratio mapper / mean Avro pass-through", "", "", "", Table.ratio(threadRatio()), Table.ratio(ratio()), "", "");
            return table.row("ratio mapper / mean bytes copy", "", "", "", "", Table.ratio(bytesRatio()), "", "");
        }

        public Table outputTable() {
            Table table = new Table("Mapper output", "Records", "Per input", "Markers");
            mapperOutput.forEach((topic, counts) -> table.row(topic, Table.count(counts[0]),
                    Table.ratio((double) counts[0] / mapper.records()), Table.count(counts[1])));
            return table;
        }
    }

    public MapperThroughput() {
    }

    MapperThroughput(int records, int warmUpRecords, int connections, int items, int partitions, long seed) {
        this.records = records;
        this.warmUpRecords = warmUpRecords;
        this.connections = connections;
        this.items = items;
        this.partitions = partitions;
        this.seed = seed;
    }

    @Override
    public Integer call() {
        Report report = run();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("P1: %,d records %s, %d connections, %d partitions, %d warm-up items per connection, %,d warm-up records%n%n",
                records, report.mix(), connections, partitions, items, warmUpRecords);
        out.println(report.table().render());
        out.println(report.outputTable().render());
        out.flush();
        return 0;
    }

    public Report run() {
        try (Cluster cluster = Cluster.start(partitions); AvroProducer producer = new AvroProducer(cluster.bootstrapServers())) {
            cluster.createTopic(PassThrough.OUTPUT);
            ChangeMix mix = new ChangeMix(connections, items, seed);
            for (ConnectionConfig connection : mix.connectionConfigs()) {
                producer.send(Topics.CONNECTIONS, connection.getConnectionId(), connection);
            }
            Properties mapperProps = streamsBase(cluster, "mapper");
            // As the app does: the restarted mapper takes its tasks back at once instead of after the session timeout.
            mapperProps.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "sxs-bench-mapper");
            try (MapperStreams mapper = new MapperStreams(mapperProps, MapperSettings.defaults())) {
                mapper.start();
                warmUp(cluster, producer, mix);
            }
            Map<TopicPartition, Long> start = cluster.endOffsets(INPUTS);
            send(producer, mix.measured(records));
            Map<TopicPartition, Long> end = cluster.endOffsets(INPUTS);
            log.info("Measured input written: {} records", records);

            // Untimed: the JIT compiles the pass-throughs' paths as the warm-up did the mapper's, so all are timed warm.
            passThrough(cluster, PassThrough.Kind.AVRO, "pass-through (warm-up)", "sxs-bench-pass-warm-up", start, end);
            passThrough(cluster, PassThrough.Kind.BYTES, "bytes copy (warm-up)", "sxs-bench-bytes-warm-up", start, end);
            Run bytesBefore = passThrough(cluster, PassThrough.Kind.BYTES, "bytes copy (before)", "sxs-bench-bytes-before", start, end);
            Run before = passThrough(cluster, PassThrough.Kind.AVRO, "Avro pass-through (before)", "sxs-bench-pass-before", start, end);
            Map<String, long[]> output = new TreeMap<>();
            Run mapperRun;
            try (MapperStreams mapper = new MapperStreams(TimedRun.clocked(mapperProps), MapperSettings.defaults())) {
                mapperRun = mapper(cluster, mapper, end, output);
            }
            Run after = passThrough(cluster, PassThrough.Kind.AVRO, "Avro pass-through (after)", "sxs-bench-pass-after", start, end);
            Run bytesAfter = passThrough(cluster, PassThrough.Kind.BYTES, "bytes copy (after)", "sxs-bench-bytes-after", start, end);
            return new Report(before, bytesBefore, mapperRun, after, bytesAfter, output, mix.generated());
        }
    }

    /**
     * Maps every warm-up contact, then every warm-up invoice, then the warm-up records of the mix, answering each
     * command as the Xero sink would.
     */
    private void warmUp(Cluster cluster, AvroProducer producer, ChangeMix mix) {
        long started = System.nanoTime();
        try (WarmUpSink sink = new WarmUpSink(cluster.bootstrapServers(), partitions, producer, mix::written)) {
            for (List<ChangeRecord> batch : List.of(mix.warmUpContacts(), mix.warmUpInvoices())) {
                send(producer, batch);
                sink.answer(batch.size(), WARM_UP_TIMEOUT);
                cluster.awaitCommitted(Topics.MAPPER_APPLICATION_ID, cluster.endOffsets(MAPPER_INPUTS), WARM_UP_TIMEOUT);
            }
            if (warmUpRecords > 0) {
                send(producer, mix.warmUpMix(warmUpRecords));
                sink.answerUntilQuiet(() -> cluster.hasCommitted(Topics.MAPPER_APPLICATION_ID, cluster.endOffsets(MAPPER_INPUTS)),
                        WARM_UP_TIMEOUT);
            }
        }
        log.info("Warm-up: {} items mapped and {} records of the mix processed in {} s", connections * items, warmUpRecords,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private Run passThrough(Cluster cluster, PassThrough.Kind kind, String name, String applicationId,
                            Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        cluster.commit(applicationId, start);
        Map<TopicPartition, Long> outFrom = cluster.endOffsets(List.of(PassThrough.OUTPUT));
        TimedRun.Span span;
        try (KafkaStreams streams = PassThrough.create(kind, applicationId, TimedRun.clocked(streamsBase(cluster, applicationId)))) {
            span = TimedRun.span(streams, cluster, applicationId, end);
        }
        log.info("{}: {} records in {}", name, records, span);
        Map<TopicPartition, Long> outTo = settledEndOffsets(cluster, List.of(PassThrough.OUTPUT));
        long data = cluster.countRecords(outFrom, outTo);
        return new Run(name, records, span, data, Cluster.total(outFrom, outTo) - data);
    }

    /** Times the mapper over the measured records and counts what it wrote, per output topic. */
    private Run mapper(Cluster cluster, MapperStreams mapper, Map<TopicPartition, Long> end, Map<String, long[]> output) {
        Map<TopicPartition, Long> outFrom = cluster.endOffsets(MAPPER_OUTPUTS);
        Map<TopicPartition, Long> target = new HashMap<>(end);
        target.putAll(cluster.endOffsets(List.of(Topics.RESULTS)));
        TimedRun.Span span = TimedRun.span(mapper.streams(), cluster, Topics.MAPPER_APPLICATION_ID, target);
        log.info("Mapper: {} records in {}", records, span);
        Map<TopicPartition, Long> outTo = settledEndOffsets(cluster, MAPPER_OUTPUTS);
        long written = 0;
        long markers = 0;
        for (String topic : MAPPER_OUTPUTS) {
            Map<TopicPartition, Long> from = Cluster.only(outFrom, topic);
            Map<TopicPartition, Long> to = Cluster.only(outTo, topic);
            long data = cluster.countRecords(from, to);
            long topicMarkers = Cluster.total(from, to) - data;
            output.put(topic, new long[] {data, topicMarkers});
            written += data;
            markers += topicMarkers;
        }
        return new Run("mapper", records, span, written, markers);
    }

    /** End offsets once the last transaction's markers are written (they may trail the committed offsets a little). */
    private static Map<TopicPartition, Long> settledEndOffsets(Cluster cluster, List<String> topics) {
        Map<TopicPartition, Long> previous = cluster.endOffsets(topics);
        while (true) {
            Cluster.sleep(Duration.ofMillis(300));
            Map<TopicPartition, Long> now = cluster.endOffsets(topics);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
    }

    private static void send(AvroProducer producer, List<ChangeRecord> changes) {
        changes.forEach(change -> producer.send(Topics.changes(change.getSystem()), change.getConnectionId(), change));
        producer.flush();
    }

    private static Properties streamsBase(Cluster cluster, String name) {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, cluster.stateDir(name).toString());
        return props;
    }
}
