package io.sxs.connector.scoro.support;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.CommandAction;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;

/** Commands as mapper-streams issues them to the Scoro sink (source: Xero). */
public final class Commands {

    private Commands() {
    }

    public static Command of(String connectionId, EntityType entity, CommandAction action, String targetId, String sourceId,
                             SpecificRecordBase payload) {
        return Command.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setConnectionId(connectionId)
                .setTargetSystem(SystemType.SCORO)
                .setEntity(entity)
                .setAction(action)
                .setTargetId(targetId)
                .setSourceSystem(SystemType.XERO)
                .setSourceId(sourceId)
                .setSourceHash(ContentHasher.hash(payload))
                .setIdempotencyKey(sourceId + ":" + ContentHasher.hash(payload))
                .setIssuedAt(Instant.now())
                .setPayload(payload)
                .build();
    }
}
