package io.sxs.connector.xero.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Idempotency-Key values (at most 128 characters). A batch's key is derived from its commands' keys, so an identical
 * retried batch carries the same key and Xero replays the first answer instead of writing twice.
 */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {
    }

    /** {@code prefix:} + the first 64 hex digits of SHA-256 over the parts, in order. */
    public static String derive(String prefix, List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            String key = prefix + ":" + HexFormat.of().formatHex(digest.digest());
            return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
