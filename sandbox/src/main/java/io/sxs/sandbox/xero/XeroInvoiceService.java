package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
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
import java.util.UUID;

/**
 * Invoice rules: validation against the tenant's accounts and tax rates, per-line tax rounding,
 * line replacement by LineItemID, ACCREC number uniqueness and the status machine.
 */
final class XeroInvoiceService {

    static final String NOT_VALID_STATUS = "Invoice not of valid status for modification";
    static final String LOCKED = "The document date is on or before the organisation's period lock date; "
            + "documents in a locked period cannot be created or changed.";
    private static final Set<String> STATUSES = Set.of("DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "VOIDED", "DELETED");
    private static final Set<String> FINAL = Set.of("PAID", "VOIDED", "DELETED");

    private XeroInvoiceService() {
    }

    /**
     * Validates and applies one invoice element (create when {@code cur} is null), stores it and returns it.
     *
     * @param unitDp 2, or 4 when the request carried unitdp=4
     */
    static XeroInvoice write(XeroTenantState st, XeroInvoice cur, JsonNode in, int unitDp, Instant now, LocalDate today) {
        return write(st, XeroDocKind.INVOICE, cur, in, unitDp, now, today);
    }

    static XeroInvoice write(XeroTenantState st, XeroDocKind kind, XeroInvoice cur, JsonNode in, int unitDp, Instant now,
                             LocalDate today) {
        if (cur != null && FINAL.contains(cur.status())) {
            throw new SandboxValidationException(kind.notValidStatus());
        }
        if (cur != null && locked(st, cur.date())) {
            throw new SandboxValidationException(LOCKED);
        }
        List<String> errors = new ArrayList<>();

        String type = Json.str(in, "Type");
        if (cur == null) {
            if (type == null || type.isBlank()) {
                errors.add("Invoice Type must be specified");
            } else if (!kind.types.contains(type)) {
                errors.add("'" + type + "' is not a valid " + kind.label + " Type; use one of " + kind.types);
            }
        } else {
            if (type != null && !type.equals(cur.type())) {
                errors.add("The Type of an existing invoice cannot be changed");
            }
            type = cur.type();
        }

        String status = cur == null ? "DRAFT" : cur.status();
        String requested = Json.str(in, "Status");
        if (requested != null) {
            if (!STATUSES.contains(requested)) {
                errors.add("'" + requested + "' is not a valid invoice Status");
            } else {
                String transitionError = transitionError(kind, cur, requested);
                if (transitionError != null) {
                    throw new SandboxValidationException(transitionError);
                }
                status = requested;
            }
        }
        if (cur != null && "AUTHORISED".equals(cur.status()) && cur.hasPaymentsOrCredits()) {
            throw new SandboxValidationException(
                    "This document cannot be edited as it has a payment or credit note allocated to it.");
        }
        // A delete or void only changes the status.
        if (cur != null && errors.isEmpty() && ("DELETED".equals(status) || "VOIDED".equals(status))) {
            return store(st, kind, copyWithStatus(cur, status, now));
        }

        String contactId = cur == null ? null : cur.contactId();
        if (in.has("Contact")) {
            XeroContact c = XeroContactService.resolve(st, in.get("Contact"));
            if (c == null) {
                errors.add("The contact specified could not be found. Specify an existing ContactID, ContactNumber or Name.");
            } else {
                contactId = c.contactId;
            }
        } else if (cur == null) {
            errors.add("A Contact must be specified for this type of transaction");
        }

        String number = cur == null ? null : cur.invoiceNumber();
        if (in.has(kind.numberField)) {
            number = Json.str(in, kind.numberField);
            number = number == null ? null : number.trim();
        }
        if (number != null && number.length() > 255) {
            errors.add(kind.numberField + " must not be more than 255 characters long.");
        }
        if (kind.salesType.equals(type)) {
            if (number == null || number.isEmpty()) {
                number = st.nextNumber(kind);
            } else if (numberTaken(st, kind, number, cur)) {
                errors.add(kind == XeroDocKind.INVOICE ? "Invoice # must be unique." : "Credit Note # must be unique.");
            }
        } else if (number == null) {
            number = "";
        }

        LocalDate date = cur == null ? today : cur.date();
        LocalDate dueDate = cur == null ? null : cur.dueDate();
        try {
            if (in.hasNonNull("Date")) {
                date = XeroDates.parseDate(in.get("Date").asText());
            }
            if (in.has("DueDate")) {
                dueDate = in.get("DueDate").isNull() ? null : XeroDates.parseDate(in.get("DueDate").asText());
            }
        } catch (IllegalArgumentException e) {
            errors.add("Dates must be in the format YYYY-MM-DD");
        }

        String lineAmountTypes = cur == null ? "Exclusive" : cur.lineAmountTypes();
        String lat = Json.str(in, "LineAmountTypes");
        if (lat != null) {
            lineAmountTypes = switch (lat.toUpperCase()) {
                case "EXCLUSIVE" -> "Exclusive";
                case "INCLUSIVE" -> "Inclusive";
                case "NOTAX" -> "NoTax";
                default -> {
                    errors.add("LineAmountTypes must be Exclusive, Inclusive or NoTax");
                    yield lineAmountTypes;
                }
            };
        }

        String currency = cur == null ? "GBP" : cur.currencyCode();
        BigDecimal currencyRate = cur == null ? new BigDecimal("1.000000") : cur.currencyRate();
        if (in.hasNonNull("CurrencyCode")) {
            currency = in.get("CurrencyCode").asText();
            if (!st.currencies.containsKey(currency)) {
                errors.add("The currency '" + currency + "' is not enabled for this organisation.");
            } else if (!currency.equals(cur == null ? null : cur.currencyCode()) && !in.hasNonNull("CurrencyRate")) {
                currencyRate = XeroCurrencies.defaultRate(currency);
            }
        }
        try {
            BigDecimal r = Json.dec(in, "CurrencyRate");
            if (r != null) {
                currencyRate = r.setScale(6, RoundingMode.HALF_UP);
            }
        } catch (NumberFormatException e) {
            errors.add("CurrencyRate must be a number");
        }
        String reference = in.has("Reference") ? Json.str(in, "Reference") : cur == null ? null : cur.reference();
        String url = in.has("Url") ? Json.str(in, "Url") : cur == null ? null : cur.url();
        boolean sent = cur != null && cur.sentToContact();
        Boolean sentIn = in.has("SentToContact") && in.get("SentToContact").isBoolean() ? in.get("SentToContact").asBoolean() : null;

        List<XeroLineItem> lines;
        if (in.has("LineItems")) {
            lines = lines(st, cur, in.get("LineItems"), type, lineAmountTypes, unitDp, errors);
        } else {
            // Lines kept, but their amounts follow a changed LineAmountTypes.
            lines = cur == null ? List.of() : recompute(st, cur.lineItems(), lineAmountTypes);
        }

        if (!"DRAFT".equals(status)) {
            for (XeroLineItem l : lines) {
                if (l.accountCode() == null && l.lineAmount().signum() != 0) {
                    errors.add("Account code must be specified for each line item on an approved invoice.");
                    break;
                }
            }
        }
        BigDecimal subTotal = Money.zero2();
        BigDecimal totalTax = Money.zero2();
        BigDecimal totalDiscount = Money.zero2();
        for (XeroLineItem l : lines) {
            BigDecimal net = "Inclusive".equals(lineAmountTypes) ? l.lineAmount().subtract(l.taxAmount()) : l.lineAmount();
            subTotal = subTotal.add(net);
            totalTax = totalTax.add(l.taxAmount());
            if (l.discountRate() != null && l.quantity() != null && l.unitAmount() != null) {
                BigDecimal undiscounted = Money.round2(l.quantity().multiply(l.unitAmount()));
                totalDiscount = totalDiscount.add(undiscounted.subtract(l.lineAmount()));
            }
        }
        BigDecimal total = subTotal.add(totalTax);
        if (total.signum() < 0) {
            errors.add("The invoice total must not be negative. Use a credit note instead.");
        }
        if (sentIn != null) {
            if (sentIn && !"AUTHORISED".equals(status)) {
                errors.add("SentToContact can only be set on approved invoices.");
            }
            sent = sentIn;
        }
        if (locked(st, date)) {
            errors.add(LOCKED);
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        XeroInvoice saved = new XeroInvoice(cur == null ? UUID.randomUUID().toString() : cur.invoiceId(), type,
                contactId, number, reference, date, dueDate, lineAmountTypes, status, currency, currencyRate, url, sent,
                List.copyOf(lines), subTotal, totalTax, total, totalDiscount,
                cur == null ? Money.zero2() : cur.amountPaid(), cur == null ? Money.zero2() : cur.amountCredited(), now, null);
        XeroContact contact = st.contacts.get(contactId);
        if (contact != null) {
            if (type.startsWith("ACCREC")) {
                contact.customer = true;
            } else {
                contact.supplier = true;
            }
        }
        return store(st, kind, saved);
    }

    static boolean locked(XeroTenantState st, LocalDate date) {
        LocalDate lock = st.periodLockDate;
        return lock != null && date != null && !date.isAfter(lock);
    }

    private static XeroInvoice store(XeroTenantState st, XeroDocKind kind, XeroInvoice inv) {
        st.saveDocument(kind, inv);
        return inv;
    }

    private static XeroInvoice copyWithStatus(XeroInvoice c, String status, Instant now) {
        return new XeroInvoice(c.invoiceId(), c.type(), c.contactId(), c.invoiceNumber(), c.reference(), c.date(),
                c.dueDate(), c.lineAmountTypes(), status, c.currencyCode(), c.currencyRate(), c.url(), c.sentToContact(),
                c.lineItems(), c.subTotal(), c.totalTax(), c.total(), c.totalDiscount(), c.amountPaid(),
                c.amountCredited(), now, c.fullyPaidOn());
    }

    /** Null when the move is allowed. PAID is set by payments only; drafts are deleted, approved invoices voided. */
    private static String transitionError(XeroDocKind kind, XeroInvoice cur, String to) {
        String notValid = kind.notValidStatus();
        if ("PAID".equals(to)) {
            return cur != null && "PAID".equals(cur.status()) ? null : notValid;
        }
        if (cur == null) {
            return Set.of("DRAFT", "SUBMITTED", "AUTHORISED").contains(to) ? null : notValid;
        }
        return switch (cur.status()) {
            case "DRAFT", "SUBMITTED" -> "VOIDED".equals(to) ? notValid : null;
            case "AUTHORISED" -> {
                if ("AUTHORISED".equals(to)) {
                    yield null;
                }
                if ("VOIDED".equals(to)) {
                    yield cur.hasPaymentsOrCredits()
                            ? "This document cannot be edited as it has a payment or credit note allocated to it." : null;
                }
                yield notValid;
            }
            default -> notValid;
        };
    }

    private static boolean numberTaken(XeroTenantState st, XeroDocKind kind, String number, XeroInvoice self) {
        String owner = st.salesDocumentWithNumber(kind, number);
        return owner != null && (self == null || !owner.equals(self.invoiceId()));
    }

    static List<XeroLineItem> lines(XeroTenantState st, XeroInvoice cur, JsonNode arr, String type,
                                            String lineAmountTypes, int unitDp, List<String> errors) {
        List<XeroLineItem> out = new ArrayList<>();
        if (!arr.isArray()) {
            errors.add("LineItems must be an array");
            return out;
        }
        Map<String, XeroLineItem> existing = new HashMap<>();
        if (cur != null) {
            cur.lineItems().forEach(l -> existing.put(l.lineItemId(), l));
        }
        for (JsonNode l : arr) {
            String id = Json.str(l, "LineItemID");
            XeroLineItem prev = id == null ? null : existing.remove(id.toLowerCase());
            try {
                out.add(line(st, prev, l, type, lineAmountTypes, unitDp, errors));
            } catch (NumberFormatException e) {
                errors.add("Quantity, UnitAmount, LineAmount and DiscountRate must be numbers");
            }
        }
        return out;
    }

    private static XeroLineItem line(XeroTenantState st, XeroLineItem prev, JsonNode l, String type,
                                     String lineAmountTypes, int unitDp, List<String> errors) {
        String description = l.has("Description") ? Json.str(l, "Description") : prev == null ? null : prev.description();
        String itemCode = l.has("ItemCode") ? Json.str(l, "ItemCode") : prev == null ? null : prev.itemCode();
        String accountCode = l.has("AccountCode") ? Json.str(l, "AccountCode") : prev == null ? null : prev.accountCode();
        if (l.hasNonNull("AccountID") && !l.has("AccountCode")) {
            // A line may name its account by AccountID instead of its code (OpenAPI LineItem.AccountID).
            String accountId = Json.str(l, "AccountID");
            accountCode = st.accountsByCode.values().stream().filter(a -> a.accountId().equalsIgnoreCase(accountId))
                    .map(XeroAccount::code).findFirst().orElse(null);
            if (accountCode == null) {
                errors.add("Account ID '" + accountId + "' is not valid.");
            }
        }
        String taxType = l.has("TaxType") ? Json.str(l, "TaxType") : prev == null ? null : prev.taxType();
        BigDecimal quantity = l.has("Quantity") ? Json.dec(l, "Quantity") : prev == null ? null : prev.quantity();
        BigDecimal unitAmount = l.has("UnitAmount") ? Json.dec(l, "UnitAmount") : prev == null ? null : prev.unitAmount();
        BigDecimal discountRate = l.has("DiscountRate") ? Json.dec(l, "DiscountRate") : prev == null ? null : prev.discountRate();
        BigDecimal givenLineAmount = Json.dec(l, "LineAmount");
        JsonNode tracking = l.has("Tracking") ? XeroTrackingService.resolveLineTracking(st, l.get("Tracking"), errors)
                : prev == null ? Json.array() : prev.tracking();
        if (itemCode != null && !itemCode.isBlank() && (l.has("ItemCode") || prev == null)) {
            XeroItem item = XeroItemService.find(st, itemCode);
            if (item == null) {
                errors.add("Item code '" + itemCode + "' is not valid.");
            } else {
                // Unset line fields default from the item's sales (ACCREC) or purchase (ACCPAY) details.
                boolean purchase = type != null && (type.startsWith("ACCPAY") || type.startsWith("SPEND"));
                JsonNode details = item.fields().path(purchase ? "PurchaseDetails" : "SalesDetails");
                if (description == null) {
                    String d = Json.str(item.fields(), purchase ? "PurchaseDescription" : "Description");
                    description = d != null ? d : Json.str(item.fields(), "Name");
                }
                if (unitAmount == null && details.hasNonNull("UnitPrice")) {
                    unitAmount = details.get("UnitPrice").decimalValue();
                }
                if (accountCode == null && details.hasNonNull("AccountCode")) {
                    accountCode = details.get("AccountCode").asText();
                }
                if (taxType == null && details.hasNonNull("TaxType")) {
                    taxType = details.get("TaxType").asText();
                }
                itemCode = item.code();
            }
        }

        if ((description == null || description.isBlank()) && (itemCode == null || itemCode.isBlank())) {
            errors.add("The description field is mandatory for each line item.");
        }
        if (accountCode != null && !accountCode.isBlank()) {
            XeroAccount account = st.accountsByCode.get(accountCode);
            if (account == null || !account.usableOnInvoiceLines()) {
                errors.add("Account code '" + accountCode + "' is not a valid code for this document.");
            } else if (!account.isActive()) {
                errors.add("Account code '" + accountCode + "' has been archived, or has been deleted. "
                        + "Each line item must reference a valid account.");
            } else if (taxType == null) {
                taxType = account.taxType();
            } else {
                XeroTaxRate rate = st.taxRates.get(taxType);
                if (rate != null && !rate.canApplyTo(account)) {
                    errors.add("The TaxType code '" + taxType + "' cannot be used with account code '" + accountCode + "'.");
                }
            }
        } else {
            accountCode = null;
        }
        if ("NoTax".equals(lineAmountTypes)) {
            taxType = taxType == null ? "NONE" : taxType;
        }
        XeroTaxRate rate = null;
        if (taxType != null) {
            rate = st.taxRates.get(taxType);
            if (rate == null || !rate.isActive() && (prev == null || !taxType.equals(prev.taxType()))) {
                errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of transaction.");
            }
        }
        if (discountRate != null && discountRate.signum() != 0 && !"ACCREC".equals(type)) {
            errors.add("Discounts are only supported on ACCREC invoices.");
        }
        if (discountRate != null && (discountRate.signum() < 0 || discountRate.compareTo(Money.HUNDRED) > 0)) {
            errors.add("DiscountRate must be between 0 and 100.");
        }
        // Xero fills a missing quantity or unit amount from LineAmount; a description-only line has no amount.
        if (quantity == null && unitAmount == null && givenLineAmount != null) {
            quantity = BigDecimal.ONE;
            unitAmount = givenLineAmount;
        } else if (quantity == null && unitAmount != null) {
            quantity = givenLineAmount != null && unitAmount.signum() != 0
                    ? givenLineAmount.divide(unitAmount, 4, RoundingMode.HALF_UP) : BigDecimal.ONE;
        } else if (unitAmount == null && quantity != null && givenLineAmount != null && quantity.signum() != 0) {
            unitAmount = givenLineAmount.divide(quantity, unitDp, RoundingMode.HALF_UP);
        }
        if (quantity != null) {
            quantity = Money.scale(quantity, 4);
        }
        if (unitAmount != null) {
            unitAmount = Money.scale(unitAmount, unitDp);
        }
        BigDecimal lineAmount = quantity == null || unitAmount == null ? Money.zero2()
                : Money.lineNet(unitAmount, quantity, discountRate);
        BigDecimal taxAmount = tax(lineAmount, rate, lineAmountTypes);
        String id = prev == null ? UUID.randomUUID().toString() : prev.lineItemId();
        return new XeroLineItem(id, description, quantity, unitAmount, itemCode, accountCode, taxType,
                discountRate, tracking, lineAmount, taxAmount);
    }

    private static BigDecimal tax(BigDecimal lineAmount, XeroTaxRate rate, String lineAmountTypes) {
        if (rate == null || "NoTax".equals(lineAmountTypes)) {
            return Money.zero2();
        }
        return "Inclusive".equals(lineAmountTypes) ? Money.taxInclusive(lineAmount, rate.rate())
                : Money.taxExclusive(lineAmount, rate.rate());
    }

    private static List<XeroLineItem> recompute(XeroTenantState st, List<XeroLineItem> lines, String lineAmountTypes) {
        List<XeroLineItem> out = new ArrayList<>();
        for (XeroLineItem l : lines) {
            XeroTaxRate rate = l.taxType() == null ? null : st.taxRates.get(l.taxType());
            out.add(new XeroLineItem(l.lineItemId(), l.description(), l.quantity(), l.unitAmount(), l.itemCode(),
                    l.accountCode(), l.taxType(), l.discountRate(), l.tracking(), l.lineAmount(),
                    tax(l.lineAmount(), rate, lineAmountTypes)));
        }
        return out;
    }

    /** The invoice as GET by id returns it; {@code withLines} false for non-paged lists. */
    static ObjectNode render(XeroTenantState st, XeroInvoice i, boolean withLines, boolean summaryOnly, int unitDp) {
        return render(st, XeroDocKind.INVOICE, i, withLines, summaryOnly, unitDp);
    }

    static ObjectNode render(XeroTenantState st, XeroDocKind kind, XeroInvoice i, boolean withLines, boolean summaryOnly,
                             int unitDp) {
        ObjectNode o = Json.object();
        o.put("Type", i.type());
        o.put(kind.idField, i.invoiceId());
        o.put(kind.numberField, i.invoiceNumber());
        o.put("Reference", i.reference() == null ? "" : i.reference());
        if (kind == XeroDocKind.INVOICE) {
            if (!summaryOnly) {
                o.set("Payments", XeroPaymentService.forInvoice(st, i.invoiceId()));
                o.set("CreditNotes", XeroAllocationService.appliedTo(st, XeroCreditSource.CREDIT_NOTE, i.invoiceId()));
                o.set("Prepayments", XeroAllocationService.appliedTo(st, XeroCreditSource.PREPAYMENT, i.invoiceId()));
                o.set("Overpayments", XeroAllocationService.appliedTo(st, XeroCreditSource.OVERPAYMENT, i.invoiceId()));
            }
            o.put("AmountDue", i.amountDue());
            o.put("AmountPaid", i.amountPaid());
            o.put("AmountCredited", i.amountCredited());
        } else {
            if (!summaryOnly) {
                o.set("Payments", XeroPaymentService.forInvoice(st, i.invoiceId()));
                o.set("Allocations", XeroAllocationService.allocationsOf(st, XeroCreditSource.CREDIT_NOTE, i.invoiceId()));
            }
            o.put("RemainingCredit", i.amountDue());
        }
        o.put("SentToContact", i.sentToContact());
        o.put("CurrencyRate", i.currencyRate());
        o.put("IsDiscounted", i.totalDiscount().signum() != 0);
        o.put("HasAttachments", false);
        o.put("HasErrors", false);
        XeroContact c = st.contacts.get(i.contactId());
        if (c != null) {
            o.set("Contact", XeroContactService.renderRef(c));
        }
        o.put("DateString", XeroDates.dateString(i.date()));
        o.put("Date", XeroDates.msJson(i.date()));
        if (i.dueDate() != null) {
            o.put("DueDateString", XeroDates.dateString(i.dueDate()));
            o.put("DueDate", XeroDates.msJson(i.dueDate()));
        }
        o.put("Status", i.status());
        o.put("LineAmountTypes", i.lineAmountTypes());
        if (withLines && !summaryOnly) {
            o.set("LineItems", renderLines(st, i.lineItems(), unitDp));
        }
        o.put("SubTotal", i.subTotal());
        o.put("TotalTax", i.totalTax());
        o.put("Total", i.total());
        if (i.totalDiscount().signum() != 0) {
            o.put("TotalDiscount", i.totalDiscount());
        }
        o.put("UpdatedDateUTC", XeroDates.msJson(i.updated()));
        o.put("UpdatedDateUTCString", XeroDates.isoUtc(i.updated()));
        if (i.fullyPaidOn() != null) {
            o.put("FullyPaidOnDate", XeroDates.msJson(i.fullyPaidOn()));
        }
        o.put("CurrencyCode", i.currencyCode());
        if (i.url() != null) {
            o.put("Url", i.url());
        }
        return o;
    }

    static ArrayNode renderLines(XeroTenantState st, List<XeroLineItem> items, int unitDp) {
        ArrayNode lines = Json.array();
        for (XeroLineItem l : items) {
            lines.add(renderLine(st, l, unitDp));
        }
        return lines;
    }

    private static ObjectNode renderLine(XeroTenantState st, XeroLineItem l, int unitDp) {
        ObjectNode o = Json.object();
        o.put("LineItemID", l.lineItemId());
        if (l.description() != null) {
            o.put("Description", l.description());
        }
        if (l.quantity() != null) {
            o.put("Quantity", l.quantity());
        }
        if (l.unitAmount() != null) {
            o.put("UnitAmount", Money.scale(l.unitAmount(), unitDp));
        }
        if (l.itemCode() != null) {
            o.put("ItemCode", l.itemCode());
            XeroItem item = XeroItemService.find(st, l.itemCode());
            if (item != null) {
                o.putObject("Item").put("ItemID", item.itemId()).put("Name", item.fields().path("Name").asText(""))
                        .put("Code", item.code());
            }
        }
        if (l.accountCode() != null) {
            o.put("AccountCode", l.accountCode());
            XeroAccount account = st.accountsByCode.get(l.accountCode());
            if (account != null) {
                o.put("AccountID", account.accountId());
            }
        }
        if (l.taxType() != null) {
            o.put("TaxType", l.taxType());
        }
        o.put("TaxAmount", l.taxAmount());
        o.put("LineAmount", l.lineAmount());
        if (l.discountRate() != null) {
            o.put("DiscountRate", l.discountRate());
        }
        o.set("Tracking", l.tracking() == null ? Json.array() : XeroTrackingService.renderLineTracking(st, l.tracking()));
        return o;
    }
}
