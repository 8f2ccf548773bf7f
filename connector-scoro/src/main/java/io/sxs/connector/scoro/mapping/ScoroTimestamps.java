package io.sxs.connector.scoro.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Scoro's date formats: documents give {@code YYYY-mm-dd HH:ii:ss} without offset (treated as UTC), contacts and
 * {@code deleted_date} ISO-8601 with offset; document dates are {@code YYYY-mm-dd}. Filters take the document format.
 */
public final class ScoroTimestamps {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ScoroTimestamps() {
    }

    /** Parses either format; null or blank gives null; anything else unreadable throws {@link ScoroMappingException}. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notIsoWithOffset) {
            try {
                return LocalDateTime.parse(t.replace('T', ' '), SQL).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ScoroMappingException(field + " '" + text + "' is not a Scoro timestamp");
            }
        }
    }

    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return null;
        }
        String t = text.strip();
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw new ScoroMappingException(field + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** The filter form of an instant: {@code YYYY-MM-DD HH:mm:ss} in UTC. */
    public static String filterValue(Instant instant) {
        return SQL.format(instant.atOffset(ZoneOffset.UTC));
    }
}
