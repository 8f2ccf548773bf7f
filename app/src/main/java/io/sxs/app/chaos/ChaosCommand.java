package io.sxs.app.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar scoro-xero-sync.jar chaos}: the chaos run from the built jars (it starts the sandboxes' jar, a
 * broker and the pipelines as processes of their own). Exit code 0 when everything converged, 1 when not.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Proof run: sandboxes, a broker and pipelines as separate processes, documents both ways under "
                + "injected API faults, pipelines killed (SIGKILL) and restarted, then the convergence checker for every "
                + "connection. Starts everything itself on free ports; needs no running app.")
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--documents", defaultValue = "10000", description = "Invoices in all (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--connections", defaultValue = "6", description = "Connections, half TO_XERO, half TO_SCORO (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--kills", defaultValue = "5", description = "SIGKILLs of a pipeline process (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--pipelines", defaultValue = "2", description = "Pipeline processes (default ${DEFAULT-VALUE}).")
    int pipelines;

    @Option(names = "--kill-gap", defaultValue = "20", description = "Seconds: each kill comes after a random wait of one to two times this (default ${DEFAULT-VALUE}).")
    int killGapSeconds;

    @Option(names = "--timeout", defaultValue = "60", description = "Minutes the documents may take to arrive after the last kill (default ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--seed", defaultValue = "11", description = "Seed of the kill moments, victims and faults (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", description = "Folder for the processes' data and logs (default: a new temporary folder).")
    Path dir;

    @Option(names = "--sandbox-jar", description = "The sandboxes' jar (default: sandbox-exec.jar next to this jar, or the build's).")
    Path sandboxJar;

    @Override
    public Integer call() throws Exception {
        Path runDir = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("sxs-chaos-");
        ChaosRun.Options options = new ChaosRun.Options(documents, connections, kills, pipelines,
                Duration.ofSeconds(killGapSeconds), Duration.ofMinutes(timeoutMinutes), seed, runDir);
        ChaosReport report = new ChaosRun(options, sandboxJar, System.out).run();
        report.print(System.out);
        return report.clean() ? 0 : 1;
    }
}
