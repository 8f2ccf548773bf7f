package io.sxs.schemas.secret;

import io.sxs.schemas.common.EncryptedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for credentials kept on topics (API keys, token sets), so that they are encrypted at rest and a topic
 * dump never shows them. The connection id is bound in as associated data: a secret copied onto another connection
 * does not decrypt.
 */
public final class SecretCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String keyId;
    private final SecretKeySpec key;

    public SecretCipher(String keyId, byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("Secret key must be 32 bytes (AES-256), got " + key.length);
        }
        this.keyId = Objects.requireNonNull(keyId);
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From a base64 key, as configured in {@code sxs.secrets.key}. */
    public static SecretCipher fromBase64(String keyId, String base64Key) {
        try {
            return new SecretCipher(keyId, Base64.getDecoder().decode(base64Key.trim()));
        } catch (IllegalArgumentException e) {
            // The key itself never goes into the message.
            throw new IllegalArgumentException("sxs.secrets.key is not a base64 32-byte key: " + e.getMessage());
        }
    }

    public static String newBase64Key() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public EncryptedSecret encrypt(String connectionId, String plain) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] out = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return EncryptedSecret.newBuilder().setKeyId(keyId).setIv(ByteBuffer.wrap(iv)).setCiphertext(ByteBuffer.wrap(out)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String connectionId, EncryptedSecret secret) {
        if (!keyId.equals(secret.getKeyId())) {
            throw new SecretException("Secret of connection " + connectionId + " was encrypted with key '" + secret.getKeyId()
                    + "', this process has key '" + keyId + "'");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes(secret.getIv())));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes(secret.getCiphertext())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretException("Secret of connection " + connectionId + " does not decrypt with key '" + keyId + "'");
        }
    }

    /**
     * A token that proves knowledge of the key for one purpose and value (e.g. the secret part of a webhook URL for a
     * connection): HMAC-SHA256 under a key derived for the purpose, base64url, 128 bits. It reveals nothing of the key.
     */
    public String token(String purpose, String value) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(("sxs:" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            byte[] tag = mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(tag, 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Compares a presented token with the expected one in constant time. */
    public boolean tokenMatches(String purpose, String value, String presented) {
        return presented != null && java.security.MessageDigest.isEqual(token(purpose, value)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII), presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SecretCipher[" + keyId + ", key ****]";
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer dup = buffer.duplicate();
        byte[] out = new byte[dup.remaining()];
        dup.get(out);
        return out;
    }

    /** A stored secret cannot be used with this process's key. */
    public static class SecretException extends RuntimeException {
        public SecretException(String message) {
            super(message);
        }
    }
}
