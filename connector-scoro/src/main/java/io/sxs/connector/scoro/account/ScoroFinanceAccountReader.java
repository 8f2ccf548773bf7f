package io.sxs.connector.scoro.account;

import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroSnapshotReader;
import io.sxs.schemas.common.EntityType;

/**
 * Reads Scoro's chart of accounts back, so that an edit made in Scoro to an account Xero owns is put back and a
 * deleted one recreated; the whole list every pass, diffed by the runtime.
 */
public final class ScoroFinanceAccountReader extends ScoroSnapshotReader {

    public ScoroFinanceAccountReader(ScoroClients clients) {
        super(clients, EntityType.ACCOUNT, ScoroFinanceAccountMapper.MODULE, ScoroFinanceAccountMapper.ID_FIELD,
                ScoroFinanceAccountMapper::toCanonical);
    }
}
