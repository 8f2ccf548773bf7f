package io.sxs.connector.scoro.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Defensive readers for Scoro JSON: numbers may come quoted, booleans as 1/0 (or "1"/"0"/true), empty text as "",
 * and an unset reference as 0. Every failure names the field.
 */
public final class ScoroValues {

    private ScoroValues() {
    }

    /** Text, with "" and null both giving null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String t = v.asText();
        return t.isBlank() ? null : t.strip();
    }

    /** An id: a positive integer, given as number or string; null, "", 0 and "0" give null (unset reference). */
    public static String id(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String t = v.asText().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(t);
            if (n.signum() == 0) {
                return null;
            }
            return n.toBigIntegerExact().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ScoroMappingException(field + " '" + t + "' is not an integer id");
        }
    }

    /** A decimal given as number or quoted string; null/"" give null. */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode() || v.isBoolean()) {
            throw new ScoroMappingException(field + " is not a number: " + v);
        }
        try {
            return v.isNumber() ? v.decimalValue() : Decimals.parse(v.asText());
        } catch (NumberFormatException e) {
            throw new ScoroMappingException(field + " '" + v.asText() + "' is not a number");
        }
    }

    /** A decimal brought to a fixed scale; too many decimals is an error, not a rounding. */
    public static BigDecimal decimal(JsonNode node, String field, int scale) {
        BigDecimal value = decimal(node, field);
        try {
            return Decimals.exact(value, scale);
        } catch (ArithmeticException e) {
            throw new ScoroMappingException(field + " " + value.toPlainString() + " has more than " + scale + " decimals");
        }
    }

    /** Like {@link #decimal(JsonNode, String, int)} but the field must be present. */
    public static BigDecimal requiredDecimal(JsonNode node, String field, int scale) {
        BigDecimal value = decimal(node, field, scale);
        if (value == null) {
            throw new ScoroMappingException(field + " is missing");
        }
        return value;
    }

    /** A 1/0 flag (also "1"/"0", true/false); absent gives false. */
    public static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String t = v.asText().strip();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }

    /** The non-blank strings of an array field (absent or null gives an empty list). */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
                    out.add(e.asText().strip());
                }
            }
        }
        return out;
    }

    /** A canonical id as the integer Scoro expects in a request; {@code what} names it in the error. */
    public static java.math.BigInteger scoroId(String what, String id) {
        try {
            return new BigDecimal(id.strip()).toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ScoroMappingException(what + " '" + id + "' is not a Scoro id");
        }
    }
}
