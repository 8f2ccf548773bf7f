package io.sxs.schemas.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sxs.schemas.common.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = SecretCipher.fromBase64("k1", SecretCipher.newBase64Key());

    @Test
    void roundTripsAndNeverStoresThePlainText() {
        EncryptedSecret secret = cipher.encrypt("conn-a", "api-key-123");
        assertThat(new String(secret.getCiphertext().array(), StandardCharsets.UTF_8)).doesNotContain("api-key-123");
        assertThat(cipher.decrypt("conn-a", secret)).isEqualTo("api-key-123");
    }

    @Test
    void aSecretCopiedToAnotherConnectionDoesNotDecrypt() {
        EncryptedSecret secret = cipher.encrypt("conn-a", "api-key-123");
        assertThatThrownBy(() -> cipher.decrypt("conn-b", secret)).isInstanceOf(SecretCipher.SecretException.class)
                .hasMessageNotContaining("api-key-123");
    }
}
