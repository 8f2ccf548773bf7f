package io.sxs.connector.xero.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ApiException.Kind;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Turns a failed Xero reply (or a transport failure) into a typed {@link XeroApiException}. */
public final class XeroErrors {

    private XeroErrors() {
    }

    /** A non-2xx reply. {@code body} is the raw text (Xero's 503 may be plain text). */
    public static XeroApiException fromResponse(int status, String body, long retryAfterSeconds, String rateProblem) {
        JsonNode json = tryParse(body);
        List<String> messages = validationMessages(json);
        String detail = detail(json, body, messages);
        if (status == 401 || status == 403) {
            return new XeroApiException(Kind.UNAUTHORISED, status, "Xero refused the credentials (" + status + "): " + detail);
        }
        if (status == 404) {
            return new XeroApiException(Kind.NOT_FOUND, status, "Xero: not found" + (detail.isEmpty() ? "" : ": " + detail));
        }
        if (status == 429) {
            String what = rateProblem == null ? "rate" : rateProblem.toLowerCase(java.util.Locale.ROOT);
            return new XeroApiException(Kind.RATE_LIMITED, status, "Xero " + what + " limit reached, retry after "
                    + retryAfterSeconds + "s", retryAfterSeconds, null, List.of());
        }
        if (status == 408 || status >= 500) {
            return new XeroApiException(Kind.RETRYABLE, status, "Xero server error " + status + ": " + detail);
        }
        return new XeroApiException(Kind.REJECTED, status, detail.isEmpty() ? "Xero rejected the request (" + status + ")" : detail,
                0, null, messages.isEmpty() && !detail.isEmpty() ? List.of(detail) : messages);
    }

    public static XeroApiException fromTransport(IOException e) {
        String what = e instanceof HttpTimeoutException ? "timed out" : "failed: " + e.getClass().getSimpleName();
        return new XeroApiException(Kind.RETRYABLE, 0, "Xero call " + what, 0, e, List.of());
    }

    public static XeroApiException malformed(int status, String why, Throwable cause) {
        return new XeroApiException(Kind.MALFORMED, status, "Xero reply could not be understood: " + why, 0, cause, List.of());
    }

    /**
     * Every {@code ValidationErrors[].Message} of a Xero body: at the top, under {@code Elements[]}, or under an
     * element of a collection (the per-element form of {@code summarizeErrors=false}). De-duplicated, in order.
     */
    public static List<String> validationMessages(JsonNode node) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        collect(node, out, 0);
        return new ArrayList<>(out);
    }

    private static void collect(JsonNode node, LinkedHashSet<String> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            JsonNode errors = node.get("ValidationErrors");
            if (errors != null && errors.isArray()) {
                for (JsonNode e : errors) {
                    String m = e.path("Message").asText("");
                    if (!m.isBlank()) {
                        out.add(m);
                    }
                }
            }
            JsonNode elements = node.get("Elements");
            if (elements != null) {
                collect(elements, out, depth + 1);
            }
        }
    }

    private static String detail(JsonNode json, String raw, List<String> messages) {
        if (!messages.isEmpty()) {
            return String.join("; ", messages);
        }
        if (json != null) {
            for (String f : List.of("Message", "Detail", "Title")) {
                String v = json.path(f).asText("");
                if (!v.isBlank()) {
                    return v;
                }
            }
        }
        String text = raw == null ? "" : raw.strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static JsonNode tryParse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return XeroJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
