package io.sxs.connector.scoro.sink;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a Scoro object already holds everything a modify request would write: every field of the request must be
 * present with an equal value (a number in the request is compared numerically, so {@code "1"}, {@code 1} and {@code 1.00} agree; an
 * empty request value matches a missing or empty one; arrays must match element by element). Fields only the object
 * has (ids, timestamps, computed sums) are ignored. Used to skip a needless update of an item found by lookup.
 */
final class JsonSubset {

    private JsonSubset() {
    }

    static boolean matches(JsonNode request, JsonNode actual) {
        if (isEmpty(request)) {
            return isEmpty(actual);
        }
        if (request.isObject()) {
            if (actual == null || !actual.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = request.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!matches(f.getValue(), actual.get(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (request.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != request.size()) {
                return false;
            }
            for (int i = 0; i < request.size(); i++) {
                if (!matches(request.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (actual == null || actual.isNull() || actual.isContainerNode()) {
            return false;
        }
        if (request.isNumber() || request.isBoolean()) {
            BigDecimal b = number(actual);
            return b != null && number(request).compareTo(b) == 0;
        }
        return request.asText().strip().equals(actual.asText().strip());
    }

    private static boolean isEmpty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isValueNode() && n.asText().isBlank())
                || (n.isArray() && n.isEmpty());
    }

    private static BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(n.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
