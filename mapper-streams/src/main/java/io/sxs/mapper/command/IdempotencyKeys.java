package io.sxs.mapper.command;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.CommandAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys: the same source item in the same content always gets the same key, so a command issued again
 * (retry, crash before commit) is recognised by the target (Xero's Idempotency-Key) instead of writing twice.
 */
public final class IdempotencyKeys {

    /** Xero accepts at most 128 characters. */
    public static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {
    }

    /**
     * The action is part of the key so that a create and a later update to the same content (A, B, back to A) do not
     * share a key, which the target would answer with the remembered reply instead of writing.
     */
    public static String of(String connectionId, EntityType entity, SystemType system, String id, String contentHash,
                            CommandAction action) {
        String plain = connectionId + ":" + entity + ":" + system + ":" + id + ":" + contentHash + ":" + action;
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
