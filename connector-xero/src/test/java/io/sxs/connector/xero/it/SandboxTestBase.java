package io.sxs.connector.xero.it;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.xero.Fixtures;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroRetrySettings;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class on a random port, one fresh organisation (and connection) per test. */
abstract class SandboxTestBase {

    static XeroSandbox sandbox;
    XeroTenant tenant;
    ConnectionContext connection;
    XeroClient client;

    @BeforeAll
    static void startSandbox() {
        sandbox = XeroSandbox.start(0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void newTenant() {
        sandbox.clock().release();
        tenant = sandbox.createTenant("Org " + System.nanoTime());
        connection = Fixtures.connection("conn-" + tenant.tenantId(), sandbox.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        client = new XeroClient(HttpClient.newHttpClient(), XeroRetrySettings.fast(), Clock.systemUTC());
    }

    Map<String, Object> userCreatesContact(String name, String number) {
        return number == null ? sandbox.createContact(tenant.tenantId(), Map.of("Name", name))
                : sandbox.createContact(tenant.tenantId(), Map.of("Name", name, "ContactNumber", number));
    }

    Map<String, Object> userCreatesInvoice(String type, String contactId, String number, String status) {
        return sandbox.createInvoice(tenant.tenantId(), Map.of("Type", type, "Contact", Map.of("ContactID", contactId),
                "InvoiceNumber", number, "Status", status, "Date", "2024-05-01", "DueDate", "2024-05-31",
                "LineItems", java.util.List.of(Map.of("Description", "Work", "Quantity", 2, "UnitAmount", 50.5,
                        "AccountCode", "type".equals(type) ? "400" : ("ACCPAY".equals(type) ? "400" : "200")))));
    }
}
