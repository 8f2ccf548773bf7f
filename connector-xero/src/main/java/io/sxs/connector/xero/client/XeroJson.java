package io.sxs.connector.xero.client;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one Jackson configuration for Xero JSON: every JSON float is read as BigDecimal, never as double. */
public final class XeroJson {

    /** Exact decimals in trees too (a {@code 10.10} stays {@code 10.10}). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .nodeFactory(NODES)
            .build();

    private XeroJson() {
    }
}
