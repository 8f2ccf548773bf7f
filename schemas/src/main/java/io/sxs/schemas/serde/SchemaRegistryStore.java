package io.sxs.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/** A {@link SchemaStore} that writers also publish to, so that any reader can resolve any writer schema. */
public interface SchemaRegistryStore extends SchemaStore, AutoCloseable {

    /** Makes the schema resolvable by every reader before any record written with it is sent. */
    void register(Schema schema);

    @Override
    void close();
}
