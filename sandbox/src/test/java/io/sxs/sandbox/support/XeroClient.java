package io.sxs.sandbox.support;

import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal Xero API caller for contract tests: bearer token + tenant header on every call. */
public final class XeroClient {

    private final XeroSandbox sandbox;
    private final XeroTenant tenant;

    public XeroClient(XeroSandbox sandbox, XeroTenant tenant) {
        this.sandbox = sandbox;
        this.tenant = tenant;
    }

    public XeroTenant tenant() {
        return tenant;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(sandbox.apiBase() + pathAndQuery);
    }

    private Map<String, String> headers(String... extra) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + tenant.accessToken());
        h.put("xero-tenant-id", tenant.tenantId());
        h.put("Accept", "application/json");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            h.put(extra[i], extra[i + 1]);
        }
        return h;
    }

    public HttpJson.Reply get(String path, String... headers) {
        return HttpJson.send("GET", uri(path), null, headers(headers));
    }

    public HttpJson.Reply put(String path, Object body, String... headers) {
        return HttpJson.send("PUT", uri(path), body, headers(headers));
    }

    public HttpJson.Reply post(String path, Object body, String... headers) {
        return HttpJson.send("POST", uri(path), body, headers(headers));
    }

    public HttpJson.Reply delete(String path, String... headers) {
        return HttpJson.send("DELETE", uri(path), null, headers(headers));
    }

    /** {"Contacts":[...]} etc. */
    public static Map<String, Object> wrap(String plural, Object... elements) {
        return Map.of(plural, List.of(elements));
    }
}
