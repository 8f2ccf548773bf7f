package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.FaultPlan;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.RequestHandler;
import io.sxs.sandbox.http.Router;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Xero Accounting API under /api.xro/2.0: authentication, injected faults, rate limits, call counting and
 * idempotent replays around every call, plus the envelope, paging and batch-write machinery the endpoint groups
 * ({@link XeroSettingsRoutes}, {@link XeroContactRoutes}, {@link XeroContactGroupRoutes}, {@link XeroDocumentRoutes},
 * {@link XeroBankingRoutes}) share.
 */
final class XeroApi {

    static final String BASE = "/api.xro/2.0";
    static final String PROVIDER = "Xero Sandbox";
    private static final ZoneId ORG_ZONE = ZoneId.of("Europe/London");
    static final Pattern GUID = Pattern.compile("(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final String STATE = "tenantState";

    final XeroSandbox sandbox;
    private final Router router = new Router();

    XeroApi(XeroSandbox sandbox) {
        this.sandbox = sandbox;
        new XeroSettingsRoutes(this);
        new XeroContactRoutes(this);
        new XeroContactGroupRoutes(this);
        new XeroDocumentRoutes(this);
        new XeroBankingRoutes(this);
    }

    void get(String template, RequestHandler h) {
        route("GET", template, h);
    }

    void route(String method, String template, RequestHandler h) {
        router.add(method, BASE, template, h);
    }

    boolean handles(SandboxRequest r) {
        String p = r.path();
        return p.regionMatches(true, 0, BASE, 0, BASE.length());
    }

    SandboxResponse handle(SandboxRequest r) throws Exception {
        Optional<Router.Match> match = router.match(r);
        if (match.isEmpty()) {
            return XeroErrors.notFound();
        }
        Set<String> reachable = sandbox.tokens.tenantsFor(bearer(r), sandbox.clock.instant());
        if (reachable == null) {
            sandbox.unauthorised.increment();
            return XeroErrors.unauthorized();
        }
        String tenantId = r.header("xero-tenant-id");
        if (tenantId == null) {
            tenantId = sandbox.tokens.customTenant(bearer(r));
        }
        XeroTenantState st = tenantId == null ? null : sandbox.tenants.get(tenantId.trim().toLowerCase(Locale.ROOT));
        if (st == null || !reachable.contains(st.tenantId)) {
            return XeroErrors.forbidden();
        }
        if (match.get().methodNotAllowed()) {
            return XeroErrors.error(405, 0, "MethodNotAllowed", "The method " + r.method() + " is not supported here");
        }
        SandboxResponse fault = injectedFault(st.faults);
        if (fault != null) {
            return fault;
        }
        Object decision = sandbox.limiter.acquire(st.tenantId, sandbox.tokens.clientFor(bearer(r)), now());
        if (decision instanceof SandboxResponse tooMany) {
            return tooMany;
        }
        try (XeroRateLimiter.Permit permit = (XeroRateLimiter.Permit) decision) {
            // A slow reply is slow while it holds its place among the tenant's concurrent calls, as in Xero.
            FaultPlan.sleep(st.faults.delay());
            boolean write = !"GET".equalsIgnoreCase(r.method());
            st.calls.record(r.routeName(), write);
            r.attribute(STATE, st);
            SandboxResponse resp;
            synchronized (st) {
                resp = write ? idempotent(r, st, match.get().handler()) : match.get().handler().handle(r);
            }
            if (write && st.faults.loseReply()) {
                return SandboxResponse.dropConnection();
            }
            return permit.headers(write ? resp : st.faults.afterRead(resp), now());
        }
    }

    /** Injected 5xx or 429 burst, decided before anything is processed. */
    private static SandboxResponse injectedFault(FaultPlan faults) {
        return switch (faults.before()) {
            case PROCEED -> null;
            case FAIL_500 -> XeroErrors.problem(500, "An error occurred", "An unexpected error occurred in the API");
            case FAIL_503 -> SandboxResponse.text(503, "The Xero API is temporarily unavailable. Please try again later.");
            case THROTTLE -> SandboxResponse.empty(429).header("X-Rate-Limit-Problem", "minute")
                    .header("Retry-After", String.valueOf(faults.throttleRetryAfterSeconds()));
        };
    }

    static String bearer(SandboxRequest r) {
        String h = r.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }

    /** Same Idempotency-Key (per tenant) → the stored first reply, without writing again. */
    private SandboxResponse idempotent(SandboxRequest r, XeroTenantState st, RequestHandler h) throws Exception {
        String key = r.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            return h.handle(r);
        }
        if (key.length() > 128) {
            return XeroErrors.validation("The Idempotency-Key header must not be longer than 128 characters.");
        }
        XeroTenantState.StoredReply stored = st.idempotentReplies.get(key);
        if (stored != null) {
            return SandboxResponse.raw(stored.status(), stored.body(), stored.contentType());
        }
        SandboxResponse resp = h.handle(r);
        if (resp.status() < 500 && !resp.isDropConnection()) {
            st.idempotentReplies.put(key, new XeroTenantState.StoredReply(resp.status(), resp.body(), resp.contentType()));
        }
        return resp;
    }

    Instant now() {
        return sandbox.clock.instant();
    }

    LocalDate today() {
        return now().atZone(ORG_ZONE).toLocalDate();
    }

    ObjectNode envelope(String plural, ArrayNode items, ObjectNode pagination) {
        ObjectNode o = Json.object();
        o.put("Id", UUID.randomUUID().toString());
        o.put("Status", "OK");
        o.put("ProviderName", PROVIDER);
        o.put("DateTimeUTC", XeroDates.msJsonNoOffset(now()));
        if (pagination != null) {
            o.set("pagination", pagination);
        }
        o.set(plural, items);
        return o;
    }

    SandboxResponse ok(String plural, List<ObjectNode> items, ObjectNode pagination) {
        ArrayNode a = Json.array();
        items.forEach(a::add);
        return SandboxResponse.json(200, envelope(plural, a, pagination));
    }

    /** where + order for the small, unpaged reference lists. */
    SandboxResponse filtered(SandboxRequest r, String plural, List<ObjectNode> items) {
        try {
            Predicate<ObjectNode> where = XeroQuery.where(r.query("where"));
            Comparator<ObjectNode> order = XeroQuery.order(r.query("order"));
            List<ObjectNode> out = items.stream().filter(where).collect(Collectors.toCollection(ArrayList::new));
            if (order != null) {
                out.sort(order);
            }
            return ok(plural, out, null);
        } catch (XeroQuery.QueryParseException e) {
            return XeroErrors.queryParse(e.getMessage());
        }
    }

    /** A write whose body may be the wrapped array form or one bare object (as the SDKs send for these endpoints). */
    SandboxResponse wrappedBatch(SandboxRequest r, String plural, String singular, String errorFlag, ElementWriter writer) {
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (Json.MalformedJsonException e) {
            return XeroErrors.postDataInvalid(String.valueOf(e.getMessage()));
        }
        if (body != null && body.isObject() && !body.has(plural) && body.size() > 0) {
            ObjectNode wrapped = Json.object();
            wrapped.putArray(plural).add(body);
            body = wrapped;
        }
        return batch(r, body, plural, singular, errorFlag, writer);
    }

    // ---- shared list and batch machinery --------------------------------------------------------------------

    /**
     * where, order, then paging (page given → pagination block). Without where/order only the requested page is
     * rendered, which keeps paged polling of large tenants cheap.
     */
    <T> SandboxResponse query(SandboxRequest r, String plural, List<T> matching, Function<T, ObjectNode> render) {
        String whereText = r.query("where");
        String orderText = r.query("order");
        Predicate<ObjectNode> where;
        Comparator<ObjectNode> order;
        try {
            where = XeroQuery.where(whereText);
            order = XeroQuery.order(orderText);
        } catch (XeroQuery.QueryParseException e) {
            return XeroErrors.queryParse(e.getMessage());
        }
        boolean plain = (whereText == null || whereText.isBlank()) && order == null;
        List<T> source = matching;
        List<ObjectNode> items = null;
        if (!plain) {
            items = matching.stream().map(render).filter(where).collect(Collectors.toCollection(ArrayList::new));
            if (order != null) {
                items.sort(order);
            }
        }
        if (r.query("page") == null) {
            return ok(plural, items != null ? items : source.stream().map(render).collect(Collectors.toList()), null);
        }
        int page = Math.max(1, parseInt(r.query("page"), 1));
        int pageSize = parseInt(r.query("pageSize"), 100);
        if (pageSize < 1) {
            pageSize = 100;
        }
        pageSize = Math.min(pageSize, 1000);
        int count = items != null ? items.size() : source.size();
        int from = Math.min(count, (page - 1) * pageSize);
        int to = Math.min(count, from + pageSize);
        ObjectNode pagination = Json.object();
        pagination.put("page", page);
        pagination.put("pageSize", pageSize);
        pagination.put("pageCount", (count + pageSize - 1) / pageSize);
        pagination.put("itemCount", count);
        List<ObjectNode> slice = items != null ? items.subList(from, to)
                : source.subList(from, to).stream().map(render).collect(Collectors.toList());
        return ok(plural, slice, pagination);
    }

    /** Writes one element; throws SandboxValidationException with the element's messages. */
    @FunctionalInterface
    interface ElementWriter {
        ObjectNode write(JsonNode element);
    }

    /**
     * Xero's batch semantics. Every element is tried in order (valid ones are saved even when others fail).
     * summarizeErrors (default true): any failure → 400 ValidationException listing only the failures, so the
     * IDs of the saved elements are not returned. summarizeErrors=false → 200 with every element and its status.
     */
    SandboxResponse batch(SandboxRequest r, String plural, String singular, String errorFlag, ElementWriter writer) {
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (Json.MalformedJsonException e) {
            return XeroErrors.postDataInvalid(String.valueOf(e.getMessage()));
        }
        return batch(r, body, plural, singular, errorFlag, writer);
    }

    SandboxResponse batch(SandboxRequest r, JsonNode body, String plural, String singular, String errorFlag,
                                  ElementWriter writer) {
        JsonNode elements = body != null && body.isObject() ? body.get(plural) : null;
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            return XeroErrors.noDataProcessed(singular);
        }
        boolean summarize = !"false".equalsIgnoreCase(r.query("summarizeErrors"));
        ArrayNode all = Json.array();
        ArrayNode failures = Json.array();
        for (JsonNode el : elements) {
            try {
                if (!el.isObject()) {
                    throw new SandboxValidationException("Each " + singular + " must be a JSON object.");
                }
                ObjectNode saved = writer.write(el);
                saved.put("StatusAttributeString", "OK");
                all.add(saved);
            } catch (SandboxValidationException | SandboxNotFoundException e) {
                ObjectNode failed = el.isObject() ? ((ObjectNode) el).deepCopy() : Json.object();
                failed.put(errorFlag, true);
                failed.put("StatusAttributeString", "ERROR");
                List<String> msgs = e instanceof SandboxValidationException v ? v.messages() : List.of(e.getMessage());
                failed.set("ValidationErrors", XeroErrors.messages(msgs));
                all.add(failed);
                failures.add(failed);
            } catch (NumberFormatException e) {
                ObjectNode failed = ((ObjectNode) el).deepCopy();
                failed.put(errorFlag, true);
                failed.put("StatusAttributeString", "ERROR");
                failed.set("ValidationErrors", XeroErrors.messages(List.of("A numeric field has an invalid value.")));
                all.add(failed);
                failures.add(failed);
            }
        }
        if (summarize && !failures.isEmpty()) {
            return XeroErrors.validation(failures);
        }
        return SandboxResponse.json(200, envelope(plural, all, null));
    }

    static int unitDp(SandboxRequest r) {
        return "4".equals(r.query("unitdp")) ? 4 : 2;
    }

    static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** A comma list, quotes stripped; lower-cased for ids and numbers. Null when the parameter is absent. */
    static Set<String> csv(String v, boolean lower) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return Arrays.stream(v.split(","))
                .map(s -> s.trim().replace("\"", ""))
                .filter(s -> !s.isEmpty())
                .map(s -> lower ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
