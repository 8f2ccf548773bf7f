package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Receipts (payments): a group paid into a receipt account, split over invoices. Each invoice's paid_sum is the
 * sum of its live receipts; it is "paid" when nothing is receivable. A receipt may not exceed what is receivable.
 */
final class ScoroReceiptService {

    private ScoroReceiptService() {
    }

    static ScoroReceiptGroup write(ScoroCompanyState st, ScoroReceiptGroup cur, JsonNode in, Instant now, LocalDate today) {
        List<String> errors = new ArrayList<>();
        String docType = in.has("sales_doc_type") ? Json.str(in, "sales_doc_type") : cur == null ? "invoices" : cur.salesDocType();
        ScoroDocKind kind = ScoroDocKind.ofModule(String.valueOf(docType));
        if (kind == null || kind == ScoroDocKind.PREPAYMENT) {
            errors.add("sales_doc_type must be 'invoices' or 'bills' (expenses are not simulated by the sandbox)");
            kind = ScoroDocKind.INVOICE;
        }
        Long accountId = cur == null ? null : cur.receiptAccountId();
        if (in.has("receipt_account_id")) {
            accountId = in.get("receipt_account_id").isNull() ? null : in.get("receipt_account_id").asLong();
        }
        ScoroRecord account = accountId == null ? null : st.records("receiptAccounts").get(accountId);
        if (account == null || account.isDeleted()) {
            errors.add("receipt_account_id: receipt account " + accountId + " does not exist");
        }
        LocalDate date = cur == null ? today : cur.date();
        try {
            if (in.hasNonNull("date")) {
                date = ScoroDates.date(in.get("date").asText());
            }
        } catch (IllegalArgumentException e) {
            errors.add("date " + e.getMessage());
        }
        Long contactId = cur == null ? null : cur.contactId();
        if (in.hasNonNull("contact_id")) {
            contactId = in.get("contact_id").asLong();
            ScoroContact c = st.contacts.get(contactId);
            if (c == null || c.isDeleted()) {
                errors.add("contact_id: contact " + contactId + " does not exist");
            }
        }
        List<ScoroReceiptGroup.Receipt> receipts = cur == null ? List.of() : cur.receipts();
        String currency = cur == null ? null : cur.currency();
        if (in.has("receipts")) {
            receipts = new ArrayList<>();
            JsonNode arr = in.get("receipts");
            if (!arr.isArray() || arr.isEmpty()) {
                errors.add("receipts must be a non-empty array");
            } else {
                Map<Long, BigDecimal> perInvoice = new HashMap<>();
                int i = 0;
                for (JsonNode r : arr) {
                    String at = "receipts[" + i++ + "]";
                    boolean toPrepayment = r.path("prepayment_id").asLong(0) != 0;
                    ScoroDocKind docKind = toPrepayment ? ScoroDocKind.PREPAYMENT : kind;
                    long invoiceId = toPrepayment ? r.get("prepayment_id").asLong() : r.path("invoice_id").asLong(0);
                    ScoroInvoice inv = docKind.docs(st).get(invoiceId);
                    BigDecimal sum;
                    try {
                        sum = Json.dec(r, "sum");
                    } catch (NumberFormatException e) {
                        sum = null;
                    }
                    if (inv == null || inv.isDeleted()) {
                        errors.add(at + (toPrepayment ? ".prepayment_id: " : ".invoice_id: ") + docKind.label.toLowerCase()
                                + " " + invoiceId + " does not exist");
                        continue;
                    }
                    if (sum == null || sum.signum() <= 0) {
                        errors.add(at + ".sum must be a number greater than zero");
                        continue;
                    }
                    sum = Money.round2(sum);
                    BigDecimal already = paidBy(st, docKind, invoiceId, cur == null ? -1 : cur.id());
                    BigDecimal total = perInvoice.merge(docKind.ordinal() * 1_000_000_000L + invoiceId, sum, BigDecimal::add);
                    if (already.add(total).compareTo(inv.total()) > 0) {
                        errors.add(at + ".sum: receipts exceed the sum receivable on " + docKind.label.toLowerCase() + " " + invoiceId);
                    }
                    LocalDate rd = date;
                    if (r.hasNonNull("date")) {
                        try {
                            rd = ScoroDates.date(r.get("date").asText());
                        } catch (IllegalArgumentException e) {
                            errors.add(at + ".date " + e.getMessage());
                        }
                    }
                    if (contactId == null) {
                        contactId = inv.companyId();
                    }
                    if (currency == null) {
                        currency = inv.currency();
                    }
                    long receiptId = r.hasNonNull("receipt_id") && r.get("receipt_id").asLong() != 0
                            ? r.get("receipt_id").asLong() : st.nextId("receipt");
                    receipts.add(new ScoroReceiptGroup.Receipt(receiptId, rd, docKind, invoiceId, sum, inv.companyId()));
                }
            }
        } else if (cur == null) {
            errors.add("receipts is required");
        }
        if (in.hasNonNull("currency")) {
            currency = in.get("currency").asText();
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        ScoroReceiptGroup saved = new ScoroReceiptGroup(cur == null ? st.nextId("receipts") : cur.id(), date, contactId,
                currency == null ? "GBP" : currency, docType, accountId, List.copyOf(receipts),
                cur == null ? now : cur.created(), now, null);
        st.receipts.put(saved.id(), saved);
        if (cur != null) {
            settle(st, cur, now);
        }
        settle(st, saved, now);
        return saved;
    }

    static void delete(ScoroCompanyState st, long id, Instant now) {
        ScoroReceiptGroup g = live(st, id);
        st.receipts.put(id, new ScoroReceiptGroup(g.id(), g.date(), g.contactId(), g.currency(), g.salesDocType(),
                g.receiptAccountId(), g.receipts(), g.created(), now, now));
        settle(st, g, now);
    }

    static ScoroReceiptGroup live(ScoroCompanyState st, long id) {
        ScoroReceiptGroup g = st.receipts.get(id);
        if (g == null || g.isDeleted()) {
            throw new SandboxNotFoundException("Receipt " + id + " not found");
        }
        return g;
    }

    private static BigDecimal paidBy(ScoroCompanyState st, ScoroDocKind kind, long invoiceId, long exceptGroup) {
        BigDecimal paid = Money.zero2();
        for (ScoroReceiptGroup g : st.receipts.values()) {
            if (g.isDeleted() || g.id() == exceptGroup) {
                continue;
            }
            for (ScoroReceiptGroup.Receipt r : g.receipts()) {
                if (r.kind() == kind && r.docId() == invoiceId) {
                    paid = paid.add(r.sum());
                }
            }
        }
        return paid;
    }

    /** Recomputes paid_sum of the documents a group pays from their live receipts (bumps their modified_date). */
    private static void settle(ScoroCompanyState st, ScoroReceiptGroup g, Instant now) {
        for (ScoroReceiptGroup.Receipt r : g.receipts()) {
            ScoroInvoice inv = r.kind().docs(st).get(r.docId());
            if (inv != null) {
                st.saveDocument(r.kind(), inv.withPaidSum(paidBy(st, r.kind(), r.docId(), -1), now));
            }
        }
    }

    static ObjectNode render(ScoroReceiptGroup g) {
        ObjectNode o = Json.object();
        o.put("id", g.id());
        o.put("date", g.date().toString());
        if (g.contactId() == null) {
            o.putNull("contact_id");
        } else {
            o.put("contact_id", g.contactId());
        }
        o.put("sum", g.sum());
        o.put("currency", g.currency());
        o.put("sales_doc_type", g.salesDocType());
        o.put("receipt_account_id", g.receiptAccountId());
        ArrayNode rs = o.putArray("receipts");
        for (ScoroReceiptGroup.Receipt r : g.receipts()) {
            ObjectNode n = rs.addObject();
            n.put("receipt_id", r.receiptId());
            n.put("date", r.date().toString());
            if (r.kind() == ScoroDocKind.PREPAYMENT) {
                n.putNull("invoice_id");
                n.put("prepayment_id", r.docId());
            } else {
                n.put("invoice_id", r.docId());
                n.putNull("prepayment_id");
            }
            n.put("sum", r.sum());
            n.put("sales_doc_type", g.salesDocType());
            n.put("contact_id", r.contactId());
        }
        o.put("modified_date", ScoroDates.document(g.modified()));
        o.put("created_date", ScoroDates.document(g.created()));
        o.put("is_deleted", g.isDeleted() ? 1 : 0);
        o.put("deleted_date", ScoroDates.iso(g.deleted()));
        return o;
    }
}
