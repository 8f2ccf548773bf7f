package io.sxs.app.config;

import io.sxs.schemas.secret.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the credential key comes from: {@code sxs.secrets.key}, or for the embedded default a key generated once into
 * the data folder (owner-only permissions). With an external cluster a missing key is a startup error: a generated
 * key on one machine would leave the other instances unable to read the credentials.
 */
public final class SecretKeys {

    private SecretKeys() {
    }

    public static SecretCipher cipher(SxsProperties props, boolean embedded) {
        String key = props.secrets().key();
        if (key != null && !key.isBlank()) {
            return SecretCipher.fromBase64(props.secrets().keyId(), key);
        }
        if (!embedded) {
            throw new IllegalStateException("sxs.secrets.key is required with an external Kafka cluster "
                    + "(a base64 32-byte key, e.g. `openssl rand -base64 32`)");
        }
        Path file = props.dataDir().resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(props.dataDir());
                Files.writeString(file, SecretCipher.newBase64Key());
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return SecretCipher.fromBase64("local", Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
