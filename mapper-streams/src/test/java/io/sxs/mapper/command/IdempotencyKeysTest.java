package io.sxs.mapper.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.CommandAction;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void stablePerItemContentAndAction() {
        String key = IdempotencyKeys.of("c1", EntityType.INVOICE, SystemType.SCORO, "42", "abc", CommandAction.CREATE);
        assertThat(key).isEqualTo(IdempotencyKeys.of("c1", EntityType.INVOICE, SystemType.SCORO, "42", "abc", CommandAction.CREATE));
        assertThat(key).isNotEqualTo(IdempotencyKeys.of("c1", EntityType.INVOICE, SystemType.SCORO, "42", "abd", CommandAction.CREATE));
        assertThat(key).isNotEqualTo(IdempotencyKeys.of("c1", EntityType.INVOICE, SystemType.SCORO, "42", "abc", CommandAction.UPDATE));
        assertThat(key).isNotEqualTo(IdempotencyKeys.of("c2", EntityType.INVOICE, SystemType.SCORO, "42", "abc", CommandAction.CREATE));
    }

    @Test
    void longKeysAreHashedToAtMost128Characters() {
        String longId = "x".repeat(200);
        String key = IdempotencyKeys.of("c1", EntityType.CONTACT, SystemType.XERO, longId, "abc", CommandAction.CREATE);
        assertThat(key).hasSizeLessThanOrEqualTo(IdempotencyKeys.MAX_LENGTH).startsWith("sha256:");
        assertThat(key).isEqualTo(IdempotencyKeys.of("c1", EntityType.CONTACT, SystemType.XERO, longId, "abc", CommandAction.CREATE));
        assertThat(key).isNotEqualTo(IdempotencyKeys.of("c1", EntityType.CONTACT, SystemType.XERO, longId + "y", "abc", CommandAction.CREATE));
    }
}
