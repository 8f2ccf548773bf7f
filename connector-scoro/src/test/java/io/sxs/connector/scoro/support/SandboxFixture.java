package io.sxs.connector.scoro.support;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.ScoroConnector;
import io.sxs.connector.scoro.client.ScoroClientSettings;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroSandbox;
import java.util.UUID;

/** One Scoro sandbox company and a connector wired to it through real HTTP. */
public final class SandboxFixture {

    public final ScoroSandbox sandbox;
    public final ScoroCompany company;
    public final ConnectionContext connection;
    public final ScoroConnector connector;

    public SandboxFixture(ScoroSandbox sandbox) {
        this.sandbox = sandbox;
        this.company = sandbox.createCompany("Company " + UUID.randomUUID());
        this.connection = TestConnections.scoro("conn-" + company.companyAccountId(), sandbox.baseUri().toString(),
                company.companyAccountId(), company.apiKey());
        this.connector = ScoroConnector.create(ScoroClientSettings.fast());
    }

    public String companyId() {
        return company.companyAccountId();
    }

    public long calls(String moduleAction) {
        return sandbox.callCounts(companyId()).getOrDefault(moduleAction, 0L);
    }
}
