package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.topic.TopicSpec;
import io.sxs.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's topic catalogue true: every topic of the code's catalogue is listed with its key and value. */
class ReadmeCatalogueTest {

    @Test
    void readmeListsEveryTopicWithItsKeyAndValue() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (TopicSpec spec : Topics.ALL) {
            assertThat(readme).contains("| `" + spec.name() + "` | " + (spec.compacted() ? "compact" : "delete") + " | "
                    + spec.key() + " | " + spec.value() + " |");
        }
    }
}
