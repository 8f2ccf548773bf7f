package io.sxs.connector.runtime;

import io.sxs.connector.schedule.ConnectionScheduler;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.CursorKey;
import io.sxs.schemas.envelope.SourceCursor;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Clock;
import java.util.Map;

/** What every entity source of one connector shares: settings, tables, the budget owner and the producers. */
record SourceContext(ConnectorSettings settings, SystemType system, SystemConnector connector, ConnectionRegistry registry,
                     ConnectionChecks checks, ConnectionOwnership ownership, SecretCipher cipher, RecentWrites recentWrites,
                     SourceProducers producers, Map<CursorKeyValue, SourceCursor> cursors, int cursorPartitions,
                     ConnectionScheduler scheduler, Clock clock) {

    /** Value-typed cursor key (Avro records are not reliable map keys). */
    record CursorKeyValue(String connectionId, SystemType system, EntityType entity) {
        static CursorKeyValue of(CursorKey key) {
            return new CursorKeyValue(key.getConnectionId(), key.getSystem(), key.getEntity());
        }

        CursorKey toAvro() {
            return CursorKey.newBuilder().setConnectionId(connectionId).setSystem(system).setEntity(entity).build();
        }
    }
}
