package io.sxs.connector.xero.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.IdempotencyKeys;
import io.sxs.connector.xero.client.XeroErrors;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.connector.xero.mapping.XeroTotals;
import io.sxs.connector.xero.sink.XeroEntitySink;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.document.Documents;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ResultStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Sales invoices (ACCREC) and, with {@link #bills()}, bills (ACCPAY) in the Xero sink: one endpoint, one shape, one
 * set of rules. ACCREC numbers are unique, so a create that collides on its number is looked up by InvoiceNumbers;
 * it is the pipeline's own earlier write when number and contact match (bill numbers are the supplier's and need not
 * be unique: a retried bill create relies on its Idempotency-Key). A delete becomes DELETED for a draft, VOIDED for
 * an approved document with nothing paid or credited, and BLOCKED otherwise. The totals are checked before writing
 * ({@link XeroTotals}).
 */
public class XeroInvoiceSink implements XeroEntitySink {

    private final XeroDocumentKind kind;

    /** Sales invoices. */
    public XeroInvoiceSink() {
        this(XeroDocumentKind.SALES_INVOICE);
    }

    private XeroInvoiceSink(XeroDocumentKind kind) {
        this.kind = kind;
    }

    /** Bills: Invoices of Type ACCPAY. */
    public static XeroInvoiceSink bills() {
        return new XeroInvoiceSink(XeroDocumentKind.BILL);
    }

    /** Sales credit notes (CreditNotes of Type ACCRECCREDIT), allocated to the invoices they credit once written. */
    public static XeroInvoiceSink creditNotes() {
        return new XeroInvoiceSink(XeroDocumentKind.SALES_CREDIT_NOTE);
    }

    @Override
    public String collection() {
        return kind.collection;
    }

    @Override
    public String idField() {
        return kind.idField;
    }

    @Override
    public Map<String, String> query() {
        return Map.of("unitdp", "4");
    }

    @Override
    public ObjectNode createElement(Command command) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), kind, null, null);
    }

    @Override
    public ObjectNode updateElement(Command command) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), kind, command.getTargetId(), null);
    }

    @Override
    public ObjectNode createElement(Command command, ConnectionConfig connection) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), kind, null, connection.getTrackingCategory());
    }

    @Override
    public ObjectNode updateElement(Command command, ConnectionConfig connection) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), kind, command.getTargetId(), connection.getTrackingCategory());
    }

    /** The payload, once its totals are known to come out the same in Xero (exact money: never a silent rounding). */
    private Invoice checked(Command command) throws MappingException {
        Invoice inv = payload(command);
        XeroTotals.check(kind.noun + " " + (inv.getNumber() != null ? inv.getNumber() : command.getSourceId()), inv.getLines(),
                inv.getLineAmountType(), new XeroTotals.Totals(inv.getSubTotal(), inv.getTotalTax(), inv.getTotal()),
                io.sxs.schemas.registry.SystemNames.of(command.getSourceSystem()));
        return inv;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode element) throws MappingException {
        return XeroInvoiceMapper.toEntity(element, kind);
    }

    @Override
    public ObjectNode asRequest(JsonNode element) throws MappingException {
        Invoice inv = XeroInvoiceMapper.toDocument(element, kind);
        return XeroInvoiceRequestMapper.toRequest(inv, kind, inv.getId(), null);
    }

    /**
     * A credit note is allocated to the invoices it credits once it is approved, for its total as the source has it
     * (at most what is left of the credit), unless it already is: one {@code PUT CreditNotes/{id}/Allocations} per
     * invoice, with an Idempotency-Key from the command, so a replay allocates nothing twice.
     */
    @Override
    public String afterWrite(XeroSession session, Command command, ObjectNode written) throws ApiException {
        if (kind != XeroDocumentKind.SALES_CREDIT_NOTE || !(command.getPayload() instanceof Invoice source)
                || source.getCreditedInvoiceRefs().isEmpty()) {
            return null;
        }
        Invoice note;
        try {
            note = XeroInvoiceMapper.toDocument(written, kind);
        } catch (MappingException e) {
            return "not allocated: the written credit note does not map (" + e.getMessage() + ")";
        }
        if (note.getStatus() != DocumentStatus.AUTHORISED) {
            return "allocated to " + String.join(", ", source.getCreditedInvoiceRefs()) + " once approved";
        }
        List<String> notes = new java.util.ArrayList<>();
        BigDecimal left = note.getAmountDue() == null ? note.getTotal() : note.getAmountDue();
        BigDecimal wanted = source.getTotal() == null ? note.getTotal() : source.getTotal();
        for (String invoiceId : source.getCreditedInvoiceRefs()) {
            if (note.getCreditedInvoiceRefs().contains(invoiceId)) {
                continue; // allocated already (an earlier attempt, or by a user)
            }
            BigDecimal amount = wanted.min(left);
            if (amount.signum() <= 0) {
                notes.add("nothing left to allocate to invoice " + invoiceId);
                continue;
            }
            ObjectNode allocation = XeroJson.NODES.objectNode();
            allocation.putObject("Invoice").put("InvoiceID", invoiceId);
            allocation.put("Amount", amount);
            if (note.getDate() != null) {
                allocation.put("Date", io.sxs.connector.xero.client.XeroDates.formatDate(note.getDate()));
            }
            ObjectNode body = XeroJson.NODES.objectNode();
            body.withArray("Allocations").add(allocation);
            String key = IdempotencyKeys.derive("sxs:allocate", List.of(command.getIdempotencyKey(), invoiceId));
            try {
                JsonNode reply = session.put(collection() + "/" + note.getId() + "/Allocations", Map.of(), body, key)
                        .items("Allocations");
                List<String> errors = reply.isEmpty() ? List.of() : XeroErrors.validationMessages(reply.get(0));
                if (!errors.isEmpty()) {
                    notes.add("allocation to invoice " + invoiceId + " refused: " + String.join("; ", errors));
                    continue;
                }
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.REJECTED) {
                    throw e;
                }
                notes.add("allocation to invoice " + invoiceId + " refused: " + e.getMessage());
                continue;
            }
            left = left.subtract(amount);
            wanted = wanted.subtract(amount);
            // The written state as Xero now holds it, so that its read-back is recognised as the pipeline's own.
            ObjectNode shown = written.withArray("Allocations").addObject();
            shown.putObject("Invoice").put("InvoiceID", invoiceId);
            shown.put("Amount", amount);
            shown.put("IsDeleted", false);
            written.put("RemainingCredit", left);
            if (left.signum() == 0) {
                written.put("Status", "PAID"); // a fully allocated credit note is PAID in Xero
            }
            notes.add("allocated " + amount.toPlainString() + " to invoice " + invoiceId);
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    @Override
    public boolean isDuplicate(List<String> messages) {
        return messages.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("must be unique"));
    }

    @Override
    public Optional<JsonNode> findExisting(XeroSession session, ObjectNode sent) throws ApiException {
        String number = XeroFields.text(sent, kind.numberField);
        if (number == null || number.contains("\"")) {
            return Optional.empty();
        }
        Map<String, String> q = new LinkedHashMap<>(query());
        if (kind.collection.equals("Invoices")) {
            q.put("InvoiceNumbers", number);
        } else {
            q.put("where", kind.numberField + "==\"" + number + "\"");
        }
        q.put("page", "1"); // paged, so that LineItems come back
        for (JsonNode i : session.get(collection(), q, null).items(collection())) {
            if (kind.type.equals(XeroFields.text(i, "Type"))
                    && number.equalsIgnoreCase(XeroFields.text(i, kind.numberField))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public String clash(JsonNode existing, ObjectNode sent) {
        if (existing == null) {
            return "invoice number " + XeroFields.text(sent, "InvoiceNumber")
                    + " is already used in Xero, but no sales invoice with that number could be found";
        }
        String wanted = XeroFields.text(sent.path("Contact"), "ContactID");
        String has = XeroFields.text(existing.path("Contact"), "ContactID");
        if (wanted != null && wanted.equalsIgnoreCase(has)) {
            return null;
        }
        return "invoice number " + XeroFields.text(sent, "InvoiceNumber") + " is already used by Xero invoice "
                + XeroFields.text(existing, "InvoiceID") + " of another contact (" + has + ")";
    }

    @Override
    public DeletePlan planDelete(XeroSession session, Command command) throws ApiException {
        if (command.getTargetId() == null) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "cannot delete a " + kind.noun + " without its Xero InvoiceID", List.of(), 0));
        }
        if (!command.getTargetId().matches("[0-9A-Fa-f-]{1,64}")) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "'" + command.getTargetId() + "' is not a Xero InvoiceID", List.of(), 0));
        }
        JsonNode current = current(session, command.getTargetId());
        if (current == null) {
            return DeletePlan.done(Results.failed(command, ResultStatus.NOT_FOUND,
                    "Xero " + kind.noun + " " + command.getTargetId() + " does not exist", List.of(), 0));
        }
        Invoice inv;
        SpecificRecordBase canonical;
        try {
            inv = XeroInvoiceMapper.toDocument(current, kind);
            canonical = toCanonical(current);
        } catch (MappingException e) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "Xero " + kind.noun + " " + command.getTargetId() + " could not be read: " + e.getMessage(), List.of(), 0));
        }
        String name = inv.getNumber() == null ? inv.getId() : inv.getNumber();
        return switch (inv.getStatus()) {
            case DELETED, VOIDED -> DeletePlan.done(Results.ok(command, inv.getId(),
                    XeroFields.text(current, "UpdatedDateUTC"), canonical, 0));
            case DRAFT, SUBMITTED -> DeletePlan.post(XeroInvoiceRequestMapper.statusChange(kind, inv.getId(), DocumentStatus.DELETED));
            case AUTHORISED -> isZero(inv.getAmountPaid()) && isZero(inv.getAmountCredited())
                    ? DeletePlan.post(XeroInvoiceRequestMapper.statusChange(kind, inv.getId(), DocumentStatus.VOIDED))
                    : DeletePlan.done(Results.failed(command, ResultStatus.BLOCKED, kind.noun + " " + name
                            + " has payments or allocations (paid " + plain(inv.getAmountPaid()) + ", credited "
                            + plain(inv.getAmountCredited()) + "); remove them in Xero first", List.of(), 0));
            case PAID -> DeletePlan.done(Results.failed(command, ResultStatus.BLOCKED,
                    kind.noun + " " + name + " is PAID; delete its payments in Xero first", List.of(), 0));
        };
    }

    /** The invoice by id (null on 404), with its lines and 4-dp unit amounts. */
    private JsonNode current(XeroSession session, String invoiceId) throws ApiException {
        try {
            JsonNode items = session.get(collection() + "/" + invoiceId, query(), null).items(collection());
            return items.isEmpty() ? null : items.get(0);
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isZero(BigDecimal v) {
        return v == null || v.signum() == 0;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0.00" : v.toPlainString();
    }

    private static Invoice payload(Command command) throws MappingException {
        if (command.getPayload() instanceof Invoice i) {
            return i;
        }
        if (command.getPayload() instanceof Bill b) {
            return Documents.asInvoice(b);
        }
        throw new MappingException(command.getEntity() + " command " + command.getCommandId() + " carries no document payload");
    }
}
