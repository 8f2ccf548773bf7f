package io.sxs.sandbox.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.xero.XeroTenant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes through the Xero sandbox's HTTP API for what {@code XeroSandbox} has no Java helper for (currencies, tracking
 * categories and options, items, prepayment and overpayment allocations). Anything but HTTP 200 fails loudly.
 */
final class XeroApiWriter {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI apiBase;
    private final XeroTenant tenant;

    XeroApiWriter(URI apiBase, XeroTenant tenant) {
        this.apiBase = apiBase;
        this.tenant = tenant;
    }

    JsonNode put(String pathAndQuery, Object body) {
        byte[] bytes = Json.bytes(Json.MAPPER.valueToTree(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tenant.accessToken())
                .header("xero-tenant-id", tenant.tenantId())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Xero sandbox call PUT " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during PUT " + pathAndQuery, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the generator's PUT " + pathAndQuery + " was rejected with HTTP "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8)
                    + " (request: " + new String(bytes, StandardCharsets.UTF_8) + ")");
        }
        return Json.parse(response.body());
    }
}
