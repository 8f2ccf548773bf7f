package io.sxs.mapper.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.mapper.Fixtures;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.view.ItemLifecycle;
import io.sxs.schemas.view.ViewRecord;
import io.sxs.schemas.view.ViewSide;
import io.sxs.schemas.view.ViewSyncState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewProjectionTest {

    private static final ConnectionConfig TO_XERO = Fixtures.connection("c1", Direction.TO_XERO, ContactMode.WITH_DOCUMENTS);

    @Test
    void anItemIsNamedAfterItsOriginFromEitherSide() {
        EntityKey scoro = new EntityKey("c1", EntityType.INVOICE, SystemType.SCORO, "7");
        EntityKey xero = new EntityKey("c1", EntityType.INVOICE, SystemType.XERO, "x-7");
        assertThat(ViewProjection.canonicalId(scoro, null)).isEqualTo("SCORO:7");
        assertThat(ViewProjection.canonicalId(scoro, mapping(scoro, "x-7", SystemType.SCORO))).isEqualTo("SCORO:7");
        assertThat(ViewProjection.canonicalId(xero, mapping(xero, "7", SystemType.SCORO))).isEqualTo("SCORO:7");
        assertThat(ViewProjection.canonicalId(xero, null)).isEqualTo("XERO:x-7");
    }

    @Test
    void aSyncedPairShowsBothIdsTheOwnersPayloadAndInSync() {
        ViewSide scoro = side(mapping(key(SystemType.SCORO, "7"), "x-7", SystemType.SCORO), read(SystemType.SCORO, "7", "10.00"),
                SyncOutcome.COMMAND_ISSUED, 1);
        ViewSide xero = side(mapping(key(SystemType.XERO, "x-7"), "7", SystemType.SCORO), read(SystemType.XERO, "x-7", "12.00"),
                SyncOutcome.WRITTEN, 2);
        ViewRecord view = ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, scoro, xero);
        assertThat(view.getScoroId()).isEqualTo("7");
        assertThat(view.getXeroId()).isEqualTo("x-7");
        assertThat(view.getOwner()).isEqualTo(SystemType.SCORO);
        assertThat(view.getPayloadSystem()).as("the owner's read").isEqualTo(SystemType.SCORO);
        assertThat(((Invoice) view.getPayload()).getId()).isEqualTo("7");
        assertThat(view.getSyncState()).as("the last outcome is the write").isEqualTo(ViewSyncState.IN_SYNC);
        assertThat(view.getLastOutcome()).isEqualTo(SyncOutcome.WRITTEN);
    }

    @Test
    void aDocumentsSettlementIsXerosWhoeverOwnsIt() {
        ChangeRecord xeroRead = read(SystemType.XERO, "x-7", "12.00");
        Invoice paid = (Invoice) xeroRead.getPayload();
        paid.setAmountPaid(paid.getTotal());
        paid.setAmountDue(java.math.BigDecimal.ZERO.setScale(paid.getTotal().scale()));
        paid.setStatus(DocumentStatus.PAID);
        ViewSide scoro = side(mapping(key(SystemType.SCORO, "7"), "x-7", SystemType.SCORO), read(SystemType.SCORO, "7", "12.00"), null, 0);
        ViewSide xero = side(mapping(key(SystemType.XERO, "x-7"), "7", SystemType.SCORO), xeroRead, null, 0);
        ViewRecord view = ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, scoro, xero);
        Invoice shown = (Invoice) view.getPayload();
        assertThat(view.getPayloadSystem()).isEqualTo(SystemType.SCORO);
        assertThat(shown.getId()).isEqualTo("7");
        assertThat(shown.getAmountDue()).isEqualByComparingTo("0");
        assertThat(shown.getStatus()).isEqualTo(DocumentStatus.PAID);
        assertThat(((Invoice) scoro.getLatest().getPayload()).getStatus()).as("the side's own read is left alone")
                .isNotEqualTo(DocumentStatus.PAID);
    }

    @Test
    void aWriteInFlightIsWaitingAndAFailedOneIsFailed() {
        IdMapEntry inFlight = mapping(key(SystemType.SCORO, "7"), null, SystemType.SCORO);
        inFlight.setInFlightCommandId("cmd-1");
        ViewSide waiting = side(inFlight, read(SystemType.SCORO, "7", "10.00"), SyncOutcome.COMMAND_ISSUED, 1);
        assertThat(ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, waiting, null).getSyncState())
                .isEqualTo(ViewSyncState.WAITING);
        ViewSide failed = side(mapping(key(SystemType.SCORO, "7"), null, SystemType.SCORO), read(SystemType.SCORO, "7", "10.00"),
                SyncOutcome.REJECTED, 2);
        ViewRecord view = ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, failed, null);
        assertThat(view.getSyncState()).isEqualTo(ViewSyncState.FAILED);
        assertThat(view.getXeroId()).isNull();
        assertThat(ViewProjection.state(SyncOutcome.BLOCKED, false)).isEqualTo(ViewSyncState.BLOCKED);
        assertThat(ViewProjection.state(SyncOutcome.WAITING_DEPENDENCY, false)).isEqualTo(ViewSyncState.WAITING);
    }

    @Test
    void voidsAndDeletesAreLifecycleStates() {
        ChangeRecord voided = read(SystemType.SCORO, "7", "10.00");
        ((Invoice) voided.getPayload()).setStatus(DocumentStatus.VOIDED);
        ViewSide side = side(mapping(key(SystemType.SCORO, "7"), null, SystemType.SCORO), voided, null, 0);
        assertThat(ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, side, null).getLifecycle())
                .isEqualTo(ItemLifecycle.VOIDED);
        ChangeRecord deleted = Fixtures.delete("c1", SystemType.SCORO, EntityType.INVOICE, "7");
        side.setLatest(deleted);
        assertThat(ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, side, null).getLifecycle())
                .isEqualTo(ItemLifecycle.DELETED);
    }

    @Test
    void nothingKnownShowsNothingAndAnUnknownConnectionHasNoOwner() {
        assertThat(ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", TO_XERO, ViewSide.newBuilder().build(), null)).isNull();
        ViewSide side = side(null, read(SystemType.SCORO, "7", "10.00"), null, 0);
        ViewRecord view = ViewProjection.project("c1", EntityType.INVOICE, "SCORO:7", null, side, null);
        assertThat(view.getOwner()).isNull();
        assertThat(view.getPayloadSystem()).isEqualTo(SystemType.SCORO);
    }

    private static EntityKey key(SystemType system, String id) {
        return new EntityKey("c1", EntityType.INVOICE, system, id);
    }

    private static IdMapEntry mapping(EntityKey key, String counterpart, SystemType origin) {
        return IdMapEntry.newBuilder().setConnectionId(key.getConnectionId()).setEntity(key.getEntity()).setSystem(key.getSystem())
                .setId(key.getId()).setCounterpartId(counterpart).setOrigin(origin).setUpdatedAt(Fixtures.T0).build();
    }

    private static ChangeRecord read(SystemType system, String id, String amount) {
        return Fixtures.upsert("c1", system, EntityType.INVOICE, Fixtures.invoice(id, "contact-1", amount));
    }

    private static ViewSide side(IdMapEntry mapping, ChangeRecord latest, SyncOutcome outcome, long at) {
        return ViewSide.newBuilder().setMapping(mapping).setLatest(latest).setOutcome(outcome)
                .setOutcomeAt(Instant.ofEpochMilli(at)).setChangedAt(Instant.ofEpochMilli(at)).build();
    }
}
