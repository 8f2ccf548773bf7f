package io.sxs.app.control;

import io.sxs.app.config.SxsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's bearer token for the control API: {@code sxs.control.token}, or for the embedded default one generated
 * once into the data folder (owner-only), so that a restart keeps it. With an external cluster a missing token is a
 * startup error, like a missing credential key. Compared in constant time; never in a {@code toString}.
 */
public final class OperatorToken {

    private final byte[] token;
    private final boolean generated;

    private OperatorToken(String token, boolean generated) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.generated = generated;
    }

    public static OperatorToken of(SxsProperties props, boolean embedded) {
        String configured = props.control().token();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalStateException("sxs.control.token must be at least 16 characters");
            }
            return new OperatorToken(configured.trim(), false);
        }
        if (!embedded) {
            throw new IllegalStateException("sxs.control.token is required with an external Kafka cluster "
                    + "(the operator's bearer token for /api/, e.g. `openssl rand -hex 24`)");
        }
        Path file = props.dataDir().resolve("operator.token");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(props.dataDir());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return new OperatorToken(Files.readString(file).trim(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** True when {@code presented} is the token (constant time). */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself, to print once for the person who started the embedded default. */
    public String reveal() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /** True when it was generated into the data folder rather than configured. */
    public boolean generated() {
        return generated;
    }

    @Override
    public String toString() {
        return "OperatorToken[****]";
    }
}
