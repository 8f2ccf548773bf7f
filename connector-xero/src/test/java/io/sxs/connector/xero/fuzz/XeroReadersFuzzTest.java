package io.sxs.connector.xero.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.source.ReaderFuzzing;
import io.sxs.connector.xero.Fixtures;
import io.sxs.connector.xero.XeroEntities;
import io.sxs.connector.xero.XeroEntity;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroRetrySettings;
import io.sxs.sandbox.http.ReplyCorruption;
import io.sxs.sandbox.xero.XeroRateLimits;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every Xero reader against malformed replies: the sandbox answers each read with a real reply damaged one way
 * (a field gone, a wrong type, an absurd number, a bad date, an unknown enum, a huge string, a null, an empty object,
 * a body that is not JSON). Whatever arrives, a reader returns items that each name their record and either map or
 * carry the reason they do not, or fails the page with a typed {@link ApiException}: never another exception.
 */
class XeroReadersFuzzTest {

    private static XeroSandbox sandbox;
    private static XeroTenant tenant;
    private static ConnectionContext connection;
    private static List<EntityReader> readers;
    private static final ReaderFuzzing FUZZ = new ReaderFuzzing();

    @BeforeContainer
    static void seededOrganisation() {
        sandbox = XeroSandbox.start(0);
        sandbox.rateLimits(XeroRateLimits.unlimited());
        tenant = sandbox.createTenant("Fuzz Ltd");
        String t = tenant.tenantId();
        String contact = (String) sandbox.createContact(t, Map.of("Name", "Payer", "EmailAddress", "p@payer.test",
                "ContactNumber", "C-1")).get("ContactID");
        Map<String, Object> inv = sandbox.createInvoice(t, Map.of("Type", "ACCREC", "InvoiceNumber", "FZ-1",
                "Contact", Map.of("ContactID", contact), "Date", "2026-11-02", "DueDate", "2026-11-30", "Status", "AUTHORISED",
                "LineItems", List.of(Map.of("Description", "Work", "Quantity", 3, "UnitAmount", 33.33, "AccountCode", "200",
                        "TaxType", "OUTPUT2"))));
        sandbox.createInvoice(t, Map.of("Type", "ACCPAY", "InvoiceNumber", "BILL-1", "Contact", Map.of("ContactID", contact),
                "Date", "2026-11-03", "DueDate", "2026-11-30", "Status", "AUTHORISED",
                "LineItems", List.of(Map.of("Description", "Paper", "Quantity", 1, "UnitAmount", 12, "AccountCode", "400"))));
        sandbox.createPayment(t, Map.of("Invoice", Map.of("InvoiceID", inv.get("InvoiceID")), "Account", Map.of("Code", "090"),
                "Date", "2026-11-10", "Amount", new BigDecimal("20.00")));
        Map<String, Object> note = sandbox.createCreditNote(t, Map.of("Type", "ACCRECCREDIT", "Contact", Map.of("ContactID", contact),
                "Date", "2026-11-04", "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Back", "Quantity", 1,
                        "UnitAmount", 10, "AccountCode", "200", "TaxType", "OUTPUT2"))));
        sandbox.allocateCreditNote(t, (String) note.get("CreditNoteID"), Map.of("Invoice", Map.of("InvoiceID", inv.get("InvoiceID")),
                "Amount", new BigDecimal("5.00"), "Date", "2026-11-04"));
        for (String type : List.of("RECEIVE-OVERPAYMENT", "RECEIVE-PREPAYMENT")) {
            sandbox.createBankTransaction(t, Map.of("Type", type, "Contact", Map.of("ContactID", contact),
                    "BankAccount", Map.of("Code", "090"), "Date", "2026-11-05", "LineItems", List.of(Map.of("Description", "Ahead",
                            "Quantity", 1, "UnitAmount", 8, "TaxType", "NONE", "AccountCode", "200"))));
        }
        sandbox.createItem(t, Map.of("Code", "WIDGET", "Name", "Widget", "SalesDetails", Map.of("UnitPrice", 9.99, "AccountCode", "200")));
        sandbox.createTrackingCategory(t, "Region", List.of("North", "South"));
        connection = Fixtures.connection("fuzz", sandbox.apiBase().toString(), t, tenant.accessToken());
        XeroClient client = new XeroClient(HttpClient.newHttpClient(), XeroRetrySettings.fast(), Clock.systemUTC());
        readers = new XeroEntities(client).all().stream().map(XeroEntity::reader).filter(Objects::nonNull).distinct().toList();
    }

    @AfterContainer
    static void report() {
        System.out.println("Xero readers fuzzed: " + FUZZ.report());
        sandbox.close();
    }

    @Property(tries = 600)
    void everyMalformedReplyEndsAsATypedErrorOrAnItemNamingItsRecord(@ForAll(supplier = ReaderFuzzing.ReaderIndexes.class) int index,
                                                                     @ForAll(supplier = ReaderFuzzing.Corruptions.class) ReplyCorruption corruption) {
        EntityReader reader = readers.get(index % readers.size());
        sandbox.faults(tenant.tenantId()).corruptReads(corruption);
        try {
            ReadPage page = reader.read(connection, null, 1);
            page.items().forEach(item -> FUZZ.check(item, corruption));
            FUZZ.count("page read");
        } catch (ApiException e) {
            FUZZ.failed(e, "page");
        } finally {
            sandbox.faults(tenant.tenantId()).clear();
        }
    }
}
