package io.sxs.reporting;

import io.sxs.schemas.topic.KafkaCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar sxs-reporting.jar --bootstrap-servers host:port}: reads the merged view topics to their current
 * end into a DuckDB database, prints the reports, and with {@code --follow} keeps the database up to date until
 * stopped. The reports go to standard output, progress and problems to standard error.
 */
@Command(name = "sxs-reporting", mixinStandardHelpOptions = true, sortOptions = false,
        version = "sxs-reporting 0.1.0 (scoro-xero-sync reporting example)",
        description = "Mirrors the merged view topics (sxs.view.*) into a DuckDB database and prints the reports.")
public final class ReportingCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ReportingCommand.class);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, e.g. localhost:19092")
    private String bootstrapServers;

    @Option(names = "--db", description = "DuckDB database file, kept between runs (default: in memory, read afresh)")
    private Path database;

    @Option(names = "--as-of", description = "Date the receivables are aged at, YYYY-MM-DD (default: today)")
    private LocalDate asOf;

    @Option(names = "--csv", description = "Print the reports as CSV instead of aligned tables")
    boolean csv;

    @Option(names = "--follow", description = "After the reports, keep the database up to date until stopped")
    private boolean follow;

    @Option(names = "--rebuild", description = "Empty the database first and read the topics from the beginning "
            + "(needed when it was not updated for longer than the topics' delete.retention.ms)")
    private boolean rebuild;

    @Option(names = "--group-id", defaultValue = ViewConsumer.DEFAULT_GROUP_ID,
            description = "Consumer group the offsets are committed under, to watch the lag (default: ${DEFAULT-VALUE})")
    private String groupId;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE",
            description = "A Kafka client setting (repeatable), e.g. security.protocol=SASL_SSL")
    private Map<String, String> kafkaSettings;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client settings from a properties file")
    private Path kafkaConfig;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReportingCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        KafkaCluster cluster = ClientSettings.cluster(bootstrapServers, kafkaConfig, kafkaSettings);
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch closed = new CountDownLatch(1);
        try (ReportingDatabase db = database == null ? ReportingDatabase.inMemory() : ReportingDatabase.open(database);
             ViewConsumer consumer = new ViewConsumer(cluster, groupId, db)) {
            if (rebuild) {
                db.clear();
            }
            consumer.catchUp();
            for (Report<?> report : new Reports(db.connection()).all(date)) {
                out.println(csv ? report.toCsv() : report.toText());
            }
            out.flush();
            if (follow) {
                stopOnShutdown(consumer, closed);
                log.info("Following the view topics; stop with Ctrl-C");
                consumer.follow();
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /**
     * On Ctrl-C, stops the consumer and holds the JVM until the last batch has committed and the database file is
     * closed, so the next run resumes from a clean file.
     */
    private static void stopOnShutdown(ViewConsumer consumer, CountDownLatch closed) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.stop();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sxs-reporting-stop"));
    }
}
