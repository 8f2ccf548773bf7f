package io.sxs.bench;

import io.sxs.bench.p1.MapperThroughput;
import io.sxs.bench.p2.ApiCalls;
import io.sxs.bench.p3.Latency;
import io.sxs.bench.p4.Scale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench/target/sxs-bench.jar <measurement>}: one subcommand per measurement, each printing tables. */
@Command(name = "sxs-bench", mixinStandardHelpOptions = true, subcommands = {MapperThroughput.class, ApiCalls.class, Latency.class, Scale.class, CommandLine.HelpCommand.class},
        description = "Measurements of the pipeline: P1 on an in-process Kafka broker, P2-P4 on the runnable jar and its "
                + "sandboxes (build it first: mvn -B -q -DskipTests package).")
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
