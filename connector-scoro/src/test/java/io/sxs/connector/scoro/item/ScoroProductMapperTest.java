package io.sxs.connector.scoro.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.support.Json;
import io.sxs.connector.scoro.support.TestRefs;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Item;
import org.junit.jupiter.api.Test;

class ScoroProductMapperTest {

    @Test
    void aProductNamesItsAccountsAndTaxRatesByScoroIds() {
        Item item = ScoroProductMapper.toCanonical(Json.of("{'product_id':12,'code':'CONS','name':'Consulting','price':'95.5',"
                + "'buying_price':null,'unit':'h','is_active':1,'default_vat_code_id':1,'default_sales_tax_id':0,"
                + "'sales_finance_account_id':'2','purchases_finance_account_id':0,'modified_date':'2026-11-02 10:00:00',"
                + "'is_deleted':0}"));
        assertThat(item.getId()).isEqualTo("12");
        assertThat(item.getCode()).isEqualTo("CONS");
        assertThat(item.getSalesUnitPrice()).isEqualByComparingTo("95.5").hasScaleOf(4);
        assertThat(item.getSalesAccountRef()).isEqualTo("2");
        assertThat(item.getSalesAccountCode()).as("the code comes from the account through the ID map").isNull();
        assertThat(item.getSalesTaxRateRef()).as("the product's default VAT code when no sales tax is set").isEqualTo("1");
        assertThat(item.getIsPurchased()).as("no buying price, no purchases account").isFalse();
        assertThat(item.getStatus()).isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void aProductWithoutACodeGetsTheCodeItGoesToXeroWithAndAnInactiveOneIsArchived() {
        Item item = ScoroProductMapper.toCanonical(Json.of("{'product_id':7,'name':'Misc','is_active':0,'buying_price':4,"
                + "'default_purchases_tax_id':2}"));
        assertThat(item.getCode()).isEqualTo("SCORO-7");
        assertThat(item.getStatus()).isEqualTo(RecordStatus.ARCHIVED);
        assertThat(item.getIsPurchased()).isTrue();
        assertThat(item.getPurchaseTaxRateRef()).isEqualTo("2");
    }

    @Test
    void aPriceWithMoreThanFourDecimalsIsAnErrorNamingTheField() {
        assertThatThrownBy(() -> ScoroProductMapper.toCanonical(Json.of("{'product_id':7,'name':'X','price':'1.23456'}")))
                .isInstanceOf(ScoroMappingException.class).hasMessageContaining("price 1.23456 has more than 4 decimals");
    }

    @Test
    void aXeroItemBecomesARequestWithItsAccountCodesLookedUpAndItsTaxRatesTranslated() {
        Item fromXero = Item.newBuilder().setId("").setCode("GADGET").setName("Gadget").setSalesUnitPrice(new java.math.BigDecimal("10.0000"))
                .setSalesAccountCode("260").setSalesTaxRateRef("4").setIsPurchased(true).setPurchaseAccountCode("400")
                .setStatus(RecordStatus.ACTIVE).build();
        ObjectNode request = ScoroProductMapper.toRequest(fromXero, TestRefs.sandboxLike());
        assertThat(request.get("code").asText()).isEqualTo("GADGET");
        assertThat(request.get("sales_finance_account_id").asInt()).isEqualTo(2);
        assertThat(request.get("purchases_finance_account_id").asInt()).isEqualTo(3);
        assertThat(request.get("default_sales_tax_id").asInt()).isEqualTo(4);
        assertThat(request.get("is_active").asInt()).isEqualTo(1);

        Item unknownAccount = Item.newBuilder(fromXero).setSalesAccountCode("999").build();
        assertThatThrownBy(() -> ScoroProductMapper.toRequest(unknownAccount, TestRefs.sandboxLike()))
                .hasMessageContaining("sales_finance_account_id: account code '999' is not a Scoro finance account");
    }

    @Test
    void aWrittenProductReadsBackAsTheSameItem() {
        Item item = ScoroProductMapper.toCanonical(Json.of("{'product_id':12,'code':'CONS','name':'Consulting','price':'95.5000',"
                + "'unit':'h','is_active':1,'default_vat_code_id':1,'default_sales_tax_id':1,'sales_finance_account_id':2}"));
        ObjectNode reply = ScoroProductMapper.toRequest(item, TestRefs.sandboxLike()).put("product_id", 12);
        assertThat(ScoroProductMapper.toCanonical(reply)).isEqualTo(item);
    }
}
