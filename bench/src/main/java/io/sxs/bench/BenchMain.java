package io.sxs.bench;

import io.sxs.bench.p1.MapperThroughput;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench/target/sxs-bench.jar <measurement>}: one subcommand per measurement, each printing tables. */
@Command(name = "sxs-bench", mixinStandardHelpOptions = true, subcommands = {MapperThroughput.class, CommandLine.HelpCommand.class},
        description = "Measurements of the pipeline on an in-process Kafka broker.")
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
