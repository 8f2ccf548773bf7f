package io.sxs.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.schemas.common.EncryptedSecret;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ScoroEndpoint;
import io.sxs.schemas.envelope.XeroEndpoint;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionLinksTest {

    @Test
    void aSiteIsOneKeyWhateverItsSchemeCaseTrailingSlashOrDefaultPort() {
        assertThat(ConnectionLinks.normaliseSite("HTTPS://Acme.Scoro.com:443/")).isEqualTo("https://acme.scoro.com");
        assertThat(ConnectionLinks.normaliseSite("acme.scoro.com")).isEqualTo("https://acme.scoro.com");
        assertThat(ConnectionLinks.normaliseSite("http://localhost:80/api//")).isEqualTo("http://localhost/api");
        assertThat(ConnectionLinks.normaliseSite("http://localhost:18082/")).isEqualTo("http://localhost:18082");
    }

    @Test
    void theConnectionCreatedFirstHoldsTheLinkAndALaterOneIsRefusedNamingIt() {
        ConnectionConfig first = connection("a", "https://acme.scoro.com", "1", "t-1", 10);
        ConnectionConfig sameScoro = connection("b", "HTTPS://ACME.scoro.com:443/", "1", "t-2", 20);
        ConnectionConfig sameXero = connection("c", "https://other.scoro.com", "1", "T-1", 30);
        ConnectionConfig apart = connection("d", "https://acme.scoro.com", "2", "t-4", 40);
        ConnectionLinks links = ConnectionLinks.of(List.of(sameXero, sameScoro, apart, first));
        assertThat(links.refusal(first)).isNull();
        assertThat(links.refusal(sameScoro)).contains("Scoro company 1 at https://acme.scoro.com").contains("connection a");
        assertThat(links.refusal(sameXero)).contains("Xero organisation T-1").contains("connection a");
        assertThat(links.refusal(apart)).as("another company account of the same site is another entity").isNull();
    }

    @Test
    void aRemovedConnectionHoldsNothingAndATieGoesToTheLowerId() {
        ConnectionConfig removed = connection("a", "https://acme.scoro.com", "1", "t-1", 10);
        removed.setStatus(ConnectionStatus.REMOVED);
        ConnectionConfig z = connection("z", "https://acme.scoro.com", "1", "t-1", 20);
        ConnectionConfig y = connection("y", "https://acme.scoro.com", "1", "t-1", 20);
        ConnectionLinks links = ConnectionLinks.of(List.of(removed, z, y));
        assertThat(links.refusal(y)).isNull();
        assertThat(links.refusal(z)).contains("connection y");
        assertThat(links.refusal(removed)).isNull();
    }

    private static ConnectionConfig connection(String id, String site, String company, String tenant, long created) {
        EncryptedSecret secret = new EncryptedSecret("k1", ByteBuffer.wrap(new byte[12]), ByteBuffer.wrap(new byte[16]));
        return ConnectionConfig.newBuilder().setConnectionId(id).setName(id)
                .setScoro(new ScoroEndpoint(site, company, secret))
                .setXero(XeroEndpoint.newBuilder().setTenantId(tenant).setTokens(secret).build())
                .setCreatedAt(Instant.ofEpochSecond(created)).setUpdatedAt(Instant.ofEpochSecond(created)).build();
    }
}
