package io.sxs.sandbox;

import io.sxs.sandbox.support.HttpJson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxMainTest {

    @Test
    void startsBothSandboxesSeededAndReachable() {
        try (SandboxMain.Running running = SandboxMain.start(new String[] {"--xero-port=0", "--scoro-port=0",
                "--contacts=3", "--invoices=4", "--seed=5", "--limits=off"})) {
            assertThat(running.demo().scoroContactIds()).hasSize(3);
            assertThat(running.demo().scoroInvoiceIds()).hasSize(4);
            HttpJson.Reply xero = HttpJson.send("GET", URI.create(running.xero().apiBase() + "/Organisation"), null,
                    Map.of("Authorization", "Bearer " + running.demo().xeroTenant().accessToken(),
                            "xero-tenant-id", running.demo().xeroTenant().tenantId()));
            assertThat(xero.status()).isEqualTo(200);
            assertThat(Long.parseLong(xero.header("X-MinLimit-Remaining"))).isGreaterThan(1_000_000L);
            HttpJson.Reply scoro = HttpJson.send("POST", URI.create(running.scoro().baseUri() + "/api/v2/invoices/list"),
                    Map.of("apiKey", running.demo().scoroCompany().apiKey(),
                            "company_account_id", running.demo().scoroCompany().companyAccountId()), Map.of());
            assertThat(scoro.body().get("data")).as("invoices and credit invoices")
                    .hasSize(4 + running.demo().scoroCreditInvoiceIds().size());
        }
    }
}
