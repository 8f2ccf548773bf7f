package io.sxs.app.support;

import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.kafka.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real in-process KRaft broker on free ports in a temporary folder, for one test class. */
public final class TestBroker {

    private TestBroker() {
    }

    public static EmbeddedKafkaBroker start() {
        try {
            Path dir = Files.createTempDirectory("sxs-kafka-");
            return new EmbeddedKafkaBroker(FreePorts.next(), FreePorts.next(), dir).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
