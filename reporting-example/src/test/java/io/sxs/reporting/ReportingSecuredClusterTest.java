package io.sxs.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * On a broker that requires SASL/PLAIN, the client settings given to the command reach the view consumer and the
 * schema store's own consumer alike (the view's writer schemas are read from sxs.schemas on the same cluster).
 */
class ReportingSecuredClusterTest {

    private static ViewTopicsOnBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void publishTheScenario() {
        kafka = ViewTopicsOnBroker.start("reporter", "s3cret");
        kafka.publish(ViewScenario.records());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void settingsGivenOneByOneReachEveryClient() {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.cluster().bootstrapServers(),
                "--as-of", "2026-03-31"));
        for (Map.Entry<String, Object> setting : kafka.cluster().clientProperties().entrySet()) {
            args.add("--kafka");
            args.add(setting.getKey() + "=" + setting.getValue());
        }
        assertThat(run(args)).contains("Total                 EUR       1000.00   100.50  333.33   0.00  99.99  1533.82");
    }

    @Test
    void settingsFromAPropertiesFileReachEveryClient() throws Exception {
        Path config = dir.resolve("client.properties");
        StringBuilder properties = new StringBuilder();
        kafka.cluster().clientProperties().forEach((name, value) ->
                properties.append(name).append('=').append(String.valueOf(value).replace("\\", "\\\\")).append('\n'));
        Files.writeString(config, properties);
        assertThat(run(List.of("--bootstrap-servers", kafka.cluster().bootstrapServers(), "--as-of", "2026-03-31",
                "--kafka-config", config.toString())))
                .contains("Total                 GBP         50.00  1234.56    0.01   0.00   0.00  1284.57");
    }

    private static String run(List<String> args) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ReportingCommand()).setOut(new PrintWriter(out)).execute(args.toArray(String[]::new));
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }
}
