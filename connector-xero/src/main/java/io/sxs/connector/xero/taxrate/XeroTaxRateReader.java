package io.sxs.connector.xero.taxrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroSnapshotReader;
import io.sxs.schemas.common.EntityType;
import org.apache.avro.specific.SpecificRecordBase;

/** Xero {@code TaxRates}: no modified-since filter and no paging, so one GET reads the whole set every pass. */
public final class XeroTaxRateReader extends XeroSnapshotReader {

    public XeroTaxRateReader(XeroClient client) {
        super(client);
    }

    @Override
    public EntityType entity() {
        return EntityType.TAX_RATE;
    }

    @Override
    protected String collection() {
        return "TaxRates";
    }

    @Override
    protected String idField() {
        return "TaxType";
    }

    @Override
    protected SpecificRecordBase map(JsonNode row, EntityType entity, JsonNode body) throws MappingException {
        return XeroTaxRateMapper.toCanonical(row);
    }
}
