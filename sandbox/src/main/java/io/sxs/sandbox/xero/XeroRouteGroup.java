package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.RequestHandler;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Base of the endpoint groups: registers routes on the API and lends them its envelope, list and batch helpers. */
abstract class XeroRouteGroup {

    static final String STATE = XeroApi.STATE;
    static final Pattern GUID = XeroApi.GUID;

    final XeroApi api;
    final XeroSandbox sandbox;

    XeroRouteGroup(XeroApi api) {
        this.api = api;
        this.sandbox = api.sandbox;
    }

    void get(String template, RequestHandler h) {
        api.get(template, h);
    }

    void route(String method, String template, RequestHandler h) {
        api.route(method, template, h);
    }

    Instant now() {
        return api.now();
    }

    LocalDate today() {
        return api.today();
    }

    SandboxResponse ok(String plural, List<ObjectNode> items, ObjectNode pagination) {
        return api.ok(plural, items, pagination);
    }

    SandboxResponse filtered(SandboxRequest r, String plural, List<ObjectNode> items) {
        return api.filtered(r, plural, items);
    }

    <T> SandboxResponse query(SandboxRequest r, String plural, List<T> matching, Function<T, ObjectNode> render) {
        return api.query(r, plural, matching, render);
    }

    SandboxResponse batch(SandboxRequest r, String plural, String singular, String errorFlag, XeroApi.ElementWriter writer) {
        return api.batch(r, plural, singular, errorFlag, writer);
    }

    SandboxResponse batch(SandboxRequest r, JsonNode body, String plural, String singular, String errorFlag,
                          XeroApi.ElementWriter writer) {
        return api.batch(r, body, plural, singular, errorFlag, writer);
    }

    SandboxResponse wrappedBatch(SandboxRequest r, String plural, String singular, String errorFlag,
                                 XeroApi.ElementWriter writer) {
        return api.wrappedBatch(r, plural, singular, errorFlag, writer);
    }

    static int unitDp(SandboxRequest r) {
        return XeroApi.unitDp(r);
    }

    static Set<String> csv(String v, boolean lower) {
        return XeroApi.csv(v, lower);
    }

    static String bearer(SandboxRequest r) {
        return XeroApi.bearer(r);
    }
}
