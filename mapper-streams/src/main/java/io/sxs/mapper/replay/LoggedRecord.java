package io.sxs.mapper.replay;

/** One record as a topic holds it: where it was, its bytes and its timestamp. */
public record LoggedRecord(String topic, int partition, long offset, byte[] key, byte[] value, long timestamp) {
}
