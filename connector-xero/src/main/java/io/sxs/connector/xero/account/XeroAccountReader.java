package io.sxs.connector.xero.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroSnapshotReader;
import io.sxs.schemas.common.EntityType;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero's chart of accounts and its bank accounts, from one {@code GET /Accounts} per pass (the endpoint is not
 * paged, and an unused account can be deleted outright, which only comparing the sets shows). BANK rows are
 * {@code BANK_ACCOUNT}s, the rest {@code ACCOUNT}s: one call for both.
 */
public final class XeroAccountReader extends XeroSnapshotReader {

    public XeroAccountReader(XeroClient client) {
        super(client);
    }

    @Override
    public EntityType entity() {
        return EntityType.ACCOUNT;
    }

    @Override
    protected String collection() {
        return "Accounts";
    }

    @Override
    protected String idField() {
        return "AccountID";
    }

    @Override
    protected EntityType entityOf(JsonNode row) {
        return XeroAccountMapper.isBank(row) ? EntityType.BANK_ACCOUNT : EntityType.ACCOUNT;
    }

    @Override
    protected SpecificRecordBase map(JsonNode row, EntityType entity, JsonNode body) throws MappingException {
        return entity == EntityType.BANK_ACCOUNT ? XeroAccountMapper.toBankAccount(row) : XeroAccountMapper.toAccount(row);
    }
}
