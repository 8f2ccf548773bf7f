package io.sxs.connector.xero.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's date formats. Responses carry MS-JSON {@code /Date(1551139200000+0000)/} (epoch ms in UTC; the offset is
 * sometimes missing and never changes the instant) and {@code DateString}-style {@code 2019-02-26T00:00:00}; requests
 * send {@code YYYY-MM-DD}; If-Modified-Since is ISO-8601 UTC at second precision (Xero filters to the second).
 */
public final class XeroDates {

    private static final Pattern MS_JSON = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private XeroDates() {
    }

    /** An UpdatedDateUTC-style timestamp: MS-JSON, or ISO-8601 with or without offset (none means UTC). */
    public static Instant parseTimestamp(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        String v = text.trim();
        Matcher m = MS_JSON.matcher(v);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("unparseable timestamp '" + text + "'");
            }
        }
    }

    /** A date-only field: MS-JSON (midnight UTC of the date), {@code 2019-02-26T00:00:00} or {@code 2019-02-26}. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty date");
        }
        String v = text.trim();
        Matcher m = MS_JSON.matcher(v);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1))).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return v.length() <= 10 ? LocalDate.parse(v) : LocalDateTime.parse(v.substring(0, 19)).toLocalDate();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("unparseable date '" + text + "'");
        }
    }

    /** The request form of a date. */
    public static String formatDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The If-Modified-Since header value: ISO-8601 UTC, truncated down to the second so nothing at {@code since} is missed. */
    public static String formatIfModifiedSince(Instant since) {
        return DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS));
    }
}
