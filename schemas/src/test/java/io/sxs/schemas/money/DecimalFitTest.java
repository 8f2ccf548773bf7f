package io.sxs.schemas.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.entity.Invoice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalFitTest {

    private static DocumentLine line(String quantity) {
        return DocumentLine.newBuilder().setDescription("Work").setQuantity(new BigDecimal(quantity))
                .setUnitAmount(new BigDecimal("10.0000")).setLineAmount(new BigDecimal("10.00")).build();
    }

    @Test
    void decimalsThatFitTheirSchemaPass() {
        assertThat(DecimalFit.problem(line("1.5000"))).isNull();
        assertThat(DecimalFit.problem(null)).isNull();
    }

    @Test
    void tooManyDigitsOrAnotherScaleIsNamedByItsPath() {
        assertThat(DecimalFit.problem(line("1E+400"))).startsWith("quantity 1E+400 does not fit decimal(18,4)");
        assertThat(DecimalFit.problem(line("1.5"))).isEqualTo("quantity 1.5 does not fit decimal(18,4)");
    }
}
