package io.sxs.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny path-template router ("/Invoices/{InvoiceID}"). Literal segments match case-insensitively
 * because the Xero API does; each route has a display name used for call counting.
 */
public final class Router {

    private record Route(String method, String prefix, String[] segments, String name, RequestHandler handler) { }

    /** The result of a match: the handler plus whether only the method was wrong. */
    public record Match(RequestHandler handler, boolean methodNotAllowed) { }

    private final List<Route> routes = new ArrayList<>();

    /**
     * @param prefix   fixed path prefix (not part of the route name), e.g. "/api.xro/2.0"
     * @param template path after the prefix, e.g. "/Invoices/{InvoiceID}"
     * @param name     the key for call counts, e.g. "GET /Invoices/{InvoiceID}"
     */
    public Router add(String method, String prefix, String template, String name, RequestHandler handler) {
        routes.add(new Route(method, prefix, split(template), name, handler));
        return this;
    }

    public Router add(String method, String prefix, String template, RequestHandler handler) {
        return add(method, prefix, template, method + " " + template, handler);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    public Optional<Match> match(SandboxRequest request) {
        boolean pathMatched = false;
        for (Route r : routes) {
            if (!request.path().regionMatches(true, 0, r.prefix, 0, r.prefix.length())) {
                continue;
            }
            String rest = request.path().substring(r.prefix.length());
            if (!rest.isEmpty() && !rest.startsWith("/")) {
                continue;
            }
            Map<String, String> params = matchSegments(r.segments, split(rest));
            if (params == null) {
                continue;
            }
            if (!r.method.equalsIgnoreCase(request.method())) {
                pathMatched = true;
                continue;
            }
            request.matched(r.name, params);
            return Optional.of(new Match(r.handler, false));
        }
        return pathMatched ? Optional.of(new Match(null, true)) : Optional.empty();
    }

    private static Map<String, String> matchSegments(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), actual[i]);
            } else if (!t.equalsIgnoreCase(actual[i])) {
                return null;
            }
        }
        return params;
    }
}
