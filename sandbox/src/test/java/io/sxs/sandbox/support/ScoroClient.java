package io.sxs.sandbox.support;

import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroSandbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal Scoro API caller for contract tests: every call is a POST with the credential envelope. */
public final class ScoroClient {

    private final ScoroSandbox sandbox;
    private final ScoroCompany company;

    public ScoroClient(ScoroSandbox sandbox, ScoroCompany company) {
        this.sandbox = sandbox;
        this.company = company;
    }

    public ScoroCompany company() {
        return company;
    }

    public URI uri(String moduleActionId) {
        return URI.create(sandbox.baseUri() + "/api/v2/" + moduleActionId);
    }

    /** Sends the envelope plus the given top-level entries (e.g. "request", "filter", "page"). */
    public HttpJson.Reply call(String moduleActionId, Object... topLevel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiKey", company.apiKey());
        body.put("company_account_id", company.companyAccountId());
        body.put("lang", "eng");
        for (int i = 0; i + 1 < topLevel.length; i += 2) {
            body.put((String) topLevel[i], topLevel[i + 1]);
        }
        return HttpJson.send("POST", uri(moduleActionId), body, Map.of());
    }

    public HttpJson.Reply modify(String moduleActionId, Object request) {
        return call(moduleActionId, "request", request);
    }
}
