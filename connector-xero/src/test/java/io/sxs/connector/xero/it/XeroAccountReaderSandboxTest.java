package io.sxs.connector.xero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.account.XeroAccountReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Account;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XeroAccountReaderSandboxTest extends SandboxTestBase {

    @Test
    void oneGetReadsTheChartAndItsBankAccountsAndADeletedAccountIsGoneFromTheSet() throws Exception {
        XeroAccountReader reader = new XeroAccountReader(client);
        Map<String, Object> added = sandbox.createAccount(tenant.tenantId(),
                Map.of("Code", "499", "Name", "Subscriptions", "Type", "EXPENSE"));
        ReadPage page = reader.read(connection, null, 1);

        assertThat(page.apiCalls()).isEqualTo(1);
        assertThat(page.items()).hasSize(sandbox.accounts(tenant.tenantId()).size());
        assertThat(page.items()).allSatisfy(i -> assertThat(i.invalidReason()).isNull());
        assertThat(page.items()).filteredOn(i -> i.entity() == EntityType.BANK_ACCOUNT).extracting(ReadItem::sourceId)
                .containsExactly(accountId("090"));
        Account subscriptions = (Account) find(page.items(), (String) added.get("AccountID")).payload();
        assertThat(subscriptions.getCode()).isEqualTo("499");
        assertThat(subscriptions.getIsPurchases()).isTrue();

        sandbox.deleteAccount(tenant.tenantId(), (String) added.get("AccountID"));
        assertThat(reader.read(connection, null, 1).items()).extracting(ReadItem::sourceId)
                .doesNotContain((String) added.get("AccountID"));
    }

    private String accountId(String code) {
        return (String) sandbox.accounts(tenant.tenantId()).stream().filter(a -> code.equals(a.get("Code"))).findFirst()
                .orElseThrow().get("AccountID");
    }

    private static ReadItem find(List<ReadItem> items, String id) {
        return items.stream().filter(i -> i.sourceId().equals(id)).findFirst().orElseThrow();
    }
}
