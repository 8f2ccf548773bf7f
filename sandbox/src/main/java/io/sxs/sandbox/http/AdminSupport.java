package io.sxs.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxClock;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Shared plumbing of the two admin APIs under /sandbox-admin/: plain JSON in and out, validation failures
 * as 400 {"errors":[...]}, unknown records as 404 {"error":"..."}. Not part of either real API.
 */
public final class AdminSupport {

    public static final String PREFIX = "/sandbox-admin";

    private AdminSupport() {
    }

    public static SandboxResponse run(Callable<Object> action) {
        try {
            Object result = action.call();
            if (result instanceof SandboxResponse r) {
                return r;
            }
            JsonNode node = result instanceof JsonNode n ? n : Json.MAPPER.valueToTree(result);
            return SandboxResponse.json(200, node);
        } catch (SandboxValidationException e) {
            ObjectNode o = Json.object();
            e.messages().forEach(o.putArray("errors")::add);
            return SandboxResponse.json(400, o);
        } catch (SandboxNotFoundException e) {
            ObjectNode o = Json.object();
            o.put("error", e.getMessage());
            return SandboxResponse.json(404, o);
        } catch (Json.MalformedJsonException | IllegalArgumentException e) {
            ObjectNode o = Json.object();
            o.putArray("errors").add(String.valueOf(e.getMessage()));
            return SandboxResponse.json(400, o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode body(SandboxRequest r) {
        JsonNode n = Json.parse(r.body());
        if (n == null) {
            return Json.object();
        }
        if (!n.isObject()) {
            throw new SandboxValidationException("the request body must be a JSON object");
        }
        return (ObjectNode) n;
    }

    /**
     * GET shows the sandbox time; POST {"pin": iso} | {"advanceSeconds": n} | {"release": true} | {"rate": r}
     * | {"reset": true}.
     */
    public static void clockRoutes(Router router, SandboxClock clock) {
        router.add("GET", PREFIX, "/clock", r -> run(() -> clockState(clock)));
        router.add("POST", PREFIX, "/clock", r -> run(() -> {
            ObjectNode b = body(r);
            if (b.hasNonNull("pin")) {
                clock.pin(Instant.parse(b.get("pin").asText()));
            }
            if (b.hasNonNull("advanceSeconds")) {
                clock.advance(Duration.ofMillis(b.get("advanceSeconds").decimalValue().movePointRight(3).longValue()));
            }
            if (b.path("release").asBoolean(false)) {
                clock.release();
            }
            if (b.hasNonNull("rate")) {
                clock.runAt(b.get("rate").asDouble());
            }
            if (b.path("reset").asBoolean(false)) {
                clock.reset();
            }
            return clockState(clock);
        }));
    }

    /** Call totals over every tenant or company: {"<unitsName>": n, "calls": n, "throttledCalls": n}. */
    public static ObjectNode callTotals(String unitsName, java.util.List<String> ids,
                                        java.util.function.Function<String, java.util.Map<String, Long>> callCounts,
                                        java.util.function.ToLongFunction<String> throttled) {
        ObjectNode o = Json.object();
        long calls = 0;
        long refused = 0;
        for (String id : ids) {
            calls += callCounts.apply(id).values().stream().mapToLong(Long::longValue).sum();
            refused += throttled.applyAsLong(id);
        }
        o.put(unitsName, ids.size());
        o.put("calls", calls);
        o.put("throttledCalls", refused);
        return o;
    }

    private static ObjectNode clockState(SandboxClock clock) {
        ObjectNode o = Json.object();
        o.put("now", clock.instant().toString());
        o.put("pinned", clock.isPinned());
        o.put("rate", clock.rate());
        return o;
    }

    /** Routes an admin request: 404 for an unknown admin path, 405 for a known path with another verb. */
    public static SandboxResponse dispatch(Router router, SandboxRequest r) throws Exception {
        var m = router.match(r);
        if (m.isEmpty()) {
            return SandboxResponse.json(404, Json.object().put("error", "unknown admin path " + r.path()));
        }
        if (m.get().methodNotAllowed()) {
            return SandboxResponse.json(405, Json.object().put("error", "method not allowed"));
        }
        return m.get().handler().handle(r);
    }
}
