package io.sxs.app.support;

import io.sxs.app.pipeline.Connections;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.scoro.ScoroSandbox;
import io.sxs.sandbox.xero.XeroSandbox;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.secret.SecretCipher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test data and connections for pipeline tests: Scoro invoices with their contacts, and a connection to sync them. */
public final class Seeds {

    private Seeds() {
    }

    /** {@code contacts} Scoro contacts with {@code perContact} invoices each; returns the invoice numbers. */
    public static List<String> scoroInvoices(ScoroSandbox scoro, ScoroCompany company, String prefix, int contacts, int perContact) {
        String companyId = company.companyAccountId();
        Object vatCodeId = scoro.vatCodes(companyId).stream()
                .filter(v -> "OUTPUT2".equals(v.get("vat_code"))).findFirst().orElseThrow().get("vat_code_id");
        Object accountId = scoro.financeAccounts(companyId).stream()
                .filter(a -> "200".equals(String.valueOf(a.get("account_symbol")))).findFirst().orElseThrow().get("id");
        List<String> numbers = new ArrayList<>();
        for (int c = 0; c < contacts; c++) {
            long contactId = ((Number) scoro.createContact(companyId, Map.of("name", prefix + "Customer " + c))
                    .get("contact_id")).longValue();
            for (int i = 0; i < perContact; i++) {
                String number = prefix + c + "-" + i;
                numbers.add(number);
                scoro.createInvoice(companyId, Map.of("no", number, "company_id", contactId,
                        "date", "2026-11-02", "deadline", "2026-11-16", "currency", "GBP", "is_sent", i % 2,
                        "lines", List.of(Map.of("comment", "Item " + i, "amount", new BigDecimal("1.5"),
                                "price", new BigDecimal("10.00").add(BigDecimal.valueOf(i)), "vat_code_id", vatCodeId,
                                "finance_account_id", accountId))));
            }
        }
        return numbers;
    }

    /** One sent Scoro invoice of 10.00 + VAT to a new client of that name. */
    public static void scoroInvoice(ScoroSandbox scoro, ScoroCompany company, String number, String client) {
        Map<String, Object> contact = scoro.createContact(company.companyAccountId(), Map.of("name", client, "is_client", 1));
        Object vat = scoro.vatCodes(company.companyAccountId()).stream().filter(v -> "OUTPUT2".equals(v.get("vat_code")))
                .findFirst().orElseThrow().get("vat_code_id");
        Object account = scoro.financeAccounts(company.companyAccountId()).stream()
                .filter(a -> "200".equals(String.valueOf(a.get("account_symbol")))).findFirst().orElseThrow().get("id");
        scoro.createInvoice(company.companyAccountId(), Map.of("no", number, "company_id", contact.get("contact_id"),
                "date", "2026-11-02", "deadline", "2026-11-16", "currency", "GBP", "is_sent", 1, "lines",
                List.of(Map.of("comment", "Work", "amount", BigDecimal.ONE, "price", new BigDecimal("10.00"), "vat_code_id", vat,
                        "finance_account_id", account))));
    }

    /** Puts a connection on the connections topic: invoices in the given direction, the given contact mode. */
    public static ConnectionConfig connect(String bootstrapServers, SecretCipher cipher, String id, ScoroSandbox scoro,
                                           ScoroCompany company, XeroSandbox xero, XeroTenant tenant, Direction invoices,
                                           ContactMode contacts, long pollIntervalMs) {
        ConnectionConfig config = connection(cipher, id, scoro, company, xero, tenant, invoices, contacts, pollIntervalMs);
        new Connections(bootstrapServers).put(config);
        return config;
    }

    public static ConnectionConfig connection(SecretCipher cipher, String id, ScoroSandbox scoro, ScoroCompany company,
                                              XeroSandbox xero, XeroTenant tenant, Direction invoices, ContactMode contacts,
                                              long pollIntervalMs) {
        ConnectionConfig config = Connections.newConnection(id, id, cipher, scoro.baseUri().toString(),
                company.companyAccountId(), company.apiKey(), xero.apiBase().toString(), tenant.tenantId(), tenant.accessToken());
        ConnectionDirections.set(config, EntityType.INVOICE, invoices);
        config.setContacts(contacts);
        config.setPollIntervalMs(pollIntervalMs);
        return config;
    }

    /** Copies of each invoice number in the Xero organisation. */
    public static Map<String, Long> numbersInXero(XeroSandbox xero, XeroTenant tenant) {
        return xero.invoices(tenant.tenantId()).stream()
                .collect(Collectors.groupingBy(i -> String.valueOf(i.get("InvoiceNumber")), Collectors.counting()));
    }
}
