package io.sxs.connector.xero.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Item;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class XeroItemMapperTest {

    private static JsonNode json(String text) throws Exception {
        return XeroJson.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void anItemCarriesItsCodesAndItsTaxTypeIsTheTaxRateReference() throws Exception {
        Item item = XeroItemMapper.toCanonical(json("{'ItemID':'9a1c','Code':'GADGET','Name':'Gadget','Description':'A gadget',"
                + "'IsSold':true,'IsPurchased':false,'SalesDetails':{'UnitPrice':12.3456,'AccountCode':'200','TaxType':'OUTPUT2'},"
                + "'PurchaseDetails':{},'IsTrackedAsInventory':false,'UpdatedDateUTC':'/Date(1767225600000+0000)/'}"));
        assertThat(item.getId()).isEqualTo("9a1c");
        assertThat(item.getSalesUnitPrice()).isEqualByComparingTo("12.3456");
        assertThat(item.getSalesAccountCode()).isEqualTo("200");
        assertThat(item.getSalesTaxRateRef()).isEqualTo("OUTPUT2");
        assertThat(item.getSalesAccountRef()).as("Xero items name accounts by code only").isNull();
        assertThat(item.getIsPurchased()).isFalse();
        assertThat(item.getStatus()).isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void anItemWithoutACodeOrWithAFiveDecimalPriceIsATypedError() {
        assertThatThrownBy(() -> XeroItemMapper.toCanonical(json("{'ItemID':'1','Name':'x'}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("Code");
        assertThatThrownBy(() -> XeroItemMapper.toCanonical(json("{'ItemID':'1','Code':'A','SalesDetails':{'UnitPrice':'1.00001'}}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("UnitPrice 1.00001 has more than 4 decimals");
    }

    @Test
    void aScoroProductBecomesAnElementWithTranslatedTaxAndItsAccountCode() throws MappingException {
        Item product = Item.newBuilder().setId("").setCode("CONS").setName("Consulting").setSalesUnitPrice(new BigDecimal("95.5000"))
                .setSalesAccountRef("acc-200").setSalesAccountCode("200").setSalesTaxRateRef("OUTPUT2").setStatus(RecordStatus.ACTIVE).build();
        ObjectNode element = XeroItemMapper.toRequest(product, null, product.getCode());
        assertThat(element.has("ItemID")).isFalse();
        assertThat(element.get("Code").asText()).isEqualTo("CONS");
        assertThat(element.at("/SalesDetails/AccountCode").asText()).isEqualTo("200");
        assertThat(element.at("/SalesDetails/TaxType").asText()).isEqualTo("OUTPUT2");
        assertThat(element.at("/SalesDetails/UnitPrice").decimalValue()).isEqualByComparingTo("95.5");
        assertThat(element.has("PurchaseDetails")).isFalse();
    }

    @Test
    void aNameXeroCannotHoldIsRefusedNotCut() {
        Item longName = Item.newBuilder().setId("").setCode("LONG").setName("x".repeat(51)).setStatus(RecordStatus.ACTIVE).build();
        assertThatThrownBy(() -> XeroItemMapper.toRequest(longName, null, "LONG"))
                .hasMessageContaining("name has 51 characters, Xero allows 50");
    }
}
