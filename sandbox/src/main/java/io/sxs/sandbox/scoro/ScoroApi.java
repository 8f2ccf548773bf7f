package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.FaultPlan;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Scoro API v2: POST /api/v2/&lt;module&gt;/&lt;action&gt;[/&lt;id&gt;] with a JSON envelope. Authentication failures use
 * real HTTP codes; validation errors and unknown ids come back as HTTP 200 with status "ERROR" (statusCode 400 / 404
 * inside the envelope), so a client that only checks the HTTP code is caught out, as on the real API.
 */
final class ScoroApi {

    static final String BASE = "/api/v2/";
    static final Duration DELETED_VISIBLE_FOR = Duration.ofDays(30);
    private static final Set<String> WRITE_ACTIONS = Set.of("modify", "delete");
    private static final Set<String> DATE_FILTERS = Set.of("modified_date", "created_date", "deleted_date");

    /** Modules with flat records; financeObjects writes are not confirmed for the real API but the sync needs them. */
    static final Map<String, ScoroRecordModule> RECORD_MODULES = Map.of(
            "products", ScoroRecordModule.products(),
            "financeObjects", ScoroRecordModule.financeObjects(),
            "receiptAccounts", ScoroRecordModule.receiptAccounts());

    private final ScoroSandbox sandbox;

    ScoroApi(ScoroSandbox sandbox) {
        this.sandbox = sandbox;
    }

    boolean handles(SandboxRequest r) {
        return r.path().startsWith(BASE);
    }

    static ObjectNode ok(JsonNode data) {
        ObjectNode o = Json.object();
        o.put("status", "OK");
        o.put("statusCode", 200);
        o.putNull("messages");
        o.set("data", data);
        return o;
    }

    static SandboxResponse error(int httpStatus, int statusCode, List<String> messages) {
        ObjectNode o = Json.object();
        o.put("status", "ERROR");
        o.put("statusCode", statusCode);
        ArrayNode errs = o.putObject("messages").putArray("error");
        messages.forEach(errs::add);
        return SandboxResponse.json(httpStatus, o);
    }

    SandboxResponse handle(SandboxRequest r) {
        String[] parts = r.path().substring(BASE.length()).split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return error(404, 404, List.of("Unknown API path " + r.path()));
        }
        if (!"POST".equalsIgnoreCase(r.method())) {
            return error(405, 405, List.of("Use POST for every Scoro API call"));
        }
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (Json.MalformedJsonException e) {
            return error(400, 400, List.of("Request body is not valid JSON"));
        }
        if (body == null || !body.isObject()) {
            return error(400, 400, List.of("Request body must be a JSON object"));
        }
        String apiKey = Json.str(body, "apiKey");
        ScoroCompanyState byKey = apiKey == null ? null : sandbox.companyByKey(apiKey);
        if (byKey == null) {
            return error(401, 401, List.of("Unauthorized: missing or invalid apiKey"));
        }
        String companyAccountId = Json.str(body, "company_account_id");
        if (companyAccountId == null || !companyAccountId.equals(byKey.companyAccountId)) {
            return error(403, 403, List.of("Forbidden: company_account_id is missing or not accessible with this apiKey"));
        }
        ScoroCompanyState st = byKey;
        String module = parts[0];
        String action = parts[1];
        Long id = null;
        if (parts.length == 3) {
            try {
                id = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                return error(200, 400, List.of("The id in the URL must be an integer"));
            }
        }
        Handler h = handler(module, action);
        if (h == null) {
            return error(404, 404, List.of("Unknown module or action: " + module + "/" + action));
        }
        FaultPlan.sleep(st.faults.delay());
        switch (st.faults.before()) {
            case FAIL_500 -> {
                return error(500, 500, List.of("Internal server error"));
            }
            case FAIL_503 -> {
                return error(503, 503, List.of("API use is temporarily suspended"));
            }
            case THROTTLE -> {
                return error(429, 429, List.of("Too many requests"))
                        .header("x-ratelimit-remaining", "0")
                        .header("x-ratelimit-reset", String.valueOf(st.faults.throttleRetryAfterSeconds()));
            }
            default -> { }
        }
        SandboxResponse tooMany = sandbox.quotas.acquire(st.companyAccountId, sandbox.clock.instant(), sandbox.clock.runningInstant());
        if (tooMany != null) {
            return tooMany;
        }
        boolean write = WRITE_ACTIONS.contains(action);
        st.calls.record(module + "/" + action, write);
        SandboxResponse resp = run(st, h, (ObjectNode) body, id);
        if (write && st.faults.loseReply()) {
            return SandboxResponse.dropConnection();
        }
        return sandbox.quotas.headers(write ? resp : st.faults.afterRead(resp), st.companyAccountId, sandbox.clock.instant(), sandbox.clock.runningInstant());
    }

    private SandboxResponse run(ScoroCompanyState st, Handler h, ObjectNode body, Long id) {
        synchronized (st) {
            try {
                return SandboxResponse.json(200, ok(h.handle(st, body, id)));
            } catch (SandboxValidationException e) {
                return error(200, 400, e.messages());
            } catch (SandboxNotFoundException e) {
                return error(200, 404, List.of(e.getMessage()));
            } catch (IllegalArgumentException e) {
                return error(200, 400, List.of(String.valueOf(e.getMessage())));
            }
        }
    }

    @FunctionalInterface
    private interface Handler {
        JsonNode handle(ScoroCompanyState st, ObjectNode body, Long id);
    }

    private Handler handler(String module, String action) {
        ScoroDocKind kind = ScoroDocKind.ofModule(module);
        if (kind != null) {
            return documentHandler(kind, action);
        }
        return switch (module + "/" + action) {
            case "contacts/list" -> (st, b, id) -> list(b, st.contacts.values().stream()
                    .filter(c -> visible(b, c.deleted())).toList(), ScoroContactService::render);
            case "contacts/view" -> (st, b, id) -> {
                ScoroContact c = st.contacts.get(requireId(id));
                if (c == null || c.isDeleted() && !includeDeleted(b)) {
                    throw new SandboxNotFoundException("Contact " + id + " not found");
                }
                return ScoroContactService.render(c);
            };
            case "contacts/modify" -> (st, b, id) -> {
                ScoroContact cur = id == null || id == 0 ? null : ScoroContactService.live(st, id);
                return ScoroContactService.render(ScoroContactService.write(st, cur, request(b), now()));
            };
            case "contacts/delete" -> (st, b, id) -> {
                ScoroContactService.delete(st, requireId(id), now());
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            case "vatCodes/list" -> (st, b, id) -> list(b, List.copyOf(st.vatCodes.values()), ScoroVatCode::toJson);
            case "vatCodes/view" -> (st, b, id) -> vatCode(st, requireId(id)).toJson();
            case "vatCodes/modify" -> (st, b, id) -> ScoroChartService.writeVatCode(st,
                    id == null || id == 0 ? null : vatCode(st, id), request(b), now()).toJson();
            case "vatCodes/delete" -> (st, b, id) -> {
                ScoroChartService.deleteVatCode(st, requireId(id));
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            case "financeAccounts/list" -> (st, b, id) ->
                    list(b, List.copyOf(st.financeAccounts.values()), ScoroFinanceAccount::toJson);
            case "financeAccounts/view" -> (st, b, id) -> financeAccount(st, requireId(id)).toJson();
            case "financeAccounts/modify" -> (st, b, id) -> ScoroChartService.writeAccount(st,
                    id == null || id == 0 ? null : financeAccount(st, id), request(b), now()).toJson();
            case "financeAccounts/delete" -> (st, b, id) -> {
                ScoroChartService.deleteAccount(st, requireId(id));
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            case "receipts/list" -> (st, b, id) -> list(b, st.receipts.values().stream()
                    .filter(g -> visible(b, g.deleted())).toList(), ScoroReceiptService::render);
            case "receipts/modify" -> (st, b, id) -> {
                ScoroReceiptGroup cur = id == null || id == 0 ? null : ScoroReceiptService.live(st, id);
                return ScoroReceiptService.render(ScoroReceiptService.write(st, cur, request(b), now(), sandbox.today()));
            };
            case "receipts/delete" -> (st, b, id) -> {
                ScoroReceiptService.delete(st, requireId(id), now());
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            case "companyAccount/list" -> (st, b, id) -> companyAccount(st);
            case "webhooks/subscribe" -> (st, b, id) -> sandbox.webhooks.subscribe(st.companyAccountId, request(b)).toJson();
            case "webhooks/unsubscribe" -> (st, b, id) -> {
                sandbox.webhooks.unsubscribe(st.companyAccountId, requireId(id));
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            case "webhooks/list" -> (st, b, id) -> list(b, sandbox.webhooks.list(st.companyAccountId),
                    ScoroWebhooks.Subscription::toJson);
            default -> recordHandler(module, action);
        };
    }

    /** invoices and bills: list without lines, view/modify with lines, soft delete. */
    private Handler documentHandler(ScoroDocKind kind, String action) {
        return switch (action) {
            case "list" -> (st, b, id) -> list(b, kind.docs(st).values().stream()
                    .filter(i -> visible(b, i.deleted())).toList(), i -> ScoroInvoiceService.render(st, kind, i, false));
            case "view" -> (st, b, id) -> {
                ScoroInvoice i = kind.docs(st).get(requireId(id));
                if (i == null || i.isDeleted() && !includeDeleted(b)) {
                    throw new SandboxNotFoundException(kind.label + " " + id + " not found");
                }
                return ScoroInvoiceService.render(st, kind, i, true);
            };
            case "modify" -> (st, b, id) -> {
                ScoroInvoice cur = id == null || id == 0 ? null : ScoroInvoiceService.live(st, kind, id);
                return ScoroInvoiceService.render(st, kind,
                        ScoroInvoiceService.write(st, kind, cur, request(b), now(), sandbox.today()), true);
            };
            case "delete" -> (st, b, id) -> {
                ScoroInvoiceService.delete(st, kind, requireId(id), now());
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            default -> null;
        };
    }

    private Handler recordHandler(String module, String action) {
        ScoroRecordModule m = RECORD_MODULES.get(module);
        if (m == null) {
            return null;
        }
        return switch (action) {
            case "list" -> (st, b, id) -> list(b, st.records(module).values().stream()
                    .filter(r -> visible(b, r.deleted())).toList(), m::render);
            case "view" -> (st, b, id) -> {
                ScoroRecord r = st.records(module).get(requireId(id));
                if (r == null || r.isDeleted() && !includeDeleted(b)) {
                    throw new SandboxNotFoundException(module + " record " + id + " not found");
                }
                return m.render(r);
            };
            case "modify" -> (st, b, id) -> {
                ScoroRecord cur = id == null || id == 0 ? null : m.live(st, id);
                return m.render(m.write(st, cur, request(b), now()));
            };
            case "delete" -> (st, b, id) -> {
                m.delete(st, requireId(id), now());
                return Json.MAPPER.getNodeFactory().booleanNode(true);
            };
            default -> null;
        };
    }

    /** The entity's settings: base currency, active currencies, language and the site's entities. */
    private JsonNode companyAccount(ScoroCompanyState st) {
        ObjectNode o = Json.object();
        o.put("company_account_id", st.companyAccountId);
        o.put("name", st.name);
        o.put("base_currency", st.baseCurrency);
        ArrayNode currencies = o.putArray("active_currencies");
        st.activeCurrencies.forEach(currencies::add);
        o.put("language", "eng");
        o.putArray("active_entities").addObject().put("entity_id", st.companyAccountId).put("entity_name", st.name);
        return o;
    }

    private static ScoroVatCode vatCode(ScoroCompanyState st, long id) {
        ScoroVatCode v = st.vatCodes.get(id);
        if (v == null) {
            throw new SandboxNotFoundException("VAT code " + id + " not found");
        }
        return v;
    }

    private static ScoroFinanceAccount financeAccount(ScoroCompanyState st, long id) {
        ScoroFinanceAccount a = st.financeAccounts.get(id);
        if (a == null) {
            throw new SandboxNotFoundException("Finance account " + id + " not found");
        }
        return a;
    }

    private Instant now() {
        return sandbox.now();
    }

    private static long requireId(Long id) {
        if (id == null) {
            throw new IllegalArgumentException("This action needs an id in the URL");
        }
        return id;
    }

    /** The modify payload; Scoro clients send [] for "nothing". */
    private static ObjectNode request(ObjectNode body) {
        JsonNode r = body.get("request");
        if (r == null || r.isNull() || r.isArray() && r.isEmpty()) {
            return Json.object();
        }
        if (!r.isObject()) {
            throw new SandboxValidationException("request must be an object");
        }
        return (ObjectNode) r;
    }

    /** A list option, read from the top level or from inside "request" (clients do both). */
    private static JsonNode option(ObjectNode body, String name) {
        if (body.has(name)) {
            return body.get(name);
        }
        JsonNode r = body.get("request");
        return r != null && r.isObject() ? r.get(name) : null;
    }

    private static boolean includeDeleted(ObjectNode body) {
        JsonNode v = option(body, "include_deleted");
        return v != null && (v.asBoolean(false) || "1".equals(v.asText()) || v.asInt(0) == 1);
    }

    /** Deleted records: only with include_deleted, and only for 30 days after the delete. */
    private boolean visible(ObjectNode body, Instant deleted) {
        if (deleted == null) {
            return true;
        }
        return includeDeleted(body) && deleted.plus(DELETED_VISIBLE_FOR).isAfter(now());
    }

    /**
     * filter, then id order (already the map order), then page/per_page (default 50, at most 100). Without a filter
     * only the requested page is rendered.
     */
    private static <T> JsonNode list(ObjectNode body, List<T> rows, Function<T, ObjectNode> render) {
        JsonNode filterSpec = option(body, "filter");
        Predicate<ObjectNode> filter = filter(filterSpec);
        boolean plain = filterSpec == null || filterSpec.isNull() || filterSpec.isEmpty();
        List<?> matched = rows;
        if (!plain) {
            List<ObjectNode> kept = new ArrayList<>();
            for (T row : rows) {
                ObjectNode rendered = render.apply(row);
                if (filter.test(rendered)) {
                    kept.add(rendered);
                }
            }
            matched = kept;
        }
        int perPage = intOption(body, "per_page", 50);
        perPage = perPage < 1 ? 50 : Math.min(perPage, 100);
        int page = Math.max(1, intOption(body, "page", 1));
        ArrayNode out = Json.array();
        int from = (page - 1) * perPage;
        for (int i = from; i < Math.min(matched.size(), from + perPage); i++) {
            Object row = matched.get(i);
            @SuppressWarnings("unchecked")
            ObjectNode node = plain ? render.apply((T) row) : (ObjectNode) row;
            out.add(node);
        }
        return out;
    }

    private static int intOption(ObjectNode body, String name, int dflt) {
        JsonNode v = option(body, name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isNumber()) {
            return v.asInt();
        }
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }

    /**
     * Field-keyed filter: date ranges {"modified_date":{"from_date":..,"to_date":..}} (inclusive; date or
     * date-time), exact values otherwise, with % wildcards in text. Unknown fields match nothing.
     */
    private static Predicate<ObjectNode> filter(JsonNode filter) {
        if (filter == null || filter.isNull() || filter.isArray() && filter.isEmpty()) {
            return o -> true;
        }
        if (!filter.isObject()) {
            throw new IllegalArgumentException("filter must be an object");
        }
        List<Predicate<ObjectNode>> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = filter.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (DATE_FILTERS.contains(field) && v.isObject()) {
                String fromText = Json.str(v, "from_date") != null ? Json.str(v, "from_date") : Json.str(v, "from");
                String toText = Json.str(v, "to_date") != null ? Json.str(v, "to_date") : Json.str(v, "to");
                Instant from = fromText == null || fromText.isBlank() ? null : ScoroDates.bound(fromText, false);
                Instant to = toText == null || toText.isBlank() ? null : ScoroDates.bound(toText, true);
                parts.add(o -> {
                    String s = Json.str(o, field);
                    if (s == null) {
                        return false;
                    }
                    Instant t = ScoroDates.bound(s, false);
                    return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
                });
            } else if (v.isArray()) {
                List<String> allowed = new ArrayList<>();
                v.forEach(x -> allowed.add(x.asText()));
                parts.add(o -> o.hasNonNull(field) && allowed.contains(o.get(field).asText()));
            } else {
                String want = v.asText();
                if (want.contains("%")) {
                    Pattern p = Pattern.compile(("\\Q" + want + "\\E").replace("%", "\\E.*\\Q"),
                            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
                    parts.add(o -> o.hasNonNull(field) && p.matcher(o.get(field).asText()).matches());
                } else {
                    parts.add(o -> o.hasNonNull(field) && o.get(field).asText().equalsIgnoreCase(want));
                }
            }
        }
        return o -> parts.stream().allMatch(p -> p.test(o));
    }
}
