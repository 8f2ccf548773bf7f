package io.sxs.mapper;

import io.sxs.schemas.common.DocumentLine;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EncryptedSecret;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.registry.ConnectionDirections;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;

/** Plain test inputs. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private Fixtures() {
    }

    public static ConnectionConfig connection(String id, Direction invoices, ContactMode contacts) {
        EncryptedSecret secret = new EncryptedSecret("k1", ByteBuffer.wrap(new byte[12]), ByteBuffer.wrap(new byte[16]));
        return ConnectionDirections.set(ConnectionConfig.newBuilder().setConnectionId(id).setName("Demo " + id).setStatus(ConnectionStatus.ACTIVE)
                .setScoro(new ScoroEndpoint("https://" + id + ".scoro.com", "1", secret))
                .setXero(XeroEndpoint.newBuilder().setTenantId("tenant-" + id).setTokens(secret).build())
                .setContacts(contacts).setCreatedAt(T0).setUpdatedAt(T0), EntityType.INVOICE, invoices).build();
    }

    public static Contact contact(String id, String name) {
        return Contact.newBuilder().setId(id).setName(name).setEmail(name.toLowerCase().replace(' ', '.') + "@example.com")
                .setIsCustomer(true).setStatus(RecordStatus.ACTIVE).build();
    }

    public static Invoice invoice(String id, String contactRef, String amount) {
        BigDecimal net = new BigDecimal(amount).setScale(2);
        return Invoice.newBuilder().setId(id).setDocumentType(DocumentType.INVOICE).setNumber("INV-" + id)
                .setContactRef(contactRef).setDate(LocalDate.of(2026, 11, 1)).setDueDate(LocalDate.of(2026, 11, 15))
                .setCurrency("EUR").setStatus(DocumentStatus.AUTHORISED)
                .setLines(List.of(DocumentLine.newBuilder().setLineId("line-" + id).setItemCode("CONSULT").setDescription("Consulting")
                        .setQuantity(new BigDecimal("1.0000")).setUnitAmount(net.setScale(4)).setLineAmount(net)
                        .setAccountCode("200").setTaxType("OUTPUT").setTaxAmount(BigDecimal.ZERO.setScale(2)).build()))
                .setSubTotal(net).setTotalTax(BigDecimal.ZERO.setScale(2)).setTotal(net)
                .build();
    }

    public static ChangeRecord upsert(String connectionId, SystemType system, EntityType entity, SpecificRecordBase payload) {
        String id = String.valueOf(payload.get("id"));
        return ChangeRecord.newBuilder().setEventId(UUID.randomUUID().toString()).setConnectionId(connectionId)
                .setSystem(system).setEntity(entity).setSourceId(id).setSourceVersion("v-" + ContentHasher.hash(payload))
                .setOperation(Operation.UPSERT).setContentHash(ContentHasher.hash(payload)).setObservedAt(T0)
                .setPayload(payload).build();
    }

    public static ChangeRecord delete(String connectionId, SystemType system, EntityType entity, String id) {
        return ChangeRecord.newBuilder().setEventId(UUID.randomUUID().toString()).setConnectionId(connectionId)
                .setSystem(system).setEntity(entity).setSourceId(id).setOperation(Operation.DELETE)
                .setContentHash(ContentHasher.hash(null)).setObservedAt(T0).setPayload(null).build();
    }

    /** What the target returns after writing the command: its payload under the new id. */
    public static SpecificRecordBase written(Command command, String targetId) {
        SpecificRecordBase payload = (SpecificRecordBase) command.getPayload();
        SpecificRecordBase copy = payload.getSpecificData().deepCopy(payload.getSchema(), payload);
        copy.put("id", targetId);
        return copy;
    }

    public static WriteResult ok(Command command, String targetId) {
        SpecificRecordBase written = command.getPayload() == null ? null : written(command, targetId);
        return base(command, ResultStatus.OK, null).setTargetId(targetId)
                .setWrittenHash(ContentHasher.hash(written)).setWritten(written).build();
    }

    public static WriteResult failed(Command command, ResultStatus status, String message) {
        return base(command, status, message).setTargetId(command.getTargetId()).setErrors(List.of("ValidationException")).build();
    }

    private static WriteResult.Builder base(Command command, ResultStatus status, String message) {
        return WriteResult.newBuilder().setCommandId(command.getCommandId()).setConnectionId(command.getConnectionId())
                .setTargetSystem(command.getTargetSystem()).setEntity(command.getEntity()).setAction(command.getAction())
                .setSourceSystem(command.getSourceSystem()).setSourceId(command.getSourceId())
                .setSourceHash(command.getSourceHash()).setStatus(status).setMessage(message).setErrors(List.of())
                .setApiCalls(1).setCompletedAt(T0);
    }
}
