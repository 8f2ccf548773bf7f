package io.sxs.connector.xero.sink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * "Would sending {@code desired} change {@code actual}?" Every field of the desired request must be present and equal
 * in the actual one (numbers by value, {@code ""} equal to absent); fields the request leaves out are not compared.
 * Arrays compare element by element, in order.
 */
final class JsonSubset {

    private JsonSubset() {
    }

    static boolean contains(JsonNode actual, JsonNode desired) {
        if (isEmpty(desired)) {
            return isEmpty(actual);
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (desired.isNumber() || actual.isNumber()) {
            try {
                return actual.decimalValue().compareTo(desired.decimalValue()) == 0
                        || new java.math.BigDecimal(actual.asText()).compareTo(new java.math.BigDecimal(desired.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (desired.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!contains(actual.get(f.getKey()), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!actual.isArray() || actual.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(actual.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return desired.asText().equals(actual.asText());
    }

    private static boolean isEmpty(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty());
    }
}
