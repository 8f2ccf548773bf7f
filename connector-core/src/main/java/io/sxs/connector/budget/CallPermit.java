package io.sxs.connector.budget;

/** One call slot taken from a budget; released when the reply (or the failure) is in. Release is idempotent. */
public interface CallPermit extends AutoCloseable {

    @Override
    void close();
}
