package io.sxs.reporting;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes view items into their tables: an upsert of the item's row in {@code view_items} and in its entity's table,
 * or the deletion of both for a tombstone. Upserts replace the whole row by its primary key, so writing a record
 * again (after a restart) leaves the same state: the tables hold exactly what the compacted topics hold.
 */
final class ViewRowWriter implements AutoCloseable {

    private static final Map<EntityType, ViewTable> ENTITY_TABLES = Map.of(
            EntityType.INVOICE, ViewTable.INVOICES,
            EntityType.CREDIT_NOTE, ViewTable.CREDIT_NOTES,
            EntityType.CONTACT, ViewTable.CONTACTS,
            EntityType.PAYMENT, ViewTable.PAYMENTS,
            EntityType.BANK_ACCOUNT, ViewTable.BANK_ACCOUNTS);

    private final Map<ViewTable, PreparedStatement> upserts = new EnumMap<>(ViewTable.class);
    private final Map<ViewTable, PreparedStatement> deletes = new EnumMap<>(ViewTable.class);

    ViewRowWriter(Connection connection) throws SQLException {
        for (ViewTable table : ViewTable.values()) {
            upserts.put(table, connection.prepareStatement(table.upsertSql()));
            deletes.put(table, connection.prepareStatement(table.deleteSql()));
        }
    }

    /**
     * Writes one change; nothing is written when it throws {@link MisplacedPayloadException} (checked before the
     * first statement), so the caller can skip that record and go on in the same transaction.
     */
    void apply(ViewChange change) throws SQLException {
        ViewKey key = change.key();
        ViewTable entityTable = ENTITY_TABLES.get(key.getEntity());
        if (change.tombstone()) {
            delete(ViewTable.VIEW_ITEMS, key.getConnectionId(), key.getEntity().name(), key.getCanonicalId());
            if (entityTable != null) {
                delete(entityTable, key.getConnectionId(), key.getCanonicalId());
            }
            return;
        }
        ViewRecord view = change.value();
        if (entityTable != null && !entityTable.holds(view.getPayload())) {
            throw new MisplacedPayloadException(view.getPayload().getClass().getSimpleName() + " payload on a "
                    + key.getEntity() + " item");
        }
        upsert(ViewTable.VIEW_ITEMS, viewItem(key, view));
        if (entityTable != null) {
            Map<String, Object> row = blank(entityTable);
            row.putAll(state(key, view));
            row.putAll(payloadColumns(view.getPayload()));
            upsert(entityTable, row);
        }
    }

    /** Every column of the table, null: what the record does not say is not carried over from an earlier state. */
    private static Map<String, Object> blank(ViewTable table) {
        Map<String, Object> row = new HashMap<>();
        table.columns().forEach(column -> row.put(column, null));
        return row;
    }

    private static Map<String, Object> viewItem(ViewKey key, ViewRecord view) {
        Map<String, Object> row = state(key, view);
        row.put("entity", key.getEntity().name());
        return row;
    }

    /** The columns every table has: the key (from the record key, which compaction goes by), both ids and the state. */
    private static Map<String, Object> state(ViewKey key, ViewRecord view) {
        Map<String, Object> row = new HashMap<>();
        row.put("connection_id", key.getConnectionId());
        row.put("canonical_id", key.getCanonicalId());
        row.put("scoro_id", view.getScoroId());
        row.put("xero_id", view.getXeroId());
        row.put("origin", view.getOrigin());
        row.put("owner", view.getOwner());
        row.put("sync_state", view.getSyncState());
        row.put("lifecycle", view.getLifecycle());
        row.put("payload_system", view.getPayloadSystem());
        row.put("last_outcome", view.getLastOutcome());
        row.put("message", view.getMessage());
        row.put("changed_at", utc(view.getChangedAt()));
        return row;
    }

    /**
     * The payload's fields under their column names. A view without a payload (a deleted item never read in full)
     * leaves them null, so the row still shows the item's state.
     */
    private static Map<String, Object> payloadColumns(Object payload) {
        Map<String, Object> row = new HashMap<>();
        if (payload instanceof Invoice invoice) {
            row.put("number", invoice.getNumber());
            row.put("reference", invoice.getReference());
            row.put("contact_ref", invoice.getContactRef());
            row.put("status", invoice.getStatus());
            row.put("date", invoice.getDate());
            row.put("due_date", invoice.getDueDate());
            row.put("currency", invoice.getCurrency());
            row.put("currency_rate", invoice.getCurrencyRate());
            row.put("sub_total", invoice.getSubTotal());
            row.put("total_tax", invoice.getTotalTax());
            row.put("total", invoice.getTotal());
            row.put("amount_due", invoice.getAmountDue());
            row.put("amount_paid", invoice.getAmountPaid());
            row.put("amount_credited", invoice.getAmountCredited());
        } else if (payload instanceof Contact contact) {
            row.put("name", contact.getName());
            row.put("number", contact.getNumber());
            row.put("email", contact.getEmail());
            row.put("is_customer", contact.getIsCustomer());
            row.put("is_supplier", contact.getIsSupplier());
            row.put("default_currency", contact.getDefaultCurrency());
            row.put("tax_number", contact.getTaxNumber());
            row.put("status", contact.getStatus());
        } else if (payload instanceof Payment payment) {
            row.put("kind", payment.getKind());
            row.put("document_entity", payment.getDocumentEntity());
            row.put("document_ref", payment.getDocumentRef());
            row.put("credit_entity", payment.getCreditEntity());
            row.put("credit_ref", payment.getCreditRef());
            row.put("bank_account_ref", payment.getBankAccountRef());
            row.put("contact_ref", payment.getContactRef());
            row.put("date", payment.getDate());
            row.put("amount", payment.getAmount());
            row.put("currency", payment.getCurrency());
            row.put("currency_rate", payment.getCurrencyRate());
            row.put("bank_amount", payment.getBankAmount());
            row.put("reference", payment.getReference());
            row.put("status", payment.getStatus());
            row.put("is_reconciled", payment.getIsReconciled());
        } else if (payload instanceof BankAccount account) {
            row.put("name", account.getName());
            row.put("code", account.getCode());
            row.put("account_number", account.getAccountNumber());
            row.put("currency_code", account.getCurrencyCode());
            row.put("status", account.getStatus());
        }
        return row;
    }

    private void upsert(ViewTable table, Map<String, Object> row) throws SQLException {
        PreparedStatement statement = upserts.get(table);
        List<String> columns = table.columns();
        if (!row.keySet().equals(new HashSet<>(columns))) {
            // A column named here but not in the table, or the reverse: a programming error every test would meet.
            throw new IllegalStateException(table.table() + " columns " + columns + " but row has " + row.keySet());
        }
        for (int i = 0; i < columns.size(); i++) {
            statement.setObject(i + 1, jdbc(row.get(columns.get(i))));
        }
        statement.executeUpdate();
    }

    private void delete(ViewTable table, Object... key) throws SQLException {
        PreparedStatement statement = deletes.get(table);
        for (int i = 0; i < key.length; i++) {
            statement.setObject(i + 1, key[i]);
        }
        statement.executeUpdate();
    }

    /** Avro enums are stored by name; decimals, dates and booleans as they are. */
    private static Object jdbc(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : upserts.values()) {
            statement.close();
        }
        for (PreparedStatement statement : deletes.values()) {
            statement.close();
        }
    }

    /** A record whose payload is of another entity than its key (e.g. a Bill on the invoice topic): a bad record. */
    static final class MisplacedPayloadException extends RuntimeException {
        MisplacedPayloadException(String message) {
            super(message);
        }
    }
}
