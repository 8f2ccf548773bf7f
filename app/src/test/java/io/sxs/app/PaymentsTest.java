package io.sxs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.SyncLogFollower;
import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.Pipelines;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Money flows Xero to Scoro whatever the document directions (real broker, real HTTP): payments made in Xero on synced
 * invoices and bills become Scoro receipts through the receipt account their bank account maps to (created with the
 * first payment that uses it), a deleted payment removes its receipt, credit-note allocations and refunds are
 * receipts too, an overpayment reaches Scoro as its allocations, and each is written to Scoro once, across a lost reply and a restart. Nothing is written to Xero.
 */
class PaymentsTest extends BrokerAndSandboxes {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String BANK = "Business Bank Account";

    @Test
    void xeroPaymentsOnScoroOwnedDocumentsBecomeScoroReceiptsOnce() throws Exception {
        ScoroCompany company = scoro.createCompany("Pay Scoro");
        XeroTenant tenant = xero.createTenant("Pay Ltd");
        String companyId = company.companyAccountId();
        String tenantId = tenant.tenantId();
        xero.addCurrency(tenantId, "EUR");
        scoro.activateCurrency(companyId, "EUR");
        Path data = Files.createTempDirectory("sxs-pay-");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        Map<String, Long> invoices = new HashMap<>();
        try (SyncLogFollower follower = new SyncLogFollower(broker.bootstrapServers(), "pay-to-xero", PaymentsTest::printProblem).start()) {
            connect("pay-to-xero", company, tenant, Direction.TO_XERO);
            await().atMost(TIMEOUT).until(() -> ref(scoro.vatCodes(companyId), "vat_code", "OUTPUT2", "vat_code_id") != null
                    && ref(scoro.vatCodes(companyId), "vat_code", "INPUT2", "vat_code_id") != null
                    && ref(scoro.financeAccounts(companyId), "account_symbol", "200", "id") != null
                    && ref(scoro.financeAccounts(companyId), "account_symbol", "429", "id") != null);
            Object client = scoro.createContact(companyId, Map.of("name", "Paying Client", "is_client", 1)).get("contact_id");
            for (String no : List.of("P-1", "P-2", "P-4", "P-5", "P-6", "P-7")) {
                invoices.put(no, invoice(companyId, client, no, "GBP", null));
            }
            invoices.put("P-3", invoice(companyId, client, "P-3", "EUR", new BigDecimal("1.150000")));
            scoro.createInvoice(companyId, Map.of("no", "CR-5", "company_id", client, "date", "2026-11-05",
                    "deadline", "2026-11-05", "currency", "GBP", "is_sent", 1, "credited_invoices", List.of(invoices.get("P-5")),
                    "lines", List.of(line(companyId, "25.00", "OUTPUT2", "200"))));
            Object supplier = scoro.createContact(companyId, Map.of("name", "Paid Supplier", "is_supplier", 1)).get("contact_id");
            long bill = ((Number) scoro.createBill(companyId, Map.of("no", "B-1", "company_id", supplier, "date", "2026-11-02",
                    "deadline", "2026-11-30", "currency", "GBP", "lines", List.of(line(companyId, "50.00", "INPUT2", "429"))))
                    .get("id")).longValue();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                for (String no : List.of("P-1", "P-2", "P-3", "P-4", "P-5", "P-6", "P-7")) {
                    assertThat(xeroDoc(tenantId, "ACCREC", no)).as(no + " in Xero").isNotNull();
                }
                assertThat(xeroDoc(tenantId, "ACCPAY", "B-1")).as("B-1 in Xero").isNotNull();
                assertThat(settled(xeroDoc(tenantId, "ACCREC", "P-5"))).as("P-5 credited in Xero").isPositive();
            });

            // As a Xero user: one full payment, two partial ones, a foreign one, one deleted, a bill payment.
            pay(tenantId, "ACCREC", "P-1", "120.00", null);
            pay(tenantId, "ACCREC", "P-2", "50.00", null);
            pay(tenantId, "ACCREC", "P-2", "30.00", null);
            pay(tenantId, "ACCREC", "P-3", "120.00", "1.150000");
            Map<String, Object> doomed = pay(tenantId, "ACCREC", "P-4", "120.00", null);
            pay(tenantId, "ACCPAY", "B-1", "60.00", null);
            // An overpayment reaches Scoro when it is allocated; one never allocated waits in Xero.
            String xeroClient = (String) ((Map<?, ?>) xeroDoc(tenantId, "ACCREC", "P-7").get("Contact")).get("ContactID");
            String overpayment = overpayment(tenantId, xeroClient, "30.00");
            overpayment(tenantId, xeroClient, "15.00");
            xero.allocateOverpayment(tenantId, overpayment, Map.of("Invoice", Map.of("InvoiceID",
                    xeroDoc(tenantId, "ACCREC", "P-7").get("InvoiceID")), "Amount", new BigDecimal("30.00"), "Date", "2026-11-10"));
            await().atMost(TIMEOUT).until(() -> paid(companyId, invoices.get("P-4")).signum() > 0);
            xero.deletePayment(tenantId, (String) doomed.get("PaymentID"));

            await().atMost(TIMEOUT).untilAsserted(() -> {
                for (String no : List.of("P-1", "P-2", "P-3", "P-4", "P-5", "P-7")) {
                    assertThat(paid(companyId, invoices.get(no))).as(no + ": Scoro's paid sum is what Xero has paid and credited")
                            .isEqualByComparingTo(settled(xeroDoc(tenantId, "ACCREC", no)));
                }
                assertThat(new BigDecimal(String.valueOf(scoro.bill(companyId, bill).get("paid_sum"))))
                        .isEqualByComparingTo(settled(xeroDoc(tenantId, "ACCPAY", "B-1")));
            });
            assertThat(paid(companyId, invoices.get("P-1"))).isEqualByComparingTo("120.00");
            assertThat(paid(companyId, invoices.get("P-2"))).isEqualByComparingTo("80.00");
            assertThat(paid(companyId, invoices.get("P-3"))).as("in the invoice's currency").isEqualByComparingTo("120.00");
            assertThat(paid(companyId, invoices.get("P-4"))).as("its payment was deleted").isEqualByComparingTo("0.00");
            assertThat(paid(companyId, invoices.get("P-5"))).as("the credit note's allocation").isEqualByComparingTo("30.00");
            assertThat(paid(companyId, invoices.get("P-7"))).as("the overpayment's allocation").isEqualByComparingTo("30.00");
            assertThat(scoro.invoice(companyId, invoices.get("P-1")).get("status")).isEqualTo("paid");

            List<Map<String, Object>> accounts = scoro.records(companyId, "receiptAccounts");
            Object bank = ref(accounts, "name", BANK, "id");
            Object credit = ref(accounts, "name", "Credit notes (Xero)", "id");
            Object over = ref(accounts, "name", "Overpayments (Xero)", "id");
            assertThat(bank).as("the Xero bank account, created with its first payment").isNotNull();
            assertThat(credit).as("what credit allocations go through").isNotNull();
            for (Map<String, Object> receipt : liveReceipts(companyId)) {
                long doc = ((Number) ((Map<?, ?>) ((List<?>) receipt.get("receipts")).get(0)).get("invoice_id")).longValue();
                assertThat(receipt.get("receipt_account_id")).as("receipt on " + doc)
                        .isEqualTo(doc == invoices.get("P-5") ? credit : doc == invoices.get("P-7") ? over : bank);
            }
            assertThat(liveReceipts(companyId)).hasSize(7); // P-1, P-2 twice, P-3, B-1, the two allocations
            Map<String, Long> calls = scoro.callCounts(companyId);
            assertThat(calls.get("receipts/modify")).as("one create per payment and allocation").isEqualTo(8L);
            assertThat(calls.get("receipts/delete")).isEqualTo(1L);
            assertThat(calls.get("receiptAccounts/modify")).as("the bank, and the credit notes' and overpayments' accounts")
                    .isEqualTo(3L);
            assertThat(xero.callCounts(tenantId).keySet()).as("nothing written to Xero's payments")
                    .noneMatch(k -> k.contains("Payments") && !k.startsWith("GET"));

            // A receipt whose reply is lost is found again, not written twice.
            scoro.faults(companyId).loseNextReplies(1);
            pay(tenantId, "ACCREC", "P-6", "40.00", null);
            await().atMost(TIMEOUT).until(() -> paid(companyId, invoices.get("P-6")).compareTo(new BigDecimal("40.00")) == 0);
            Thread.sleep(1500);
            assertThat(paid(companyId, invoices.get("P-6"))).isEqualByComparingTo("40.00");
            assertThat(scoro.faults(companyId).injected()).isEqualTo(1);
            assertThat(scoro.callCounts(companyId).get("receipts/modify")).isEqualTo(9L);
        } finally {
            app.close();
        }
        // A restart reads the payments again and writes nothing twice.
        Map<String, Long> before = scoro.callCounts(companyId);
        long paymentReads = xero.callCounts(tenantId).getOrDefault("GET /Payments", 0L);
        app = Pipelines.start(broker.bootstrapServers(), KEY, data, Map.of());
        try {
            await().atMost(TIMEOUT).until(() -> xero.callCounts(tenantId).getOrDefault("GET /Payments", 0L) > paymentReads);
            Thread.sleep(2000);
            Map<String, Long> after = scoro.callCounts(companyId);
            for (String write : List.of("receipts/modify", "receipts/delete", "receiptAccounts/modify")) {
                assertThat(after.get(write)).as(write + " after the restart").isEqualTo(before.get(write));
            }
        } finally {
            app.close();
        }
    }

    @Test
    void withInvoicesToScoroAllocationsAndCreditNoteRefundsArriveAsReceipts() throws Exception {
        ScoroCompany company = scoro.createCompany("Refund Scoro");
        XeroTenant tenant = xero.createTenant("Refund Ltd");
        String companyId = company.companyAccountId();
        String tenantId = tenant.tenantId();
        Map<String, Object> customer = xero.createContact(tenantId, Map.of("Name", "Refunded Customer"));
        Map<String, Object> invoice = xero.createInvoice(tenantId, Map.of("Type", "ACCREC", "InvoiceNumber", "RI-1",
                "Contact", Map.of("ContactID", customer.get("ContactID")), "Date", "2026-11-02", "DueDate", "2026-11-30",
                "Status", "AUTHORISED", "LineItems", List.of(Map.of("Description", "Work", "Quantity", 1, "UnitAmount", 200,
                        "AccountCode", "200", "TaxType", "OUTPUT2"))));
        Map<String, Object> note = xero.createCreditNote(tenantId, Map.of("Type", "ACCRECCREDIT", "CreditNoteNumber", "RC-1",
                "Contact", Map.of("ContactID", customer.get("ContactID")), "Date", "2026-11-04", "Status", "AUTHORISED",
                "LineItems", List.of(Map.of("Description", "Refund of work", "Quantity", 1, "UnitAmount", 100,
                        "AccountCode", "200", "TaxType", "OUTPUT2"))));
        xero.allocateCreditNote(tenantId, (String) note.get("CreditNoteID"), Map.of("Invoice",
                Map.of("InvoiceID", invoice.get("InvoiceID")), "Amount", new BigDecimal("60.00"), "Date", "2026-11-04"));
        xero.createPayment(tenantId, Map.of("CreditNote", Map.of("CreditNoteID", note.get("CreditNoteID")),
                "Account", Map.of("Code", "090"), "Date", "2026-11-06", "Amount", new BigDecimal("60.00")));
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-refund-"), Map.of());
        try {
            connect("refund-to-scoro", company, tenant, Direction.TO_SCORO);
            Map<String, Object> sInvoice = await().atMost(TIMEOUT).until(() -> byNumber(scoro.invoices(companyId), "RI-1"),
                    Objects::nonNull);
            Map<String, Object> sCredit = await().atMost(TIMEOUT).until(() -> byNumber(scoro.invoices(companyId), "RC-1"),
                    Objects::nonNull);
            long invoiceId = ((Number) sInvoice.get("id")).longValue();
            long creditId = ((Number) sCredit.get("id")).longValue();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(paid(companyId, invoiceId)).as("the allocation").isEqualByComparingTo("60.00");
                assertThat(paid(companyId, creditId)).as("the refund").isEqualByComparingTo("60.00");
            });
            assertThat(paid(companyId, invoiceId)).isEqualByComparingTo(settled(xero.invoice(tenantId, (String) invoice.get("InvoiceID"))));
            assertThat(scoro.callCounts(companyId).get("receipts/modify")).isEqualTo(2L);
            assertThat(xero.callCounts(tenantId).keySet()).noneMatch(k -> k.contains("Payments") && !k.startsWith("GET"));
        } finally {
            app.close();
        }
    }

    @Test
    void aPrepaymentReceivedInXeroIsPaidOntoTheScoroPrepaymentInvoiceItMatchesThenAllocatedAndPartlyRefunded() throws Exception {
        ScoroCompany company = scoro.createCompany("Prepay Scoro");
        XeroTenant tenant = xero.createTenant("Prepay Ltd");
        String companyId = company.companyAccountId();
        String tenantId = tenant.tenantId();
        List<io.sxs.schemas.envelope.SyncLogEntry> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-prepay-"), Map.of());
        try (SyncLogFollower follower = new SyncLogFollower(broker.bootstrapServers(), "prepay-to-xero", e -> {
            log.add(e);
            printProblem(e);
        }).start()) {
            connect("prepay-to-xero", company, tenant, Direction.TO_XERO);
            await().atMost(TIMEOUT).until(() -> ref(scoro.vatCodes(companyId), "vat_code", "OUTPUT2", "vat_code_id") != null
                    && ref(scoro.financeAccounts(companyId), "account_symbol", "200", "id") != null);
            Object client = scoro.createContact(companyId, Map.of("name", "Prepaying Client", "is_client", 1)).get("contact_id");
            invoice(companyId, client, "PI-1", "GBP", null);
            long prepaymentInvoice = ((Number) scoro.createPrepayment(companyId, Map.of("no", "PP-1", "company_id", client,
                    "date", "2026-11-02", "deadline", "2026-11-09", "currency", "GBP", "prepayment_percent", 100,
                    "lines", List.of(line(companyId, "100.00", "OUTPUT2", "200")))).get("id")).longValue();
            Map<String, Object> synced = await().atMost(TIMEOUT).until(() -> xeroDoc(tenantId, "ACCREC", "PI-1"), Objects::nonNull);
            String xeroClient = (String) ((Map<?, ?>) synced.get("Contact")).get("ContactID");

            // As a Xero user: the client's prepayment, with the prepayment invoice's number; and one nobody can place.
            String prepaymentId = prepayment(tenantId, xeroClient, "PP-1", "100.00", "OUTPUT2");
            prepayment(tenantId, xeroClient, "paid ahead", "33.00", "NONE");

            await().atMost(TIMEOUT).until(() -> paidPrepayment(companyId, prepaymentInvoice).compareTo(new BigDecimal("120.00")) == 0);
            await().atMost(TIMEOUT).until(() -> log.stream().anyMatch(e -> e.getOutcome() == io.sxs.schemas.envelope.SyncOutcome.BLOCKED
                    && e.getEntity() == EntityType.PREPAYMENT));
            io.sxs.schemas.envelope.SyncLogEntry unmatched = log.stream()
                    .filter(e -> e.getOutcome() == io.sxs.schemas.envelope.SyncOutcome.BLOCKED).findFirst().orElseThrow();
            assertThat(unmatched.getMessage()).contains("no Scoro prepayment invoice matches").contains("'paid ahead'")
                    .as("the candidates are named").contains("none");
            List<Map<String, Object>> receipts = liveReceipts(companyId);
            assertThat(receipts).singleElement().satisfies(r -> {
                Map<?, ?> receipt = (Map<?, ?>) ((List<?>) r.get("receipts")).get(0);
                assertThat(((Number) receipt.get("prepayment_id")).longValue()).isEqualTo(prepaymentInvoice);
                assertThat(r.get("receipt_account_id")).isEqualTo(ref(scoro.records(companyId, "receiptAccounts"), "name",
                        "Prepayments (Xero)", "id"));
            });
            assertThat(scoro.callCounts(companyId).get("receipts/modify")).isEqualTo(1L);

            // As a Xero user: 70.00 of the prepayment settles the final invoice, then 20.00 of it goes back to the client.
            String finalInvoice = (String) synced.get("InvoiceID");
            long scoroFinal = ((Number) byNumber(scoro.invoices(companyId), "PI-1").get("id")).longValue();
            xero.allocatePrepayment(tenantId, prepaymentId, Map.of("Invoice", Map.of("InvoiceID", finalInvoice),
                    "Amount", new BigDecimal("70.00"), "Date", "2026-11-12"));
            await().atMost(TIMEOUT).until(() -> paid(companyId, scoroFinal).compareTo(new BigDecimal("70.00")) == 0);
            assertThat(paid(companyId, scoroFinal)).as("Scoro's paid amount is what Xero settled")
                    .isEqualByComparingTo(settled(xero.invoice(tenantId, finalInvoice)));
            xero.createPayment(tenantId, Map.of("Prepayment", Map.of("PrepaymentID", prepaymentId),
                    "Account", Map.of("Code", "090"), "Date", "2026-11-13", "Amount", new BigDecimal("20.00")));
            await().atMost(TIMEOUT).until(() -> paidPrepayment(companyId, prepaymentInvoice).compareTo(new BigDecimal("100.00")) == 0);
            assertThat(liveReceipts(companyId)).hasSize(2).allSatisfy(r -> assertThat(r.get("receipt_account_id"))
                    .isEqualTo(ref(scoro.records(companyId, "receiptAccounts"), "name", "Prepayments (Xero)", "id")));
            Thread.sleep(1_500); // nothing more is written
            assertThat(scoro.callCounts(companyId).get("receipts/modify")).as("the allocation once, the refund once").isEqualTo(3L);
            assertThat(xero.callCounts(tenantId).keySet()).as("a Scoro prepayment invoice is never sent to Xero")
                    .noneMatch(k -> k.contains("Prepayments") && !k.startsWith("GET"));
            assertThat(xero.invoices(tenantId)).extracting(i -> i.get("InvoiceNumber")).doesNotContain("PP-1");
        } finally {
            app.close();
        }
    }

    private static String prepayment(String tenantId, String contactId, String reference, String amount, String tax) {
        return (String) xero.createBankTransaction(tenantId, Map.of("Type", "RECEIVE-PREPAYMENT", "Contact", Map.of("ContactID", contactId),
                "BankAccount", Map.of("Code", "090"), "Date", "2026-11-03", "Reference", reference,
                "LineItems", List.of(Map.of("Description", "Paid ahead", "Quantity", 1, "UnitAmount", new BigDecimal(amount),
                        "AccountCode", "200", "TaxType", tax)))).get("PrepaymentID");
    }

    private static BigDecimal paidPrepayment(String companyId, long id) {
        return scoro.prepayments(companyId).stream().filter(p -> ((Number) p.get("id")).longValue() == id)
                .map(p -> new BigDecimal(String.valueOf(p.get("paid_sum")))).findFirst().orElse(BigDecimal.ZERO);
    }

    /** What went wrong, in the test's output (the sync log is where a refused payment says why). */
    private static void printProblem(io.sxs.schemas.envelope.SyncLogEntry e) {
        if (java.util.Set.of("REJECTED", "FAILED", "BLOCKED", "INVALID_INPUT", "DEPENDENCY_MISSING")
                .contains(e.getOutcome().name())) {
            System.out.println("sync log: " + e.getEntity() + " " + e.getSystem() + " " + e.getItemId() + " " + e.getOutcome()
                    + ": " + e.getMessage());
        }
    }

    private static String overpayment(String tenantId, String contactId, String amount) {
        return (String) xero.createBankTransaction(tenantId, Map.of("Type", "RECEIVE-OVERPAYMENT", "Contact",
                Map.of("ContactID", contactId), "BankAccount", Map.of("Code", "090"), "Date", "2026-11-09",
                "LineItems", List.of(Map.of("Description", "Paid twice", "Quantity", 1, "UnitAmount", new BigDecimal(amount),
                        "TaxType", "NONE")))).get("OverpaymentID");
    }

    private static Map<String, Object> pay(String tenantId, String type, String number, String amount, String rate) {
        Map<String, Object> body = new HashMap<>(Map.of("Invoice", Map.of("InvoiceID", xeroDoc(tenantId, type, number).get("InvoiceID")),
                "Account", Map.of("Code", "090"), "Date", "2026-11-10", "Amount", new BigDecimal(amount)));
        if (rate != null) {
            body.put("CurrencyRate", new BigDecimal(rate));
        }
        return xero.createPayment(tenantId, body);
    }

    /** What Xero has settled on a document: paid plus credited (allocations are payments in Scoro). */
    private static BigDecimal settled(Map<String, Object> doc) {
        return new BigDecimal(String.valueOf(doc.get("AmountPaid"))).add(new BigDecimal(String.valueOf(doc.get("AmountCredited"))));
    }

    private static BigDecimal paid(String companyId, long invoiceId) {
        return new BigDecimal(String.valueOf(scoro.invoice(companyId, invoiceId).get("paid_sum")));
    }

    private static List<Map<String, Object>> liveReceipts(String companyId) {
        return scoro.receipts(companyId).stream().filter(r -> !Integer.valueOf(1).equals(r.get("is_deleted"))).toList();
    }

    private static long invoice(String companyId, Object client, String no, String currency, BigDecimal rate) {
        Map<String, Object> body = new HashMap<>(Map.of("no", no, "company_id", client, "date", "2026-11-02",
                "deadline", "2026-11-30", "currency", currency, "is_sent", 1, "lines", List.of(line(companyId, "100.00", "OUTPUT2", "200"))));
        if (rate != null) {
            body.put("currency_rate", rate);
        }
        return ((Number) scoro.createInvoice(companyId, body).get("id")).longValue();
    }

    private static Map<String, Object> line(String companyId, String price, String vat, String account) {
        return Map.of("comment", "Work", "amount", BigDecimal.ONE, "price", new BigDecimal(price),
                "vat_code_id", ref(scoro.vatCodes(companyId), "vat_code", vat, "vat_code_id"),
                "finance_account_id", ref(scoro.financeAccounts(companyId), "account_symbol", account, "id"));
    }

    private static Map<String, Object> xeroDoc(String tenantId, String type, String number) {
        return xero.invoices(tenantId).stream().filter(i -> type.equals(i.get("Type")) && number.equals(i.get("InvoiceNumber")))
                .findFirst().orElse(null);
    }

    private static Map<String, Object> byNumber(List<Map<String, Object>> docs, String number) {
        return docs.stream().filter(d -> number.equals(d.get("no"))).findFirst().orElse(null);
    }

    private static Object ref(List<Map<String, Object>> rows, String keyField, String key, String idField) {
        return rows.stream().filter(r -> key.equals(r.get(keyField))).findFirst().map(r -> r.get(idField)).orElse(null);
    }

    private static void connect(String id, ScoroCompany company, XeroTenant tenant, Direction invoices) {
        ConnectionConfig config = Connections.newConnection(id, id, CIPHER, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(),
                tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, invoices);
        ConnectionDirections.set(config, EntityType.BILL, invoices);
        config.setContacts(ContactMode.WITH_DOCUMENTS);
        config.setPollIntervalMs(300);
        new Connections(broker.bootstrapServers()).put(config);
    }
}
