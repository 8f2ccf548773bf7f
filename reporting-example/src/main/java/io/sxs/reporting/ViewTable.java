package io.sxs.reporting;

import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB tables the view topics are mirrored into. Every entity's items land in {@code view_items}; the entities
 * a report reads also get a table of their own with the payload's fields as columns. Money is DECIMAL(18,2), the Avro
 * type of every amount (precision 18, scale 2), so every value is kept exactly and none can overflow; currency rates
 * are DECIMAL(18,6) as in Avro. Timestamps are UTC.
 */
enum ViewTable {

    VIEW_ITEMS("view_items", null, List.of("connection_id", "entity", "canonical_id"), List.of(
            "connection_id VARCHAR NOT NULL", "entity VARCHAR NOT NULL", "canonical_id VARCHAR NOT NULL",
            "scoro_id VARCHAR", "xero_id VARCHAR", "origin VARCHAR", "owner VARCHAR", "sync_state VARCHAR",
            "lifecycle VARCHAR", "payload_system VARCHAR", "last_outcome VARCHAR", "message VARCHAR",
            "changed_at TIMESTAMP")),

    INVOICES("invoices", Invoice.class, documentColumns()),

    /** Credit notes carry an Invoice payload (document type CREDIT_NOTE) on their own topic and id space. */
    CREDIT_NOTES("credit_notes", Invoice.class, documentColumns()),

    CONTACTS("contacts", Contact.class, withState(List.of(
            "name VARCHAR", "number VARCHAR", "email VARCHAR", "is_customer BOOLEAN", "is_supplier BOOLEAN",
            "default_currency VARCHAR", "tax_number VARCHAR", "status VARCHAR"))),

    PAYMENTS("payments", Payment.class, withState(List.of(
            "kind VARCHAR", "document_entity VARCHAR", "document_ref VARCHAR", "credit_entity VARCHAR",
            "credit_ref VARCHAR", "bank_account_ref VARCHAR", "contact_ref VARCHAR", "date DATE",
            "amount DECIMAL(18,2)", "currency VARCHAR", "currency_rate DECIMAL(18,6)", "bank_amount DECIMAL(18,2)",
            "reference VARCHAR", "status VARCHAR", "is_reconciled BOOLEAN"))),

    BANK_ACCOUNTS("bank_accounts", BankAccount.class, withState(List.of(
            "name VARCHAR", "code VARCHAR", "account_number VARCHAR", "currency_code VARCHAR", "status VARCHAR")));

    private final String table;
    private final Class<?> payloadType;
    private final List<String> key;
    private final List<String> definitions;

    ViewTable(String table, Class<?> payloadType, List<String> definitions) {
        this(table, payloadType, List.of("connection_id", "canonical_id"), definitions);
    }

    ViewTable(String table, Class<?> payloadType, List<String> key, List<String> definitions) {
        this.table = table;
        this.payloadType = payloadType;
        this.key = key;
        this.definitions = definitions;
    }

    String table() {
        return table;
    }

    /** Whether a view payload belongs in this table: of its entity's type, or none (a deleted item never read). */
    boolean holds(Object payload) {
        return payload == null || payloadType != null && payloadType.isInstance(payload);
    }

    List<String> key() {
        return key;
    }

    List<String> columns() {
        return definitions.stream().map(d -> d.substring(0, d.indexOf(' '))).toList();
    }

    String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + String.join(", ", definitions)
                + ", PRIMARY KEY (" + String.join(", ", key) + "))";
    }

    String upsertSql() {
        List<String> columns = columns();
        return "INSERT OR REPLACE INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    String deleteSql() {
        return "DELETE FROM " + table + " WHERE " + key.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
    }

    private static List<String> documentColumns() {
        return withState(List.of(
                "number VARCHAR", "reference VARCHAR", "contact_ref VARCHAR", "status VARCHAR", "date DATE",
                "due_date DATE", "currency VARCHAR", "currency_rate DECIMAL(18,6)", "sub_total DECIMAL(18,2)",
                "total_tax DECIMAL(18,2)", "total DECIMAL(18,2)", "amount_due DECIMAL(18,2)",
                "amount_paid DECIMAL(18,2)", "amount_credited DECIMAL(18,2)"));
    }

    /**
     * An entity table: its key and both ids, the payload's columns, then the item's view state. payload_system says
     * whose id space the payload's references (contact_ref, bank_account_ref, document_ref) are in.
     */
    private static List<String> withState(List<String> payloadColumns) {
        List<String> all = new ArrayList<>(List.of(
                "connection_id VARCHAR NOT NULL", "canonical_id VARCHAR NOT NULL", "scoro_id VARCHAR", "xero_id VARCHAR",
                "payload_system VARCHAR"));
        all.addAll(payloadColumns);
        all.addAll(List.of("sync_state VARCHAR", "lifecycle VARCHAR", "owner VARCHAR", "origin VARCHAR",
                "last_outcome VARCHAR", "message VARCHAR", "changed_at TIMESTAMP"));
        return List.copyOf(all);
    }
}
