package io.sxs.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One malformed reply, made from a real one: the kind of damage and where (the {@code target}-th value of the JSON
 * tree, depth first, modulo its size), for fuzzing the clients' readers with what a broken or changed API might send:
 * missing fields, wrong types, absurd numbers, bad dates, unknown enum values, huge strings, nulls, and bodies that
 * are not JSON at all.
 */
public record ReplyCorruption(Kind kind, int target) {

    public enum Kind {
        REMOVE_FIELD, WRONG_TYPE, ABSURD_NUMBER, BAD_DATE, UNKNOWN_ENUM, HUGE_STRING, NULL_VALUE, EMPTY_OBJECT, BROKEN_JSON
    }

    private static final JsonNode[] ABSURD = {
        DecimalNode.valueOf(new BigDecimal("1E+400")), DecimalNode.valueOf(new BigDecimal("-99999999999999999999.999999")),
        DecimalNode.valueOf(new BigDecimal("0.0000000000000000000001")), IntNode.valueOf(Integer.MIN_VALUE),
        TextNode.valueOf("NaN"), TextNode.valueOf("-Infinity")};
    private static final String[] BAD_DATES = {"/Date(not-a-number)/", "2024-13-45T99:99:99", "/Date(99999999999999999999+0000)/",
        "", "0000-00-00", "yesterday", "2024-02-30"};

    /** The damaged reply body; a body that is not JSON is only broken further. */
    public byte[] apply(byte[] body) {
        if (kind == Kind.BROKEN_JSON) {
            return broken(body);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            return broken(body);
        }
        if (root == null || !root.isContainerNode()) {
            return broken(body);
        }
        List<Map.Entry<ContainerNode<?>, Object>> places = new ArrayList<>();
        collect((ContainerNode<?>) root, places);
        if (places.isEmpty()) {
            return broken(body);
        }
        Map.Entry<ContainerNode<?>, Object> place = places.get(Math.floorMod(target, places.size()));
        JsonNode old = get(place.getKey(), place.getValue());
        switch (kind) {
            case REMOVE_FIELD -> remove(place.getKey(), place.getValue());
            case WRONG_TYPE -> set(place.getKey(), place.getValue(), wrongType(old));
            case ABSURD_NUMBER -> set(place.getKey(), place.getValue(), ABSURD[Math.floorMod(target, ABSURD.length)]);
            case BAD_DATE -> set(place.getKey(), place.getValue(), TextNode.valueOf(BAD_DATES[Math.floorMod(target, BAD_DATES.length)]));
            case UNKNOWN_ENUM -> set(place.getKey(), place.getValue(), TextNode.valueOf("FROBNICATED"));
            case HUGE_STRING -> set(place.getKey(), place.getValue(), TextNode.valueOf("x".repeat(200_000)));
            case NULL_VALUE -> set(place.getKey(), place.getValue(), NullNode.getInstance());
            case EMPTY_OBJECT -> set(place.getKey(), place.getValue(), JsonNodeFactory.instance.objectNode());
            default -> throw new IllegalStateException(kind.name());
        }
        return Json.bytes(root);
    }

    private byte[] broken(byte[] body) {
        int cut = body.length == 0 ? 0 : Math.floorMod(target, body.length);
        String kept = new String(body, 0, cut, StandardCharsets.UTF_8);
        return (kept + (target % 2 == 0 ? "" : "}{\u0000<html>")).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode wrongType(JsonNode old) {
        if (old.isTextual()) {
            return IntNode.valueOf(12345);
        }
        if (old.isNumber() || old.isBoolean()) {
            return TextNode.valueOf("not-a-" + old.getNodeType().name().toLowerCase());
        }
        if (old.isObject()) {
            return JsonNodeFactory.instance.arrayNode().add(1);
        }
        return TextNode.valueOf("not-a-container");
    }

    /** Every value in the tree, as (its container, its field name or index), depth first. */
    private static void collect(ContainerNode<?> node, List<Map.Entry<ContainerNode<?>, Object>> out) {
        if (node instanceof ObjectNode o) {
            for (String name : iterable(o.fieldNames())) {
                out.add(Map.entry(o, name));
                if (o.get(name).isContainerNode()) {
                    collect((ContainerNode<?>) o.get(name), out);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(Map.entry(a, i));
                if (a.get(i).isContainerNode()) {
                    collect((ContainerNode<?>) a.get(i), out);
                }
            }
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        List<T> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }

    private static JsonNode get(ContainerNode<?> parent, Object at) {
        return parent instanceof ObjectNode o ? o.get((String) at) : ((ArrayNode) parent).get((Integer) at);
    }

    private static void set(ContainerNode<?> parent, Object at, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set((String) at, value);
        } else {
            ((ArrayNode) parent).set((Integer) at, value);
        }
    }

    private static void remove(ContainerNode<?> parent, Object at) {
        if (parent instanceof ObjectNode o) {
            o.remove((String) at);
        } else {
            ((ArrayNode) parent).remove((int) (Integer) at);
        }
    }
}
