package io.sxs.connector.scoro.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.source.ReaderFuzzing;
import io.sxs.connector.scoro.support.SandboxFixture;
import io.sxs.sandbox.http.ReplyCorruption;
import io.sxs.sandbox.scoro.ScoroQuotas;
import io.sxs.sandbox.scoro.ScoroSandbox;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every Scoro reader, and the detail fetch of what a list returns as a summary, against malformed replies (the
 * sandbox damages each read's real reply one way; see {@link ReplyCorruption}). Items name their record and map or
 * carry their reason; a page that cannot be read fails with a typed {@link ApiException}; nothing else escapes.
 */
class ScoroReadersFuzzTest {

    private static ScoroSandbox sandbox;
    private static SandboxFixture f;
    private static List<EntityReader> readers;
    private static final ReaderFuzzing FUZZ = new ReaderFuzzing();

    @BeforeContainer
    static void seededCompany() {
        sandbox = ScoroSandbox.start(0);
        sandbox.quotas(ScoroQuotas.unlimited());
        f = new SandboxFixture(sandbox);
        String c = f.companyId();
        long contact = id(sandbox.createContact(c, Map.of("name", "Buyer", "is_client", 1, "email", "b@buyer.test")));
        List<Map<String, Object>> lines = List.of(
                Map.of("comment", "Work", "price", "100.00", "amount", "1.5", "vat_code_id", 1, "finance_account_id", 1),
                Map.of("comment", "Books", "price", "9.99", "amount", "3", "vat_code_id", 2, "finance_account_id", 2));
        long invoice = id(sandbox.createInvoice(c, Map.of("company_id", contact, "is_sent", 1, "lines", lines)));
        sandbox.createInvoice(c, Map.of("company_id", contact, "credited_invoices", List.of(invoice), "lines",
                List.of(Map.of("comment", "Refund", "price", "10", "amount", "1", "vat_code_id", 1, "finance_account_id", 1))));
        sandbox.createBill(c, Map.of("company_id", contact, "lines",
                List.of(Map.of("comment", "Paper", "price", "12", "amount", "1", "vat_code_id", 5, "finance_account_id", 3))));
        sandbox.createPrepayment(c, Map.of("company_id", contact, "lines",
                List.of(Map.of("comment", "Ahead", "price", "50", "amount", "1", "vat_code_id", 1, "finance_account_id", 1))));
        sandbox.createRecord(c, "products", Map.of("code", "WIDGET", "name", "Widget", "price", "9.99"));
        readers = f.connector.readers();
    }

    private static long id(Map<String, Object> created) {
        return Long.parseLong(String.valueOf(created.containsKey("contact_id") ? created.get("contact_id") : created.get("id")));
    }

    @AfterContainer
    static void report() {
        System.out.println("Scoro readers fuzzed: " + FUZZ.report());
        sandbox.close();
    }

    @Property(tries = 600)
    void everyMalformedReplyEndsAsATypedErrorOrAnItemNamingItsRecord(@ForAll(supplier = ReaderFuzzing.ReaderIndexes.class) int index,
                                                                     @ForAll(supplier = ReaderFuzzing.Corruptions.class) ReplyCorruption corruption) {
        EntityReader reader = readers.get(index % readers.size());
        try {
            // The list is read as it is; its summaries' details come back damaged (half the time the list does too).
            sandbox.faults(f.companyId()).corruptReads(index % 2 == 0 ? corruption : null);
            ReadPage page = reader.read(f.connection, null, 1);
            sandbox.faults(f.companyId()).corruptReads(corruption);
            for (ReadItem item : page.items()) {
                ReadItem checked = item.summary() ? detail(reader, item) : item;
                if (checked != null) {
                    FUZZ.check(checked, corruption);
                }
            }
            FUZZ.count("page read");
        } catch (ApiException e) {
            FUZZ.failed(e, "page");
        } finally {
            sandbox.faults(f.companyId()).clear();
        }
    }

    private static ReadItem detail(EntityReader reader, ReadItem summary) {
        try {
            return reader.detail(f.connection, summary);
        } catch (ApiException e) {
            FUZZ.failed(e, "detail");
            return null;
        }
    }
}
