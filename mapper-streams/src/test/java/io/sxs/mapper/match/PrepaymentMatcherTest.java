package io.sxs.mapper.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.entity.CreditStatus;
import io.sxs.schemas.entity.Prepayment;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrepaymentMatcherTest {

    private static Prepayment p(String id, String number, String contact, String currency, String total) {
        return Prepayment.newBuilder().setId(id).setReference(number).setContactRef(contact).setCurrency(currency)
                .setTotal(total == null ? null : new BigDecimal(total)).setStatus(CreditStatus.AUTHORISED).build();
    }

    private static final List<Prepayment> SCORO = List.of(p("1", "PP-1", "7", "GBP", "120.00"),
            p("2", "PP-2", "7", "GBP", "120.00"), p("3", "PP-3", "8", "EUR", "50.00"));

    @Test
    void theNumberDecidesFirstWhateverTheAmounts() {
        PrepaymentMatcher.Match m = PrepaymentMatcher.match(p("x", " pp-3 ", "9", "GBP", "1.00"), "7", SCORO);
        assertThat(m.kind()).isEqualTo(ContactMatcher.Match.Kind.ONE);
        assertThat(m.by()).isEqualTo("number");
        assertThat(m.candidates()).extracting(Prepayment::getId).containsExactly("3");
    }

    @Test
    void withoutANumberTheClientCurrencyAndTotalDecideAndTwoAreAmbiguous() {
        PrepaymentMatcher.Match eur = PrepaymentMatcher.match(p("x", "wire 42", null, "eur", "50.00"), "8", SCORO);
        assertThat(eur.kind()).isEqualTo(ContactMatcher.Match.Kind.ONE);
        assertThat(eur.by()).isEqualTo("client, currency and total");
        PrepaymentMatcher.Match gbp = PrepaymentMatcher.match(p("x", null, null, "GBP", "120.0"), "7", SCORO);
        assertThat(gbp.kind()).isEqualTo(ContactMatcher.Match.Kind.SEVERAL);
        assertThat(gbp.candidates()).extracting(Prepayment::getId).containsExactly("1", "2");
    }

    @Test
    void anotherClientCurrencyOrTotalOrAnUnsyncedClientMatchesNothing() {
        assertThat(PrepaymentMatcher.match(p("x", null, null, "GBP", "120.00"), "8", SCORO).kind())
                .isEqualTo(ContactMatcher.Match.Kind.NONE);
        assertThat(PrepaymentMatcher.match(p("x", null, null, "USD", "50.00"), "8", SCORO).kind())
                .isEqualTo(ContactMatcher.Match.Kind.NONE);
        assertThat(PrepaymentMatcher.match(p("x", null, null, "GBP", "120.00"), null, SCORO).kind())
                .as("the client is not synced: no rule can apply").isEqualTo(ContactMatcher.Match.Kind.NONE);
    }
}
