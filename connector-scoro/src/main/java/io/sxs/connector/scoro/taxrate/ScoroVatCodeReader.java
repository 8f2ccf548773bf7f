package io.sxs.connector.scoro.taxrate;

import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroSnapshotReader;
import io.sxs.schemas.common.EntityType;

/**
 * Reads Scoro's VAT codes back, so that an edit made in Scoro to a code Xero owns is seen and put back, and a deleted
 * one recreated. {@code vatCodes} has no modification date and no deleted flag: the whole list every pass.
 */
public final class ScoroVatCodeReader extends ScoroSnapshotReader {

    public ScoroVatCodeReader(ScoroClients clients) {
        super(clients, EntityType.TAX_RATE, ScoroVatCodeMapper.MODULE, ScoroVatCodeMapper.ID_FIELD,
                ScoroVatCodeMapper::toCanonical);
    }
}
