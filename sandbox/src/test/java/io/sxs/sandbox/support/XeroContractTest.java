package io.sxs.sandbox.support;

import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;

/**
 * A Xero contract test: the class's sandbox, and before each test a reset clock and a fresh tenant with its client
 * {@code c} (runs before the subclass's own {@code @BeforeEach}).
 */
public abstract class XeroContractTest extends XeroSandboxTest {

    protected XeroClient c;
    protected String tenantId;

    @BeforeEach
    void openXeroTenant() {
        xero.clock().reset();
        c = new XeroClient(xero, xero.createTenant(getClass().getSimpleName() + " Ltd"));
        tenantId = c.tenant().tenantId();
    }

    /** Creates a contact as a user would and returns its ContactID. */
    protected String createContact(String name) {
        return (String) xero.createContact(tenantId, Map.of("Name", name)).get("ContactID");
    }

    /** Creates an AUTHORISED ACCREC invoice of one line (1 x 100.00 on account 200, 20% VAT) and returns its InvoiceID. */
    protected String createAuthorisedSale(String contactId) {
        return (String) xero.createInvoice(tenantId, Map.of("Type", "ACCREC", "Status", "AUTHORISED",
                "Contact", Map.of("ContactID", contactId),
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 100, "AccountCode", "200"))))
                .get("InvoiceID");
    }

    /** The first validation message of a 400 reply. */
    protected static String firstError(HttpJson.Reply r) {
        return r.body().get("Elements").get(0).get("ValidationErrors").get(0).get("Message").asText();
    }
}
