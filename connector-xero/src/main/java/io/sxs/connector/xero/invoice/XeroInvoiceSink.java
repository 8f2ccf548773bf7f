package io.sxs.connector.xero.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.sink.Results;
import io.sxs.connector.source.ApiException;
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

    private final String type;
    private final String noun;

    /** Sales invoices. */
    public XeroInvoiceSink() {
        this(XeroInvoiceMapper.SALES_TYPE, "invoice");
    }

    private XeroInvoiceSink(String type, String noun) {
        this.type = type;
        this.noun = noun;
    }

    /** Bills: Invoices of Type ACCPAY. */
    public static XeroInvoiceSink bills() {
        return new XeroInvoiceSink(XeroInvoiceMapper.PURCHASE_TYPE, "bill");
    }

    @Override
    public String collection() {
        return "Invoices";
    }

    @Override
    public String idField() {
        return "InvoiceID";
    }

    @Override
    public Map<String, String> query() {
        return Map.of("unitdp", "4");
    }

    @Override
    public ObjectNode createElement(Command command) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), type, null, null);
    }

    @Override
    public ObjectNode updateElement(Command command) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), type, command.getTargetId(), null);
    }

    @Override
    public ObjectNode createElement(Command command, ConnectionConfig connection) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), type, null, connection.getTrackingCategory());
    }

    @Override
    public ObjectNode updateElement(Command command, ConnectionConfig connection) throws MappingException {
        return XeroInvoiceRequestMapper.toRequest(checked(command), type, command.getTargetId(), connection.getTrackingCategory());
    }

    /** The payload, once its totals are known to come out the same in Xero (exact money: never a silent rounding). */
    private Invoice checked(Command command) throws MappingException {
        Invoice inv = payload(command);
        XeroTotals.check(noun + " " + (inv.getNumber() != null ? inv.getNumber() : command.getSourceId()), inv.getLines(),
                inv.getLineAmountType(), new XeroTotals.Totals(inv.getSubTotal(), inv.getTotalTax(), inv.getTotal()),
                io.sxs.schemas.registry.SystemNames.of(command.getSourceSystem()));
        return inv;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode element) throws MappingException {
        Invoice inv = XeroInvoiceMapper.toDocument(element, type);
        return XeroInvoiceMapper.SALES_TYPE.equals(type) ? inv : Documents.asBill(inv);
    }

    @Override
    public ObjectNode asRequest(JsonNode element) throws MappingException {
        Invoice inv = XeroInvoiceMapper.toDocument(element, type);
        return XeroInvoiceRequestMapper.toRequest(inv, type, inv.getId(), null);
    }

    @Override
    public boolean isDuplicate(List<String> messages) {
        return messages.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("must be unique"));
    }

    @Override
    public Optional<JsonNode> findExisting(XeroSession session, ObjectNode sent) throws ApiException {
        String number = XeroFields.text(sent, "InvoiceNumber");
        if (number == null) {
            return Optional.empty();
        }
        Map<String, String> q = new LinkedHashMap<>(query());
        q.put("InvoiceNumbers", number);
        q.put("page", "1"); // paged, so that LineItems come back
        for (JsonNode i : session.get(collection(), q, null).items(collection())) {
            if (type.equals(XeroFields.text(i, "Type"))
                    && number.equalsIgnoreCase(XeroFields.text(i, "InvoiceNumber"))) {
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
                    "cannot delete a " + noun + " without its Xero InvoiceID", List.of(), 0));
        }
        if (!command.getTargetId().matches("[0-9A-Fa-f-]{1,64}")) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "'" + command.getTargetId() + "' is not a Xero InvoiceID", List.of(), 0));
        }
        JsonNode current = current(session, command.getTargetId());
        if (current == null) {
            return DeletePlan.done(Results.failed(command, ResultStatus.NOT_FOUND,
                    "Xero " + noun + " " + command.getTargetId() + " does not exist", List.of(), 0));
        }
        Invoice inv;
        SpecificRecordBase canonical;
        try {
            inv = XeroInvoiceMapper.toDocument(current, type);
            canonical = toCanonical(current);
        } catch (MappingException e) {
            return DeletePlan.done(Results.failed(command, ResultStatus.REJECTED,
                    "Xero " + noun + " " + command.getTargetId() + " could not be read: " + e.getMessage(), List.of(), 0));
        }
        String name = inv.getNumber() == null ? inv.getId() : inv.getNumber();
        return switch (inv.getStatus()) {
            case DELETED, VOIDED -> DeletePlan.done(Results.ok(command, inv.getId(),
                    XeroFields.text(current, "UpdatedDateUTC"), canonical, 0));
            case DRAFT, SUBMITTED -> DeletePlan.post(XeroInvoiceRequestMapper.statusChange(inv.getId(), DocumentStatus.DELETED));
            case AUTHORISED -> isZero(inv.getAmountPaid()) && isZero(inv.getAmountCredited())
                    ? DeletePlan.post(XeroInvoiceRequestMapper.statusChange(inv.getId(), DocumentStatus.VOIDED))
                    : DeletePlan.done(Results.failed(command, ResultStatus.BLOCKED, noun + " " + name
                            + " has payments or credit notes allocated (paid " + plain(inv.getAmountPaid()) + ", credited "
                            + plain(inv.getAmountCredited()) + "); remove them in Xero first", List.of(), 0));
            case PAID -> DeletePlan.done(Results.failed(command, ResultStatus.BLOCKED,
                    noun + " " + name + " is PAID; delete its payments in Xero first", List.of(), 0));
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
