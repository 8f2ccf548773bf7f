package io.sxs.connector.xero.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class XeroDatesTest {

    @Test
    void msJsonWithAndWithoutOffset() {
        assertThat(XeroDates.parseTimestamp("/Date(1551139200000+0000)/")).isEqualTo(Instant.parse("2019-02-26T00:00:00Z"));
        assertThat(XeroDates.parseTimestamp("/Date(1551139200000)/")).isEqualTo(Instant.parse("2019-02-26T00:00:00Z"));
        // The ms are UTC; the offset only says where the organisation is.
        assertThat(XeroDates.parseTimestamp("/Date(1551139200000+1300)/")).isEqualTo(Instant.parse("2019-02-26T00:00:00Z"));
    }

    @Test
    void isoTimestamps() {
        assertThat(XeroDates.parseTimestamp("2019-03-05T18:59:06Z")).isEqualTo(Instant.parse("2019-03-05T18:59:06Z"));
        assertThat(XeroDates.parseTimestamp("2019-03-05T18:59:06")).isEqualTo(Instant.parse("2019-03-05T18:59:06Z"));
        assertThatThrownBy(() -> XeroDates.parseTimestamp("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dates() {
        assertThat(XeroDates.parseDate("2019-02-26T00:00:00")).isEqualTo(LocalDate.of(2019, 2, 26));
        assertThat(XeroDates.parseDate("2019-02-26")).isEqualTo(LocalDate.of(2019, 2, 26));
        assertThat(XeroDates.parseDate("/Date(1551139200000+0000)/")).isEqualTo(LocalDate.of(2019, 2, 26));
        assertThat(XeroDates.formatDate(LocalDate.of(2019, 2, 6))).isEqualTo("2019-02-06");
        assertThatThrownBy(() -> XeroDates.parseDate("26/02/2019")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ifModifiedSinceIsUtcToTheSecond() {
        assertThat(XeroDates.formatIfModifiedSince(Instant.parse("2020-02-06T12:17:43.902Z"))).isEqualTo("2020-02-06T12:17:43Z");
    }

    @Test
    void idempotencyKeysAreStableAndShort() {
        String a = IdempotencyKeys.derive("sxs:put:Invoices", java.util.List.of("k1", "k2"));
        assertThat(a).isEqualTo(IdempotencyKeys.derive("sxs:put:Invoices", java.util.List.of("k1", "k2")));
        assertThat(a).isNotEqualTo(IdempotencyKeys.derive("sxs:put:Invoices", java.util.List.of("k2", "k1")));
        assertThat(a.length()).isLessThanOrEqualTo(128);
    }
}
