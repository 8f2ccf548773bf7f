package io.sxs.bench.p4;

import io.sxs.bench.Table;
import io.sxs.bench.app.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * P4: many connections in one JVM: threads, heap (after a full GC) and API calls a minute, with 1, 100, 1,000 and
 * 10,000 connections (the first syncs the demo data; the others pair empty organisations and only poll). Figures come
 * from the app's actuator and the sandboxes' call totals. Time runs {@code --time-rate} times as fast in the sandboxes
 * and the pipeline's budgets, so the measured window spans whole safety-net cycles (30 min) of every connection;
 * calls are per minute of that time.
 */
@Command(name = "p4", mixinStandardHelpOptions = true, description = "Threads, heap and calls a minute at N connections.")
public final class Scale implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--app-jar", defaultValue = "app/target/scoro-xero-sync.jar")
    Path jar;

    @Option(names = "--sizes", split = ",", defaultValue = "1,100,1000,10000")
    List<Integer> sizes;

    @Option(names = "--measure-seconds", defaultValue = "60", description = "Real seconds measured (${DEFAULT-VALUE}).")
    int measureSeconds;

    @Option(names = "--time-rate", defaultValue = "30", description = "Sandbox time per real time (${DEFAULT-VALUE}).")
    double timeRate;

    @Override
    public Integer call() throws Exception {
        Table table = new Table("Connections", "Threads (pipeline)", "Threads (process)", "Heap used after GC (MB)",
                "Xero calls/min", "Scoro calls/min",
                "Xero 429s", "Scoro 429s", "All polled after (s, real)");
        for (int n : sizes) {
            measure(table, n);
        }
        spec.commandLine().getOut().println("P4: many connections in one JVM (sandboxes with the APIs' real limits, webhooks on; "
                + "calls per minute of sandbox time, measured over " + Math.round(measureSeconds * timeRate / 60) + " minutes of it)");
        spec.commandLine().getOut().println(table.render());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void measure(Table table, int connections) throws Exception {
        long started = System.nanoTime();
        try (AppProcess app = AppProcess.start(jar, Map.of("sxs.demo.connections", connections, "sxs.demo.contacts", 1,
                "sxs.demo.invoices", 1, "sxs.demo.time-rate", timeRate))) {
            app.awaitInitialSync(Duration.ofMinutes(10));
            // Every connection has polled both entities of both systems once.
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while ((totals(app, true) < 2L * connections || totals(app, false) < 2L * connections) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            double ready = (System.nanoTime() - started) / 1e9;
            Thread.sleep(5000);
            long xero0 = totals(app, true);
            long scoro0 = totals(app, false);
            Thread.sleep(Duration.ofSeconds(measureSeconds).toMillis());
            double minutes = measureSeconds * timeRate / 60.0; // sandbox minutes
            long xeroPerMin = Math.round((totals(app, true) - xero0) / minutes);
            long scoroPerMin = Math.round((totals(app, false) - scoro0) / minutes);
            new ProcessBuilder("jcmd", Long.toString(app.pid()), "GC.run").redirectErrorStream(true).start().waitFor();
            Thread.sleep(1000);
            double threads = app.metric("jvm.threads.live");
            long pipelineThreads = pipelineThreads(app.pid());
            double heap = app.metric("jvm.memory.used", "area:heap") / (1024 * 1024);
            table.row(Table.count(connections), pipelineThreads, Math.round(threads), Math.round(heap), Table.count(xeroPerMin),
                    Table.count(scoroPerMin), throttled(app, true), throttled(app, false), String.format("%.0f", ready));
        }
    }

    /**
     * The pipeline's own threads (workers, sinks, producers, consumers, mapper: their names carry "sxs"), as opposed
     * to the process's, which include the in-process broker and both sandboxes with their request pools.
     */
    private static long pipelineThreads(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return dump.lines().filter(l -> l.startsWith("\"") && l.substring(0, l.indexOf('"', 1) + 1).contains("sxs")).count();
    }

    private static long totals(AppProcess app, boolean xero) {
        return (xero ? app.xeroAdmin("GET", "/calls", null) : app.scoroAdmin("GET", "/calls", null)).path("calls").asLong();
    }

    private static long throttled(AppProcess app, boolean xero) {
        return (xero ? app.xeroAdmin("GET", "/calls", null) : app.scoroAdmin("GET", "/calls", null)).path("throttledCalls").asLong();
    }
}
