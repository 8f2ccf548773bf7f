package io.sxs.connector.xero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.taxrate.XeroTaxRateReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TaxRate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XeroTaxRateReaderSandboxTest extends SandboxTestBase {

    @Test
    void oneGetReadsEveryRateWithAContentVersionThatChangesWithTheRate() throws Exception {
        XeroTaxRateReader reader = new XeroTaxRateReader(client);
        assertThat(reader.snapshot()).isTrue();
        ReadPage page = reader.read(connection, null, 1);

        assertThat(page.apiCalls()).isEqualTo(1);
        assertThat(page.lastPage()).isTrue();
        assertThat(page.items()).hasSize(sandbox.taxRates(tenant.tenantId()).size());
        assertThat(page.items()).allSatisfy(i -> {
            assertThat(i.entity()).isEqualTo(EntityType.TAX_RATE);
            assertThat(i.invalidReason()).isNull();
        });
        ReadItem output2 = find(page.items(), "OUTPUT2");
        assertThat(((TaxRate) output2.payload()).getEffectiveRate()).isEqualByComparingTo("20");

        sandbox.updateTaxRate(tenant.tenantId(), "OUTPUT2", Map.of("Name", "Standard rate (renamed)"));
        sandbox.updateTaxRate(tenant.tenantId(), "INPUT2", Map.of("Status", "DELETED"));
        List<ReadItem> again = reader.read(connection, null, 1).items();
        assertThat(find(again, "OUTPUT2").sourceVersion()).isNotEqualTo(output2.sourceVersion());
        assertThat(((TaxRate) find(again, "INPUT2").payload()).getStatus()).isEqualTo(RecordStatus.DELETED);
    }

    private static ReadItem find(List<ReadItem> items, String id) {
        return items.stream().filter(i -> i.sourceId().equals(id)).findFirst().orElseThrow();
    }
}
