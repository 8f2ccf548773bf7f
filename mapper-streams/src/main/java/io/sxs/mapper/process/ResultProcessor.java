package io.sxs.mapper.process;

import io.sxs.mapper.MapperSettings;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** Reads the sinks' write results. Shares the stores with {@link ChangeProcessor} (same task, same connection). */
public final class ResultProcessor extends MapperProcessor<WriteResult> {

    private ResultHandler results;

    public ResultProcessor(MapperSettings settings, AvroSerde<SpecificRecordBase> decoder, Serializer<String> connectionPrefix) {
        super(settings, decoder, WriteResult.class, Nodes.CONNECTIONS_STORE, connectionPrefix);
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecordBase> context) {
        super.init(context);
        results = new ResultHandler(state, new ChangeHandler(state));
    }

    @Override
    protected void handle(String key, WriteResult result, byte[] encoded, String where) {
        String problem = InputValidator.problem(key, result);
        if (problem != null) {
            state.log().invalid(key, problem + " (" + where + ")");
            return;
        }
        results.handle(result);
    }
}
