package io.sxs.connector.xero.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroDates;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Typed reads of Xero JSON fields that fail with a {@link MappingException} naming the field, never with a runtime
 * exception. Empty strings read as null: Xero returns {@code ""} for cleared fields, and the hash must not care.
 */
public final class XeroFields {

    private XeroFields() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    public static String requiredText(JsonNode node, String field) throws MappingException {
        String s = text(node, field);
        if (s == null || s.isBlank()) {
            throw new MappingException("missing " + field);
        }
        return s;
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    /** A decimal brought exactly to {@code scale}; null when absent. */
    public static BigDecimal decimal(JsonNode node, String field, int scale) throws MappingException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        BigDecimal raw;
        if (v.isNumber()) {
            raw = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                raw = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new MappingException(field + " is not a number: '" + v.asText() + "'");
            }
        } else {
            throw new MappingException(field + " is not a number: " + v);
        }
        try {
            return Decimals.exact(raw, scale);
        } catch (ArithmeticException e) {
            throw new MappingException(field + " " + raw.toPlainString() + " has more than " + scale + " decimals");
        }
    }

    public static BigDecimal money(JsonNode node, String field) throws MappingException {
        return decimal(node, field, Decimals.MONEY_SCALE);
    }

    /** A decimal that the canonical model requires; absent reads as zero (e.g. a description-only line). */
    public static BigDecimal decimalOrZero(JsonNode node, String field, int scale) throws MappingException {
        BigDecimal v = decimal(node, field, scale);
        return v == null ? BigDecimal.ZERO.setScale(scale) : v;
    }

    /** A timestamp such as UpdatedDateUTC (MS-JSON or ISO); null when absent. */
    public static Instant timestamp(JsonNode node, String field) throws MappingException {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return XeroDates.parseTimestamp(s);
        } catch (IllegalArgumentException e) {
            throw new MappingException(field + ": " + e.getMessage());
        }
    }

    /** A date-only field, preferring its {@code …String} twin (the organisation's local date as Xero shows it). */
    public static LocalDate date(JsonNode node, String field) throws MappingException {
        String s = text(node, field + "String");
        String used = field + "String";
        if (s == null) {
            s = text(node, field);
            used = field;
        }
        if (s == null) {
            return null;
        }
        try {
            return XeroDates.parseDate(s);
        } catch (IllegalArgumentException e) {
            throw new MappingException(used + ": " + e.getMessage());
        }
    }

    /** Xero sometimes sends the empty GUID for "none". */
    public static String guid(JsonNode node, String field) {
        String s = text(node, field);
        return s == null || s.equals("00000000-0000-0000-0000-000000000000") ? null : s;
    }
}
