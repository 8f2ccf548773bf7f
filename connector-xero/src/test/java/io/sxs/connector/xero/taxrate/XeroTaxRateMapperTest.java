package io.sxs.connector.xero.taxrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TaxRate;
import org.junit.jupiter.api.Test;

class XeroTaxRateMapperTest {

    private static JsonNode json(String s) throws Exception {
        return XeroJson.MAPPER.readTree(s);
    }

    @Test
    void theTaxTypeIsTheIdAndTheComponentsAndApplicabilityCarryOver() throws Exception {
        TaxRate rate = XeroTaxRateMapper.toCanonical(json("""
                {"Name":"20% (VAT on Income)","TaxType":"OUTPUT2","Status":"ACTIVE","EffectiveRate":20.0,
                 "CanApplyToRevenue":true,"CanApplyToExpenses":false,
                 "TaxComponents":[{"Name":"VAT","Rate":20.0,"IsCompound":false}]}"""));
        assertThat(rate.getId()).isEqualTo("OUTPUT2");
        assertThat(rate.getCode()).isEqualTo("OUTPUT2");
        assertThat(rate.getEffectiveRate()).isEqualByComparingTo("20");
        assertThat(rate.getEffectiveRate().scale()).isEqualTo(4);
        assertThat(rate.getComponents()).hasSize(1);
        assertThat(rate.getAppliesToSales()).isTrue();
        assertThat(rate.getAppliesToPurchases()).isFalse();
    }

    @Test
    void pendingRatesAreNotUsableYetAndDeletedOnesKeepTheirStatus() throws Exception {
        assertThat(XeroTaxRateMapper.toCanonical(json("{\"Name\":\"n\",\"TaxType\":\"T\",\"Status\":\"PENDING\",\"EffectiveRate\":1}"))
                .getStatus()).isEqualTo(RecordStatus.ARCHIVED);
        assertThat(XeroTaxRateMapper.toCanonical(json("{\"Name\":\"n\",\"TaxType\":\"T\",\"Status\":\"DELETED\",\"EffectiveRate\":1}"))
                .getStatus()).isEqualTo(RecordStatus.DELETED);
    }

    @Test
    void malformedRatesAreTypedErrorsNamingTheField() {
        assertThatThrownBy(() -> XeroTaxRateMapper.toCanonical(json("{\"Name\":\"n\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("TaxType");
        assertThatThrownBy(() -> XeroTaxRateMapper.toCanonical(json("{\"Name\":\"n\",\"TaxType\":\"T\",\"EffectiveRate\":\"x\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("EffectiveRate");
        assertThatThrownBy(() -> XeroTaxRateMapper.toCanonical(json("{\"Name\":\"n\",\"TaxType\":\"T\",\"EffectiveRate\":1.23456}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("more than 4 decimals");
        assertThatThrownBy(() -> XeroTaxRateMapper.toCanonical(json("{\"Name\":\"n\",\"TaxType\":\"T\",\"Status\":\"ODD\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("unknown Status ODD");
    }
}
