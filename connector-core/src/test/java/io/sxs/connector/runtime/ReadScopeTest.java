package io.sxs.connector.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EncryptedSecret;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import io.sxs.schemas.registry.ConnectionDirections;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadScopeTest {

    private static ConnectionConfig connection() {
        EncryptedSecret secret = EncryptedSecret.newBuilder().setKeyId("k").setIv(ByteBuffer.allocate(1))
                .setCiphertext(ByteBuffer.allocate(1)).build();
        return ConnectionConfig.newBuilder().setConnectionId("c").setName("c")
                .setScoro(ScoroEndpoint.newBuilder().setSiteUrl("https://acme.scoro.com").setCompanyAccountId("c-1")
                        .setApiKey(secret).build())
                .setXero(XeroEndpoint.newBuilder().setApiBaseUrl("https://api.xero.com").setTenantId("t").setTokens(secret).build())
                .setCreatedAt(Instant.EPOCH).setUpdatedAt(Instant.EPOCH).build();
    }

    @Test
    void anEndpointWhoseEntitiesAreAllOffIsNotRead() {
        ConnectionConfig c = connection();
        ConnectionDirections.set(c, EntityType.BILL, Direction.OFF);
        ConnectionDirections.set(c, EntityType.INVOICE, Direction.OFF);
        assertThat(ReadScope.wanted(c, Set.of(EntityType.BILL))).isFalse();
        assertThat(ReadScope.wanted(c, Set.of(EntityType.INVOICE, EntityType.CREDIT_NOTE)))
                .as("credit notes follow the invoice direction").isFalse();
        ConnectionDirections.set(c, EntityType.BILL, Direction.TO_SCORO);
        assertThat(ReadScope.wanted(c, Set.of(EntityType.INVOICE, EntityType.BILL))).as("Xero's invoice pages bring bills").isTrue();
    }

    @Test
    void whatFollowsDocumentsOrHasAnotherOwnerRuleIsAlwaysRead() {
        ConnectionConfig c = connection();
        ConnectionDirections.set(c, EntityType.ITEM, Direction.OFF);
        assertThat(ReadScope.wanted(c, Set.of(EntityType.ITEM))).as("a line may need the item").isTrue();
        assertThat(ReadScope.wanted(c, Set.of(EntityType.CONTACT))).isTrue();
        assertThat(ReadScope.wanted(c, Set.of(EntityType.TAX_RATE))).isTrue();
    }
}
