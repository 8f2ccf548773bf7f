package io.sxs.connector.scoro.support;

import io.sxs.connector.scoro.reference.ReferenceData;
import java.util.List;

/** The reference lists the Scoro sandbox seeds, as plain JSON, for mapping tests without HTTP. */
public final class TestRefs {

    private TestRefs() {
    }

    public static ReferenceData sandboxLike() {
        var accounts = Json.of("[{'id':1,'account_symbol':'200'},{'id':2,'account_symbol':'260'},{'id':'3','account_symbol':'400'}]");
        var vat = Json.of("[{'vat_code_id':1,'vat_code':'OUTPUT2','percent':'20.00'},{'vat_code_id':2,'vat_code':'RROUTPUT','percent':5},"
                + "{'vat_code_id':4,'vat_code':'NONE','percent':0}]");
        return ReferenceData.of(List.copyOf(iter(accounts)), List.copyOf(iter(vat)), java.time.Instant.EPOCH);
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> iter(com.fasterxml.jackson.databind.JsonNode array) {
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
