package io.sxs.schemas.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void bringsValuesToTheirScaleWithoutLosingDigits() {
        assertThat(Decimals.money(new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.50"));
        assertThat(Decimals.quantity(new BigDecimal("1.23450"))).isEqualTo(new BigDecimal("1.2345"));
        assertThatThrownBy(() -> Decimals.money(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void parsesQuotedNumbersAsScoroSometimesSendsThem() {
        assertThat(Decimals.parse("0")).isEqualTo(BigDecimal.ZERO);
        assertThat(Decimals.parse(" 10.20 ")).isEqualTo(new BigDecimal("10.20"));
        assertThat(Decimals.parse("")).isNull();
        assertThat(Decimals.roundMoney(new BigDecimal("2.345"))).isEqualTo(new BigDecimal("2.35"));
    }
}
