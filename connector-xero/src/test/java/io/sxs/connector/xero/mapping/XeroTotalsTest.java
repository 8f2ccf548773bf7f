package io.sxs.connector.xero.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.LineAmountType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroTotalsTest {

    private static DocumentLine line(String qty, String unit, String discount, String rate, String amount) {
        return DocumentLine.newBuilder().setQuantity(new BigDecimal(qty).setScale(4)).setUnitAmount(new BigDecimal(unit).setScale(4))
                .setDiscountRate(discount == null ? null : new BigDecimal(discount)).setTaxRate(rate == null ? null : new BigDecimal(rate))
                .setLineAmount(new BigDecimal(amount)).build();
    }

    @Test
    void taxIsRoundedPerLineThenSummed() {
        List<DocumentLine> lines = List.of(line("1", "10.03", null, "20", "10.03"), line("1", "10.03", null, "20", "10.03"),
                line("1", "10.03", null, "20", "10.03"));
        XeroTotals.Totals t = XeroTotals.of(lines, LineAmountType.EXCLUSIVE);
        assertThat(t.subTotal()).isEqualByComparingTo("30.09");
        assertThat(t.totalTax()).as("3 x 2.01, not 20% of 30.09 = 6.02").isEqualByComparingTo("6.03");
        assertThat(t.total()).isEqualByComparingTo("36.12");
    }

    @Test
    void inclusiveLinesHoldTheirTaxAndNoTaxHasNone() {
        List<DocumentLine> lines = List.of(line("1", "120", null, "20", "120"));
        assertThat(XeroTotals.of(lines, LineAmountType.INCLUSIVE)).isEqualTo(new XeroTotals.Totals(
                new BigDecimal("100.00"), new BigDecimal("20.00"), new BigDecimal("120.00")));
        assertThat(XeroTotals.of(lines, LineAmountType.NO_TAX).total()).isEqualByComparingTo("120.00");
    }

    @Test
    void discountsApplyBeforeRounding() {
        assertThat(XeroTotals.lineAmount(line("3", "19.99", "12.5", "20", "52.47"))).isEqualByComparingTo("52.47");
    }

    @Test
    void matchingTotalsPassAndAnyDifferenceBlocksNamingIt() {
        List<DocumentLine> lines = List.of(line("1", "10.03", "14.5", "20", "8.58"), line("1", "33.33", "14.5", "20", "28.50"));
        assertThatCode(() -> XeroTotals.check("invoice A", lines, LineAmountType.EXCLUSIVE,
                new XeroTotals.Totals(new BigDecimal("37.08"), new BigDecimal("7.42"), new BigDecimal("44.50")), "Scoro"))
                .doesNotThrowAnyException();
        // Scoro rounds twice: the line (10.05 less 10% = 9.045 -> 9.05), then the document's 5% (8.5975 -> 8.60);
        // Xero rounds the folded 14.5% once (10.05 x 0.855 = 8.59275 -> 8.59).
        List<DocumentLine> off = List.of(line("1", "10.05", "14.5", "20", "8.60"));
        assertThatThrownBy(() -> XeroTotals.check("invoice B", off, LineAmountType.EXCLUSIVE,
                new XeroTotals.Totals(new BigDecimal("8.60"), new BigDecimal("1.72"), new BigDecimal("10.32")), "Scoro"))
                .isInstanceOf(XeroTotals.BlockedException.class)
                .hasMessageContaining("invoice B is not written")
                .hasMessageContaining("line 1 amount 8.59 in Xero, 8.60 in Scoro")
                .hasMessageContaining("subtotal 8.59 in Xero, 8.60 in Scoro (difference -0.01)")
                .hasMessageContaining("total 10.31 in Xero, 10.32 in Scoro (difference -0.01)")
                .message().doesNotContain("tax 1.72");
    }
}
