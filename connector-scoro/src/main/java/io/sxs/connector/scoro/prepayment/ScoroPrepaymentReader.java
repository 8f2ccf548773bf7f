package io.sxs.connector.scoro.prepayment;

import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroListReader;
import io.sxs.schemas.common.EntityType;
import java.time.Duration;

/**
 * Reads Scoro prepayment invoices from their list (rows carry number, client, currency and sums; lines are not
 * needed), deleted ones included, so that a Xero prepayment can be matched onto one. Scoro's webhooks announce them.
 */
public final class ScoroPrepaymentReader extends ScoroListReader {

    public static final String MODULE = "prepayments";
    public static final String ID_FIELD = "id";

    public ScoroPrepaymentReader(ScoroClients clients) {
        super(clients, EntityType.PREPAYMENT, MODULE, ID_FIELD, ScoroPrepaymentMapper::toCanonical);
    }

    /** Only match candidates, announced by webhooks: the safety-net poll runs at a quarter of the usual rate. */
    @Override
    public Duration pollFloor(Duration safetyNet) {
        return safetyNet.multipliedBy(4);
    }
}
