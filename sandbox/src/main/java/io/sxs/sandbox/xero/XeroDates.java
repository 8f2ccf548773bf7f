package io.sxs.sandbox.xero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Xero's date formats: MS-JSON "/Date(ms+0000)/" in responses, "YYYY-MM-DD" (or MS-JSON) in requests. */
public final class XeroDates {

    private static final Pattern MS_JSON = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
    private static final DateTimeFormatter DATE_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private XeroDates() {
    }

    /** "/Date(1551139200000+0000)/" */
    public static String msJson(Instant t) {
        return "/Date(" + t.toEpochMilli() + "+0000)/";
    }

    public static String msJson(LocalDate d) {
        return msJson(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The envelope's DateTimeUTC carries no offset, as in Xero's own examples. */
    public static String msJsonNoOffset(Instant t) {
        return "/Date(" + t.toEpochMilli() + ")/";
    }

    /** "2019-02-26T00:00:00" */
    public static String dateString(LocalDate d) {
        return d.atStartOfDay().format(DATE_STRING);
    }

    /** "2019-03-05T18:59:06Z" (UpdatedDateUTCString, second precision). */
    public static String isoUtc(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses a request date: "YYYY-MM-DD", "YYYY-MM-DDTHH:mm:ss" or MS-JSON. Throws IllegalArgumentException. */
    public static LocalDate parseDate(String s) {
        String v = s.trim();
        Matcher m = MS_JSON.matcher(v);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1))).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v);
            }
            return LocalDateTime.parse(v.length() > 19 ? v.substring(0, 19) : v).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date " + s);
        }
    }

    /**
     * Parses an If-Modified-Since value: ISO-8601 with or without offset (none means UTC), a bare date, or
     * RFC 1123. The result is truncated to the second, because Xero's filter works at one-second precision.
     * Returns null when the value cannot be read (the header is then ignored, as HTTP prescribes).
     */
    public static Instant parseIfModifiedSince(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim();
        Instant t = null;
        try {
            t = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            try {
                t = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored2) {
                try {
                    t = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException ignored3) {
                    try {
                        t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    } catch (DateTimeParseException ignored4) {
                        return null;
                    }
                }
            }
        }
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
