package io.sxs.connector.xero.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/** Xero Contacts, archived ones included (archiving is an update a delta poll must see). */
public class XeroContactReader extends XeroPagedReader {

    public XeroContactReader(XeroClient client) {
        this(client, MAX_PAGE_SIZE);
    }

    public XeroContactReader(XeroClient client, int pageSize) {
        super(client, pageSize);
    }

    @Override
    public EntityType entity() {
        return EntityType.CONTACT;
    }

    @Override
    protected String collection() {
        return "Contacts";
    }

    @Override
    protected String idField() {
        return "ContactID";
    }

    @Override
    protected void addQuery(Map<String, String> query) {
        query.put("includeArchived", "true");
    }

    @Override
    protected SpecificRecordBase map(JsonNode row) throws MappingException {
        return XeroContactMapper.toCanonical(row);
    }
}
