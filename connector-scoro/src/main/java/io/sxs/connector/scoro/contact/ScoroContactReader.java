package io.sxs.connector.scoro.contact;

import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroListReader;
import io.sxs.schemas.common.EntityType;

/** Reads Scoro contacts (companies and persons), deleted ones included; lists return contacts whole. */
public final class ScoroContactReader extends ScoroListReader {

    public static final String MODULE = "contacts";

    public ScoroContactReader(ScoroClients clients) {
        super(clients, EntityType.CONTACT, MODULE, "contact_id", ScoroContactMapper::toCanonical);
    }
}
