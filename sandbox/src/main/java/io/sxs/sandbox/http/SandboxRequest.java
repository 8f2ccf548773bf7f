package io.sxs.sandbox.http;

import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request as the handlers see it: query names are case-insensitive, as on the Xero API. */
public final class SandboxRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Headers headers;
    private final byte[] body;
    private Map<String, String> pathParams = Map.of();
    private String routeName = "";
    private final Map<String, Object> attributes = new java.util.HashMap<>();

    public SandboxRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public byte[] body() {
        return body;
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public Map<String, List<String>> queryParams() {
        return Collections.unmodifiableMap(query);
    }

    public boolean queryFlag(String name) {
        String v = query(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The matched route, e.g. "GET /Invoices/{InvoiceID}": the key under which calls are counted. */
    public String routeName() {
        return routeName;
    }

    /** Per-request values set by the dispatcher (e.g. the resolved tenant) for the route handlers. */
    public void attribute(String name, Object value) {
        attributes.put(name, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T attribute(String name) {
        return (T) attributes.get(name);
    }

    void matched(String routeName, Map<String, String> params) {
        this.routeName = routeName;
        this.pathParams = params;
    }
}
