package io.sxs.connector.scoro.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ApiException.Kind;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one HTTP reply into Scoro's {@code data} or a typed {@link ScoroApiException}. Scoro may report an error with
 * HTTP 200 and {@code status:"ERROR"}, so both the HTTP code and the envelope are checked; a bad site may answer HTML.
 */
public final class ScoroResponses {

    private ScoroResponses() {
    }

    /** The {@code data} of a successful envelope (a missing data gives a JSON null node). */
    public static JsonNode data(int http, HttpHeaders headers, String body, Instant now) throws ScoroApiException {
        if (http == 429) {
            long wait = ScoroQuotaHeaders.retryAfterSeconds(headers, now);
            throw new ScoroApiException(Kind.RATE_LIMITED, http, "Scoro throttled the call (HTTP 429), retry in " + wait + " s",
                    messagesOrEmpty(body), wait, null);
        }
        if (http >= 500 || http == 408) {
            throw new ScoroApiException(Kind.RETRYABLE, http, "Scoro answered HTTP " + http, messagesOrEmpty(body));
        }
        JsonNode envelope = envelope(http, body);
        List<String> messages = messages(envelope.path("messages"));
        messages.addAll(messages(envelope.path("errors")));
        if (http == 401 || http == 403) {
            throw new ScoroApiException(Kind.UNAUTHORISED, http, "Scoro refused the credentials (HTTP " + http + ")" + suffix(messages), messages);
        }
        if (http == 404) {
            throw new ScoroApiException(Kind.NOT_FOUND, http, "Not found in Scoro" + suffix(messages), messages);
        }
        String status = envelope.path("status").asText("");
        if ("ERROR".equalsIgnoreCase(status) || http >= 400) {
            throw envelopeError(http, envelope, messages, headers, now);
        }
        if (!"OK".equalsIgnoreCase(status)) {
            throw new ScoroApiException(Kind.MALFORMED, http, "Scoro reply has no status OK/ERROR: " + abbreviate(body), List.of());
        }
        return envelope.path("data");
    }

    private static JsonNode envelope(int http, String body) throws ScoroApiException {
        String trimmed = body == null ? "" : body.strip();
        JsonNode node = null;
        if (trimmed.startsWith("{")) {
            try {
                node = ScoroJson.parse(trimmed);
            } catch (IOException e) {
                node = null;
            }
        }
        if (node != null && node.isObject()) {
            return node;
        }
        // An unreadable body still tells something through the HTTP code.
        if (http == 401 || http == 403) {
            throw new ScoroApiException(Kind.UNAUTHORISED, http, "Scoro refused the credentials (HTTP " + http + ")", List.of());
        }
        if (http == 404) {
            throw new ScoroApiException(Kind.NOT_FOUND, http, "Not found in Scoro (HTTP 404)", List.of());
        }
        String what = trimmed.startsWith("<") ? "HTML instead of JSON (wrong site URL?)" : "an unreadable body";
        throw new ScoroApiException(Kind.MALFORMED, http, "Scoro answered HTTP " + http + " with " + what + ": " + abbreviate(trimmed), List.of());
    }

    /** An error envelope: the body's statusCode (int or string) and messages decide the kind. */
    private static ScoroApiException envelopeError(int http, JsonNode envelope, List<String> messages, HttpHeaders headers, Instant now) {
        int code = envelope.path("statusCode").asInt(http);
        String text = String.join("; ", messages);
        String lower = text.toLowerCase(Locale.ROOT);
        String message = "Scoro error " + code + suffix(messages);
        if (code == 401 || code == 403) {
            return new ScoroApiException(Kind.UNAUTHORISED, code, message, messages);
        }
        if (code == 429 || lower.contains("too many requests")) {
            long wait = ScoroQuotaHeaders.retryAfterSeconds(headers, now);
            return new ScoroApiException(Kind.RATE_LIMITED, code, message, messages, wait, null);
        }
        if (code >= 500 || code == 408) {
            return new ScoroApiException(Kind.RETRYABLE, code, message, messages);
        }
        // A 400/422 naming a missing reference ("contact 9 does not exist") is a validation error, not a missing target.
        boolean validation = code == 400 || code == 422;
        if (code == 404 || (!validation && (lower.contains("not found") || lower.contains("does not exist")))) {
            return new ScoroApiException(Kind.NOT_FOUND, code, message, messages);
        }
        return new ScoroApiException(Kind.REJECTED, code, message, messages);
    }

    /** Flattens Scoro's messages: a string, a list, {@code {error:[..]}}, or field-keyed {@code {field: msg}}. */
    static List<String> messages(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(null, node, out);
        return out;
    }

    private static void collect(String key, JsonNode node, List<String> out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(key, n, out));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                boolean generic = e.getKey().equals("error") || e.getKey().equals("errors") || e.getKey().equals("message")
                        || e.getKey().matches("\\d+");
                collect(generic ? key : (key == null ? e.getKey() : key + "." + e.getKey()), e.getValue(), out);
            }
        } else {
            String text = node.asText().strip();
            if (!text.isEmpty()) {
                out.add(key == null ? text : key + ": " + text);
            }
        }
    }

    private static List<String> messagesOrEmpty(String body) {
        try {
            String trimmed = body == null ? "" : body.strip();
            if (trimmed.startsWith("{")) {
                return messages(ScoroJson.parse(trimmed).path("messages"));
            }
        } catch (IOException e) {
            // unreadable: no messages
        }
        return List.of();
    }

    private static String suffix(List<String> messages) {
        return messages.isEmpty() ? "" : ": " + String.join("; ", messages);
    }

    static String abbreviate(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
