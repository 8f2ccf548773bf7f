package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxResponse;

import java.util.List;
import java.util.UUID;

/** Xero's error bodies, shaped as in the API's documentation and OpenAPI Error schema. */
final class XeroErrors {

    private XeroErrors() {
    }

    static SandboxResponse unauthorized() {
        return problem(401, "Unauthorized", "AuthorizationUnsuccessful");
    }

    static SandboxResponse forbidden() {
        return problem(403, "Forbidden", "AuthenticationUnsuccessful");
    }

    static SandboxResponse notFound() {
        return problem(404, "NotFound", "The resource you're looking for cannot be found");
    }

    static SandboxResponse problem(int status, String title, String detail) {
        ObjectNode o = Json.object();
        o.put("Title", title);
        o.put("Status", status);
        o.put("Detail", detail);
        o.put("Instance", UUID.randomUUID().toString());
        return SandboxResponse.json(status, o);
    }

    static SandboxResponse validation(ArrayNode elements) {
        ObjectNode o = Json.object();
        o.put("ErrorNumber", 10);
        o.put("Type", "ValidationException");
        o.put("Message", "A validation exception occurred");
        o.set("Elements", elements);
        return SandboxResponse.json(400, o);
    }

    /** A 400 ValidationException about the request itself rather than one element of it. */
    static SandboxResponse validation(String message) {
        ArrayNode elements = Json.array();
        ObjectNode e = elements.addObject();
        e.set("ValidationErrors", messages(List.of(message)));
        return validation(elements);
    }

    static SandboxResponse noDataProcessed(String singular) {
        return error(400, 17, "NoDataProcessedException", "No data has been processed for this endpoint. "
                + "This endpoint is expecting " + singular + " data to be specifed in the request body.");
    }

    static SandboxResponse postDataInvalid(String detail) {
        return error(400, 14, "PostDataInvalidException", "Invalid Json data: " + detail);
    }

    static SandboxResponse queryParse(String detail) {
        return error(400, 16, "QueryParseException", detail);
    }

    static SandboxResponse error(int status, int number, String type, String message) {
        ObjectNode o = Json.object();
        o.put("ErrorNumber", number);
        o.put("Type", type);
        o.put("Message", message);
        return SandboxResponse.json(status, o);
    }

    static ArrayNode messages(List<String> messages) {
        ArrayNode a = Json.array();
        messages.forEach(m -> a.addObject().put("Message", m));
        return a;
    }
}
