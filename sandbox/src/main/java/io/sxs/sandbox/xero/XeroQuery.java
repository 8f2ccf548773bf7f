package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Xero's `where` and `order` query language the sandbox understands: terms of the form
 * {@code Field == value} or {@code Field != value} joined by {@code &&} / {@code AND}, where value is a
 * "string", Guid("…"), true/false, null or a number, and fields may be dotted ({@code Contact.ContactID}).
 * Anything else is rejected with a QueryParseException, so a client never silently gets an unfiltered list.
 */
final class XeroQuery {

    private static final Pattern TERM = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*(==|!=)\\s*(.+?)\\s*$");
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    /** Thrown for a where/order expression outside the supported subset. */
    static final class QueryParseException extends RuntimeException {
        QueryParseException(String message) {
            super(message);
        }
    }

    private XeroQuery() {
    }

    static Predicate<ObjectNode> where(String expr) {
        if (expr == null || expr.isBlank()) {
            return o -> true;
        }
        if (Pattern.compile("\\|\\||\\sOR\\s", Pattern.CASE_INSENSITIVE).matcher(expr).find()) {
            throw new QueryParseException("OR conditions are not supported by the sandbox; use IDs, Statuses or ContactIDs");
        }
        List<Predicate<ObjectNode>> terms = new ArrayList<>();
        for (String raw : expr.split("&&|(?i)\\sAND\\s")) {
            Matcher m = TERM.matcher(raw);
            if (!m.matches()) {
                throw new QueryParseException("Unsupported where clause: " + raw.trim());
            }
            String field = m.group(1);
            boolean negate = m.group(2).equals("!=");
            Predicate<JsonNode> eq = equality(m.group(3));
            terms.add(o -> eq.test(path(o, field)) != negate);
        }
        return o -> terms.stream().allMatch(t -> t.test(o));
    }

    private static Predicate<JsonNode> equality(String literal) {
        String v = literal.trim();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            String s = v.substring(1, v.length() - 1);
            return n -> n != null && !n.isNull() && n.asText().equalsIgnoreCase(s);
        }
        Matcher guid = Pattern.compile("(?i)^Guid\\(\\s*\"?([0-9a-fA-F-]{36})\"?\\s*\\)$").matcher(v);
        if (guid.matches()) {
            String g = guid.group(1);
            return n -> n != null && n.asText().equalsIgnoreCase(g);
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            boolean b = Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
            return n -> n != null && n.isBoolean() && n.booleanValue() == b;
        }
        if (v.equalsIgnoreCase("null")) {
            return n -> n == null || n.isNull();
        }
        try {
            BigDecimal d = new BigDecimal(v);
            return n -> n != null && n.isNumber() && n.decimalValue().compareTo(d) == 0;
        } catch (NumberFormatException e) {
            throw new QueryParseException("Unsupported value in where clause: " + v);
        }
    }

    static JsonNode path(JsonNode o, String dotted) {
        JsonNode cur = o;
        for (String part : dotted.split("\\.")) {
            if (cur == null) {
                return null;
            }
            cur = field(cur, part);
        }
        return cur;
    }

    /** Field names are matched case-insensitively, as Xero does. */
    private static JsonNode field(JsonNode o, String name) {
        JsonNode exact = o.get(name);
        if (exact != null) {
            return exact;
        }
        var it = o.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return o.get(f);
            }
        }
        return null;
    }

    /** "UpdatedDateUTC ASC, Name DESC"; null or blank keeps the default (creation) order. */
    static Comparator<ObjectNode> order(String expr) {
        if (expr == null || expr.isBlank()) {
            return null;
        }
        Comparator<ObjectNode> result = null;
        for (String part : expr.split(",")) {
            String[] bits = part.trim().split("\\s+");
            if (bits.length == 0 || bits.length > 2 || bits[0].isEmpty()) {
                throw new QueryParseException("Unsupported order clause: " + part.trim());
            }
            boolean desc = bits.length == 2 && bits[1].equalsIgnoreCase("DESC");
            if (bits.length == 2 && !desc && !bits[1].equalsIgnoreCase("ASC")) {
                throw new QueryParseException("Unsupported order clause: " + part.trim());
            }
            String field = bits[0];
            Comparator<ObjectNode> c = (a, b) -> compare(path(a, field), path(b, field));
            if (desc) {
                c = c.reversed();
            }
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    private static int compare(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull();
        boolean bn = b == null || b.isNull();
        if (an || bn) {
            return an == bn ? 0 : an ? -1 : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        Matcher ma = MS_DATE.matcher(a.asText());
        Matcher mb = MS_DATE.matcher(b.asText());
        if (ma.matches() && mb.matches()) {
            return Long.compare(Long.parseLong(ma.group(1)), Long.parseLong(mb.group(1)));
        }
        return a.asText().compareToIgnoreCase(b.asText());
    }
}
