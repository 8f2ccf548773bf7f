package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invoice rules: partial modify, whole-set line replacement, references that must exist, unique numbers,
 * and sums computed per line (rounded, then summed) exactly as Xero computes tax, so totals agree.
 */
final class ScoroInvoiceService {

    private static final Set<String> PAYMENT_TYPES = Set.of("banktransfer", "cash", "cardpayment", "credit", "barter");

    private ScoroInvoiceService() {
    }

    private static final List<String> BILL_TEXT = List.of("dateofpayment", "recognition_date");
    /** Document-level discounts in percent, applied one after the other (API notes: discount, discount2, discount3). */
    static final List<String> HEADER_DISCOUNTS = List.of("discount", "discount2", "discount3");
    private static final List<String> BILL_IDS = List.of("purchase_order_id");

    static ScoroInvoice write(ScoroCompanyState st, ScoroInvoice cur, JsonNode in, Instant now, LocalDate today) {
        return write(st, ScoroDocKind.INVOICE, cur, in, now, today);
    }

    /** Bills differ from invoices: numbers are the supplier's (neither unique nor generated) and extra dates apply. */
    static ScoroInvoice write(ScoroCompanyState st, ScoroDocKind kind, ScoroInvoice cur, JsonNode in, Instant now,
                              LocalDate today) {
        List<String> errors = new ArrayList<>();
        boolean bill = kind == ScoroDocKind.BILL;

        Long companyId = cur == null ? null : cur.companyId();
        if (in.has("company_id")) {
            companyId = id(in, "company_id", errors);
        }
        if (companyId == null) {
            errors.add("company_id is required");
        } else if (!liveContact(st, companyId)) {
            errors.add("company_id: contact " + companyId + " does not exist");
        }
        Long personId = in.has("person_id") ? id(in, "person_id", errors) : cur == null ? null : cur.personId();
        if (personId != null && personId != 0 && !liveContact(st, personId)) {
            errors.add("person_id: contact " + personId + " does not exist");
        }
        Long projectId = in.has("project_id") ? id(in, "project_id", errors) : cur == null ? null : cur.projectId();
        Long ownerId = in.has("owner_id") ? id(in, "owner_id", errors) : cur == null ? null : cur.ownerId();

        String no = cur == null ? null : cur.no();
        if (in.has("no")) {
            no = Json.str(in, "no");
            no = no == null ? null : no.trim();
        }
        if (bill) {
            no = no == null ? "" : no;
        } else if (no == null || no.isEmpty()) {
            no = st.nextNumber(kind);
        } else {
            Long owner = st.liveDocumentWithNumber(kind, no);
            if (owner != null && (cur == null || owner != cur.id())) {
                errors.add("no: invoice number " + no + " is already in use");
            }
        }

        LocalDate date = cur == null ? today : cur.date();
        LocalDate deadline = cur == null ? null : cur.deadline();
        try {
            if (in.hasNonNull("date")) {
                date = ScoroDates.date(in.get("date").asText());
            }
            if (in.has("deadline")) {
                deadline = in.get("deadline").isNull() ? null : ScoroDates.date(in.get("deadline").asText());
            }
        } catch (IllegalArgumentException e) {
            errors.add("date and deadline " + e.getMessage());
        }
        if (deadline == null) {
            deadline = date;
        }

        String currency = cur == null ? "GBP" : cur.currency();
        if (in.hasNonNull("currency")) {
            currency = in.get("currency").asText().toUpperCase();
            if (!currency.matches("[A-Z]{3}")) {
                errors.add("currency must be an ISO 4217 code");
            }
        }
        BigDecimal rate = cur == null ? new BigDecimal("1.000000") : cur.currencyRate();
        BigDecimal rateIn = decimal(in, "currency_rate", errors);
        if (rateIn != null) {
            rate = rateIn.setScale(6, RoundingMode.HALF_UP);
        }
        Long vatCodeId = in.has("vat_code_id") ? id(in, "vat_code_id", errors) : cur == null ? null : cur.vatCodeId();
        if (vatCodeId != null && !st.vatCodes.containsKey(vatCodeId)) {
            errors.add("vat_code_id: VAT code " + vatCodeId + " does not exist");
        }
        boolean sent = cur != null && cur.sent();
        if (in.has("is_sent")) {
            try {
                Boolean b = Json.bool(in, "is_sent");
                sent = b != null && b;
            } catch (IllegalArgumentException e) {
                errors.add("is_sent must be 1 or 0");
            }
        }
        String paymentType = in.has("payment_type") ? Json.str(in, "payment_type") : cur == null ? "banktransfer" : cur.paymentType();
        if (paymentType != null && !PAYMENT_TYPES.contains(paymentType)) {
            errors.add("payment_type must be one of " + PAYMENT_TYPES);
        }
        String referenceNo = in.has("reference_no") ? Json.str(in, "reference_no") : cur == null ? null : cur.referenceNo();
        String description = in.has("description") ? Json.str(in, "description") : cur == null ? null : cur.description();
        List<Long> credited = cur == null ? List.of() : cur.creditedInvoices();
        if (in.has("credited_invoices") && kind == ScoroDocKind.INVOICE) {
            credited = new ArrayList<>();
            JsonNode ci = in.get("credited_invoices");
            if (!ci.isArray()) {
                errors.add("credited_invoices must be an array of invoice ids");
            } else {
                for (JsonNode n : ci) {
                    long cid = n.asLong();
                    ScoroInvoice target = st.invoices.get(cid);
                    if (target == null || target.isDeleted()) {
                        errors.add("credited_invoices: invoice " + n.asText() + " does not exist");
                    }
                    credited.add(cid);
                }
            }
        }

        List<ScoroInvoiceLine> lines = cur == null ? List.of() : cur.lines();
        if (in.has("lines")) {
            lines = lines(st, cur, in.get("lines"), vatCodeId, errors);
        }
        ObjectNode extra = cur == null || cur.extra() == null ? Json.object() : cur.extra().deepCopy();
        if (bill) {
            for (String f : BILL_TEXT) {
                if (in.has(f)) {
                    try {
                        extra.put(f, in.get(f).isNull() ? null : ScoroDates.date(in.get(f).asText()).toString());
                    } catch (IllegalArgumentException e) {
                        errors.add(f + " " + e.getMessage());
                    }
                }
            }
            for (String f : BILL_IDS) {
                if (in.has(f)) {
                    Long v = id(in, f, errors);
                    if (v == null) {
                        extra.putNull(f);
                    } else {
                        extra.put(f, v);
                    }
                }
            }
            if (in.has("is_chargeable")) {
                Boolean b = Json.bool(in, "is_chargeable");
                extra.put("is_chargeable", b != null && b ? 1 : 0);
            }
        }
        for (String f : HEADER_DISCOUNTS) {
            if (in.has(f)) {
                BigDecimal d = in.get(f).isNull() ? BigDecimal.ZERO : decimal(in, f, errors);
                if (d != null && (d.signum() < 0 || d.compareTo(Money.HUNDRED) > 0)) {
                    errors.add(f + " must be between 0 and 100");
                }
                extra.put(f, d == null ? BigDecimal.ZERO : d);
            }
        }
        if (kind == ScoroDocKind.PREPAYMENT) {
            if (in.has("prepayment_percent")) {
                BigDecimal pct = decimal(in, "prepayment_percent", errors);
                if (pct != null && (pct.signum() < 0 || pct.compareTo(Money.HUNDRED) > 0)) {
                    errors.add("prepayment_percent must be between 0 and 100");
                }
                extra.put("prepayment_percent", pct);
            }
            for (String f : List.of("quote_id", "order_id")) {
                if (in.has(f)) {
                    Long v = id(in, f, errors);
                    if (v == null) {
                        extra.putNull(f);
                    } else {
                        extra.put(f, v);
                    }
                }
            }
        }
        if (kind == ScoroDocKind.INVOICE && in.has("prepayment_id")) {
            ArrayNode ids = extra.putArray("prepayment_id");
            JsonNode given = in.get("prepayment_id");
            for (JsonNode n : given.isArray() ? given : Json.array().add(given)) {
                ScoroInvoice p = st.prepayments.get(n.asLong());
                if (p == null || p.isDeleted()) {
                    errors.add("prepayment_id: prepayment " + n.asText() + " does not exist");
                }
                ids.add(n.asLong());
            }
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        BigDecimal sum = Money.zero2();
        BigDecimal vatSum = Money.zero2();
        BigDecimal factor = headerFactor(extra);
        for (ScoroInvoiceLine l : lines) {
            BigDecimal net = Money.round2(l.sum().multiply(factor));
            sum = sum.add(net);
            vatSum = vatSum.add(Money.taxExclusive(net, l.vat()));
        }
        ScoroInvoice saved = new ScoroInvoice(cur == null ? (kind == ScoroDocKind.INVOICE ? st.nextInvoiceId() : st.nextId(kind.module))
                : cur.id(), no, companyId, personId,
                projectId, ownerId, date, deadline, currency, rate, vatCodeId, sent, paymentType, referenceNo,
                description, List.copyOf(credited), List.copyOf(lines), sum, vatSum,
                cur == null ? Money.zero2() : cur.paidSum(), cur == null ? now : cur.created(), now, null, extra);
        st.saveDocument(kind, saved);
        return saved;
    }

    /**
     * The document-level discounts (percent) applied one after the other to every line's net; each discounted line
     * net is rounded to cents, then taxed and summed (the sandbox's choice: Scoro does not document the order).
     */
    static BigDecimal headerFactor(ObjectNode extra) {
        BigDecimal factor = BigDecimal.ONE;
        for (String f : HEADER_DISCOUNTS) {
            JsonNode d = extra == null ? null : extra.get(f);
            if (d != null && d.isNumber() && d.decimalValue().signum() != 0) {
                factor = factor.multiply(Money.HUNDRED.subtract(d.decimalValue())).divide(Money.HUNDRED);
            }
        }
        return factor;
    }

    private static boolean liveContact(ScoroCompanyState st, long id) {
        ScoroContact c = st.contacts.get(id);
        return c != null && !c.isDeleted();
    }

    /** Sending lines replaces the set: lines with a known id are updated, lines without one are new, others deleted. */
    private static List<ScoroInvoiceLine> lines(ScoroCompanyState st, ScoroInvoice cur, JsonNode arr, Long headerVat,
                                                List<String> errors) {
        List<ScoroInvoiceLine> out = new ArrayList<>();
        if (!arr.isArray()) {
            errors.add("lines must be an array");
            return out;
        }
        Map<Long, ScoroInvoiceLine> existing = new HashMap<>();
        if (cur != null) {
            cur.lines().forEach(l -> existing.put(l.id(), l));
        }
        int index = 0;
        for (JsonNode l : arr) {
            String at = "lines[" + index++ + "]";
            if (!l.isObject()) {
                errors.add(at + " must be an object");
                continue;
            }
            ScoroInvoiceLine prev = null;
            if (l.hasNonNull("id") && l.get("id").asLong() != 0) {
                prev = existing.remove(l.get("id").asLong());
                if (prev == null) {
                    errors.add(at + ".id: line " + l.get("id").asText() + " does not belong to this invoice");
                    continue;
                }
            }
            int before = errors.size();
            BigDecimal price = l.has("price") ? decimal(l, "price", errors) : prev == null ? null : prev.price();
            BigDecimal amount = l.has("amount") ? decimal(l, "amount", errors) : prev == null ? null : prev.amount();
            BigDecimal discount = l.has("discount") ? decimal(l, "discount", errors) : prev == null ? null : prev.discount();
            Long vatCodeId = l.has("vat_code_id") ? id(l, "vat_code_id", errors) : prev == null ? headerVat : prev.vatCodeId();
            Long accountId = l.has("finance_account_id") ? id(l, "finance_account_id", errors)
                    : prev == null ? null : prev.financeAccountId();
            Long objectId = l.has("finance_object_id") ? id(l, "finance_object_id", errors)
                    : prev == null ? null : prev.financeObjectId();
            Long productId = l.has("product_id") ? id(l, "product_id", errors) : prev == null ? null : prev.productId();
            Long projectId = l.has("project_id") ? id(l, "project_id", errors) : prev == null ? null : prev.projectId();
            String comment = l.has("comment") ? Json.str(l, "comment") : prev == null ? null : prev.comment();
            String comment2 = l.has("comment2") ? Json.str(l, "comment2") : prev == null ? null : prev.comment2();
            String unit = l.has("unit") ? Json.str(l, "unit") : prev == null ? null : prev.unit();
            if (errors.size() > before) {
                continue;
            }
            price = price == null ? BigDecimal.ZERO : price;
            amount = amount == null ? BigDecimal.ONE : amount;
            discount = discount == null ? BigDecimal.ZERO : discount;
            if (discount.signum() < 0 || discount.compareTo(Money.HUNDRED) > 0) {
                errors.add(at + ".discount must be between 0 and 100");
            }
            BigDecimal vat = BigDecimal.ZERO.setScale(2);
            if (vatCodeId != null && vatCodeId != 0) {
                ScoroVatCode code = st.vatCodes.get(vatCodeId);
                if (code == null) {
                    errors.add(at + ".vat_code_id: VAT code " + vatCodeId + " does not exist");
                } else {
                    vat = code.percent();
                }
            } else {
                vatCodeId = null;
            }
            if (accountId != null && accountId != 0 && !st.financeAccounts.containsKey(accountId)) {
                errors.add(at + ".finance_account_id: finance account " + accountId + " does not exist");
            }
            price = decimals(price, 2, 4);
            // Quantities keep up to 6 decimals (the sandbox's choice; Xero keeps 4), so a reader meets the case.
            amount = decimals(amount, 2, 6);
            out.add(new ScoroInvoiceLine(prev == null ? st.nextLineId() : prev.id(), productId, comment, comment2,
                    price, amount, discount, unit, vatCodeId, vat, accountId == null || accountId == 0 ? null : accountId,
                    objectId, projectId, Money.lineNet(price, amount, discount)));
        }
        return out;
    }

    /** Keeps at least {@code min} and at most {@code max} decimals (e.g. 12.5 → 12.50, 1.23456 → 1.2346). */
    private static BigDecimal decimals(BigDecimal v, int min, int max) {
        BigDecimal r = v.setScale(Math.min(max, Math.max(min, v.scale())), RoundingMode.HALF_UP);
        return r;
    }

    private static Long id(JsonNode in, String field, List<String> errors) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().trim().matches("\\d+")) {
            return Long.parseLong(v.asText().trim());
        }
        if (v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        errors.add(field + " must be an integer");
        return null;
    }

    private static BigDecimal decimal(JsonNode in, String field, List<String> errors) {
        try {
            return Json.dec(in, field);
        } catch (NumberFormatException e) {
            errors.add(field + " must be a number");
            return null;
        }
    }

    static ScoroInvoice live(ScoroCompanyState st, long id) {
        return live(st, ScoroDocKind.INVOICE, id);
    }

    static ScoroInvoice live(ScoroCompanyState st, ScoroDocKind kind, long id) {
        ScoroInvoice i = kind.docs(st).get(id);
        if (i == null || i.isDeleted()) {
            throw new SandboxNotFoundException(kind.label + " " + id + " not found");
        }
        return i;
    }

    static void delete(ScoroCompanyState st, long id, Instant now) {
        delete(st, ScoroDocKind.INVOICE, id, now);
    }

    static void delete(ScoroCompanyState st, ScoroDocKind kind, long id, Instant now) {
        ScoroInvoice i = live(st, kind, id);
        st.saveDocument(kind, new ScoroInvoice(i.id(), i.no(), i.companyId(), i.personId(), i.projectId(), i.ownerId(),
                i.date(), i.deadline(), i.currency(), i.currencyRate(), i.vatCodeId(), i.sent(), i.paymentType(),
                i.referenceNo(), i.description(), i.creditedInvoices(), i.lines(), i.sum(), i.vatSum(), i.paidSum(),
                i.created(), now, now, i.extra()));
    }

    /** As view returns it; {@code withLines} false gives the list shape ("lines": null). */
    static ObjectNode render(ScoroCompanyState st, ScoroInvoice i, boolean withLines) {
        return render(st, ScoroDocKind.INVOICE, i, withLines);
    }

    static ObjectNode render(ScoroCompanyState st, ScoroDocKind kind, ScoroInvoice i, boolean withLines) {
        boolean bill = kind == ScoroDocKind.BILL;
        ObjectNode o = Json.object();
        o.put("id", i.id());
        o.put("no", i.no());
        o.put("account_id", st.companyAccountId);
        putId(o, "company_id", i.companyId());
        putId(o, "person_id", i.personId());
        putId(o, "project_id", i.projectId());
        putId(o, "owner_id", i.ownerId());
        o.put("date", i.date().toString());
        o.put("deadline", i.deadline() == null ? null : i.deadline().toString());
        o.put("currency", i.currency());
        o.put("currency_rate", i.currencyRate());
        o.put("sum", i.sum());
        o.put("vat_sum", i.vatSum());
        for (String f : HEADER_DISCOUNTS) {
            o.put(f, i.extra() != null && i.extra().has(f) ? i.extra().get(f).decimalValue() : BigDecimal.ZERO);
        }
        ScoroVatCode header = i.vatCodeId() == null ? null : st.vatCodes.get(i.vatCodeId());
        if (header == null) {
            o.putNull("vat");
        } else {
            o.put("vat", header.percent());
        }
        putId(o, "vat_code_id", i.vatCodeId());
        BigDecimal total = i.total();
        o.put("status", i.paidSum().compareTo(total) >= 0 && total.signum() > 0 ? "paid" : "unpaid");
        if (!bill) {
            o.put("is_sent", i.sent() ? 1 : 0);
        }
        o.put("payment_type", i.paymentType());
        o.put("reference_no", i.referenceNo());
        o.put("description", i.description());
        o.put("paid_sum", i.paidSum());
        o.put("receivable_sum", i.receivableSum());
        if (bill) {
            for (String f : List.of("dateofpayment", "recognition_date", "purchase_order_id")) {
                o.set(f, i.extra() != null && i.extra().has(f) ? i.extra().get(f) : null);
            }
            o.put("is_chargeable", i.extra() == null ? 0 : i.extra().path("is_chargeable").asInt(0));
        } else if (kind == ScoroDocKind.PREPAYMENT) {
            for (String f : List.of("prepayment_percent", "quote_id", "order_id")) {
                o.set(f, i.extra() != null && i.extra().has(f) ? i.extra().get(f) : null);
            }
        } else {
            o.put("prepayment_sum", Money.zero2());
            ArrayNode credited = o.putArray("credited_invoices");
            i.creditedInvoices().forEach(credited::add);
            o.putArray("quote_id");
            o.putArray("order_id");
            o.set("prepayment_id", i.extra() != null && i.extra().has("prepayment_id") ? i.extra().get("prepayment_id") : Json.array());
            o.put("generation_type", "manual");
        }
        o.put("modified_date", ScoroDates.document(i.modified()));
        o.put("created_date", ScoroDates.document(i.created()));
        o.put("is_deleted", i.isDeleted() ? 1 : 0);
        o.put("deleted_date", ScoroDates.iso(i.deleted()));
        if (!withLines) {
            o.putNull("lines");
            return o;
        }
        ArrayNode lines = o.putArray("lines");
        for (ScoroInvoiceLine l : i.lines()) {
            ObjectNode n = lines.addObject();
            n.put("id", l.id());
            putId(n, "product_id", l.productId());
            n.put("comment", l.comment());
            n.put("comment2", l.comment2());
            n.put("price", l.price());
            n.put("amount", l.amount());
            n.put("discount", l.discount());
            n.put("sum", l.sum());
            n.put("unit", l.unit());
            n.put("vat", l.vat());
            putId(n, "vat_code_id", l.vatCodeId());
            ScoroFinanceAccount a = l.financeAccountId() == null ? null : st.financeAccounts.get(l.financeAccountId());
            putId(n, "finance_account_id", l.financeAccountId());
            n.put("finance_account_symbol", a == null ? null : a.symbol());
            n.put("finance_account_name", a == null ? null : a.name());
            putId(n, "finance_object_id", l.financeObjectId());
            putId(n, "project_id", l.projectId());
        }
        return o;
    }

    private static void putId(ObjectNode o, String field, Long v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }
}
