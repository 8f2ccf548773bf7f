package io.sxs.mapper.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.Fixtures;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import org.junit.jupiter.api.Test;

class InputValidatorTest {

    private final ChangeRecord valid = Fixtures.upsert("c1", SystemType.SCORO, EntityType.INVOICE, Fixtures.invoice("42", "7", "1"));

    @Test
    void acceptsAWellFormedChangeAndADeleteWithoutPayload() {
        assertThat(InputValidator.problem("c1", valid, SystemType.SCORO)).isNull();
        assertThat(InputValidator.problem("c1", Fixtures.delete("c1", SystemType.XERO, EntityType.INVOICE, "x"), SystemType.XERO)).isNull();
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(InputValidator.problem("c2", valid, SystemType.SCORO)).contains("does not match connectionId");
        assertThat(InputValidator.problem("c1", valid, SystemType.XERO)).contains("a SCORO change on the XERO change topic");
        assertThat(InputValidator.problem("c1", null, null)).contains("without a value");
        ChangeRecord otherId = ChangeRecord.newBuilder(valid).setSourceId("43").build();
        assertThat(InputValidator.problem("c1", otherId, null)).contains("payload id '42' differs from sourceId '43'");
        ChangeRecord noHash = ChangeRecord.newBuilder(valid).setContentHash("").build();
        assertThat(InputValidator.problem("c1", noHash, null)).contains("no contentHash");
        ChangeRecord bill = ChangeRecord.newBuilder(valid).setEntity(EntityType.BILL).build();
        assertThat(InputValidator.problem("c1", bill, null)).contains("entity BILL does not take a Invoice payload");
    }
}
