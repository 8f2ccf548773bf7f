package io.sxs.sandbox.scoro;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Scoro's mixed timestamp formats: documents use "YYYY-mm-dd HH:ii:ss" (no offset; the sandbox uses UTC),
 * contacts and every deleted_date use ISO-8601 with an offset, document dates "YYYY-mm-dd".
 */
final class ScoroDates {

    private static final DateTimeFormatter DOCUMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private ScoroDates() {
    }

    static String document(Instant t) {
        return t == null ? null : DOCUMENT.format(t.atOffset(ZoneOffset.UTC));
    }

    static String iso(Instant t) {
        return t == null ? null : ISO_OFFSET.format(t.atOffset(ZoneOffset.UTC));
    }

    static LocalDate date(String s) {
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date in the format YYYY-MM-DD");
        }
    }

    /**
     * A modified_date filter bound: "YYYY-MM-DD" (the whole day) or "YYYY-MM-DD HH:mm:ss" (also with 'T' and
     * an optional offset; no offset means UTC). Bounds are inclusive, at one-second precision.
     */
    static Instant bound(String s, boolean upper) {
        String v = s.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return upper ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String t = v.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date filter value '" + s + "'; use YYYY-MM-DD or YYYY-MM-DD HH:mm:ss");
        }
    }
}
