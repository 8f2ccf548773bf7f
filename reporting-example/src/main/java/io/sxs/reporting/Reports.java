package io.sxs.reporting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports over the mirrored view. Amounts are summed by DuckDB in DECIMAL and read as BigDecimal, and never
 * across currencies. A payload's references (contact_ref, bank_account_ref) are ids in its payload_system's id
 * space, so they join the referenced item's row on scoro_id or xero_id accordingly.
 */
final class Reports {

    /** Sales invoices still owed: authorised, not voided or deleted, something due. */
    private static final String OPEN_INVOICES = "i.status = 'AUTHORISED' AND i.lifecycle = 'ACTIVE' AND i.amount_due > 0";

    private final Connection connection;

    Reports(Connection connection) {
        this.connection = connection;
    }

    /** The join condition of a reference column to the referenced row's id in the referring row's payload system. */
    private static String references(String referring, String refColumn, String referenced) {
        return referenced + ".connection_id = " + referring + ".connection_id AND ((" + referring
                + ".payload_system = 'SCORO' AND " + referenced + ".scoro_id = " + referring + "." + refColumn + ") OR ("
                + referring + ".payload_system = 'XERO' AND " + referenced + ".xero_id = " + referring + "." + refColumn
                + "))";
    }

    /**
     * (1) Receivables ageing: open invoices' amount due per connection, customer and currency, by days past due as of
     * the given date (not yet due or undated is current; then 1-30, 31-60, 61-90, over 90), with a total per currency.
     */
    Report<AgeingRow> receivablesAgeing(LocalDate asOf) throws SQLException {
        String sql = """
                WITH open_invoices AS (
                  SELECT i.connection_id,
                         coalesce(c.name, '(contact ' || coalesce(i.contact_ref, 'none') || ')') AS customer,
                         coalesce(i.currency, '') AS currency,
                         i.amount_due,
                         CASE WHEN i.due_date IS NULL THEN 0 ELSE date_diff('day', i.due_date, ?::DATE) END AS days
                  FROM invoices i LEFT JOIN contacts c ON %s
                  WHERE %s)
                SELECT CASE WHEN grouping(connection_id) = 0 THEN connection_id END AS connection_id,
                       CASE WHEN grouping(customer) = 0 THEN customer END AS customer,
                       currency,
                       coalesce(sum(amount_due) FILTER (WHERE days <= 0), 0) AS current,
                       coalesce(sum(amount_due) FILTER (WHERE days BETWEEN 1 AND 30), 0) AS days_1_30,
                       coalesce(sum(amount_due) FILTER (WHERE days BETWEEN 31 AND 60), 0) AS days_31_60,
                       coalesce(sum(amount_due) FILTER (WHERE days BETWEEN 61 AND 90), 0) AS days_61_90,
                       coalesce(sum(amount_due) FILTER (WHERE days > 90), 0) AS over_90,
                       sum(amount_due) AS total
                FROM open_invoices
                GROUP BY GROUPING SETS ((connection_id, customer, currency), (currency))
                ORDER BY grouping(connection_id), currency, connection_id, customer
                """.formatted(references("i", "contact_ref", "c"), OPEN_INVOICES);
        List<AgeingRow> rows = query(sql, statement -> statement.setObject(1, asOf), r -> new AgeingRow(
                r.getString("connection_id"), r.getString("customer"), r.getString("currency"),
                money(r, "current"), money(r, "days_1_30"), money(r, "days_31_60"), money(r, "days_61_90"),
                money(r, "over_90"), money(r, "total")));
        return new Report<>("Receivables ageing as of " + asOf + " (open authorised invoices, amount due)",
                List.of(TextTable.Column.text("Connection"), TextTable.Column.text("Customer"),
                        TextTable.Column.text("Currency"), TextTable.Column.number("Current"),
                        TextTable.Column.number("1-30"), TextTable.Column.number("31-60"),
                        TextTable.Column.number("61-90"), TextTable.Column.number("90+"),
                        TextTable.Column.number("Total")),
                rows,
                row -> List.of(row.isTotal() ? "Total" : row.connectionId(), row.isTotal() ? "" : row.customer(),
                        row.currency(), text(row.current()), text(row.days1To30()), text(row.days31To60()),
                        text(row.days61To90()), text(row.over90()), text(row.total())),
                AgeingRow::isTotal);
    }

    /** (2) Invoices by month of their date and status, per currency: how many and their total. */
    Report<StatusMonthRow> invoicesByStatusAndMonth() throws SQLException {
        String sql = """
                SELECT strftime(date_trunc('month', date), '%Y-%m') AS month, coalesce(status, '') AS status,
                       coalesce(currency, '') AS currency, count(*) AS invoices, coalesce(sum(total), 0) AS total
                FROM invoices
                GROUP BY ALL
                ORDER BY month NULLS LAST, status, currency
                """;
        List<StatusMonthRow> rows = query(sql, statement -> { }, r -> new StatusMonthRow(
                r.getString("month") == null ? null : YearMonth.parse(r.getString("month")), r.getString("status"),
                r.getString("currency"), r.getLong("invoices"), money(r, "total")));
        return new Report<>("Invoices by month and status",
                List.of(TextTable.Column.text("Month"), TextTable.Column.text("Status"), TextTable.Column.text("Currency"),
                        TextTable.Column.number("Invoices"), TextTable.Column.number("Total")),
                rows,
                row -> List.of(row.month() == null ? "(no date)" : row.month().toString(), row.status(), row.currency(),
                        Long.toString(row.count()), text(row.total())),
                row -> false);
    }

    /**
     * (3) Payments per bank account of each connection and currency: how many and their net amount, refunds counted
     * out. Deleted payments and allocations (credit applied to a document, no money through a bank) are left out.
     */
    Report<BankAccountPaymentsRow> paymentsPerBankAccount() throws SQLException {
        String sql = """
                SELECT p.connection_id,
                       coalesce(b.name, '(bank account ' || coalesce(p.bank_account_ref, 'none') || ')') AS bank_account,
                       coalesce(p.currency, b.currency_code, '') AS currency,
                       count(*) AS payments,
                       sum(CASE WHEN p.kind = 'REFUND' THEN -p.amount ELSE p.amount END) AS net
                FROM payments p LEFT JOIN bank_accounts b ON %s
                WHERE p.status = 'AUTHORISED' AND p.lifecycle = 'ACTIVE' AND p.kind <> 'ALLOCATION'
                GROUP BY ALL
                ORDER BY p.connection_id, bank_account, currency
                """.formatted(references("p", "bank_account_ref", "b"));
        List<BankAccountPaymentsRow> rows = query(sql, statement -> { }, r -> new BankAccountPaymentsRow(
                r.getString("connection_id"), r.getString("bank_account"), r.getString("currency"),
                r.getLong("payments"), money(r, "net")));
        return new Report<>("Payments per bank account",
                List.of(TextTable.Column.text("Connection"), TextTable.Column.text("Bank account"),
                        TextTable.Column.text("Currency"), TextTable.Column.number("Payments"),
                        TextTable.Column.number("Net amount")),
                rows,
                row -> List.of(row.connectionId(), row.bankAccount(), row.currency(), Long.toString(row.count()),
                        text(row.net())),
                row -> false);
    }

    /** (4) Items whose sync is FAILED or BLOCKED, of every entity, with what the pipeline said about them. */
    Report<FailingItemRow> failingSync() throws SQLException {
        String sql = """
                SELECT connection_id, entity, canonical_id, scoro_id, xero_id, sync_state, last_outcome, message, changed_at
                FROM view_items
                WHERE sync_state IN ('FAILED', 'BLOCKED')
                ORDER BY connection_id, entity, canonical_id
                """;
        List<FailingItemRow> rows = query(sql, statement -> { }, r -> new FailingItemRow(
                r.getString("connection_id"), r.getString("entity"), r.getString("canonical_id"),
                r.getString("scoro_id"), r.getString("xero_id"), r.getString("sync_state"), r.getString("last_outcome"),
                r.getString("message"), r.getObject("changed_at", LocalDateTime.class)));
        return new Report<>("Items failing sync",
                List.of(TextTable.Column.text("Connection"), TextTable.Column.text("Entity"),
                        TextTable.Column.text("Canonical id"), TextTable.Column.text("Scoro id"),
                        TextTable.Column.text("Xero id"), TextTable.Column.text("State"),
                        TextTable.Column.text("Last outcome"), TextTable.Column.text("Changed at (UTC)"),
                        TextTable.Column.text("Message")),
                rows,
                row -> List.of(row.connectionId(), row.entity(), row.canonicalId(), nonNull(row.scoroId()),
                        nonNull(row.xeroId()), row.syncState(), nonNull(row.lastOutcome()),
                        row.changedAtUtc() == null ? "" : row.changedAtUtc().toString(), nonNull(row.message())),
                row -> false);
    }

    /** Every report, in the order the command prints them. */
    List<Report<?>> all(LocalDate asOf) throws SQLException {
        return List.of(receivablesAgeing(asOf), invoicesByStatusAndMonth(), paymentsPerBankAccount(), failingSync());
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    private <R> List<R> query(String sql, Binder binder, RowReader<R> reader) throws SQLException {
        List<R> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.commit(); // end the read's transaction, so the next report sees the latest writes
            }
        }
        return rows;
    }

    /** Sums keep the columns' scale 2; the scale is set anyway so that 0 from coalesce reads as 0.00 too. */
    private static BigDecimal money(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
