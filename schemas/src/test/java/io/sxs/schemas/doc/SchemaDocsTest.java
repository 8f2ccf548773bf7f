package io.sxs.schemas.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.topic.TopicSpec;
import io.sxs.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/schemas.md is what the schemas say now (regenerate with -Dsxs.writeSchemaDocs=true). */
class SchemaDocsTest {

    private static final Path PAGE = Path.of("../docs/schemas.md");

    @Test
    void thePageIsCurrentAndCoversEveryTopicAndFieldDoc() throws Exception {
        String generated = SchemaDocs.markdown();
        if (Boolean.getBoolean("sxs.writeSchemaDocs")) {
            Files.writeString(PAGE, generated);
        }
        for (TopicSpec t : Topics.ALL) {
            assertThat(generated).contains("| `" + t.name() + "` |");
        }
        assertThat(generated).contains("### ChangeRecord", "### Invoice", "decimal(18,2)", "| <a id=\"documentstatus\"></a>");
        assertThat(Files.readString(PAGE)).as("docs/schemas.md is stale: run SchemaDocsTest with -Dsxs.writeSchemaDocs=true")
                .isEqualTo(generated);
    }
}
