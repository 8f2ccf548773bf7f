package io.sxs.connector.xero.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Account;
import io.sxs.schemas.entity.BankAccount;
import org.junit.jupiter.api.Test;

class XeroAccountMapperTest {

    private static JsonNode json(String s) throws Exception {
        return XeroJson.MAPPER.readTree(s);
    }

    @Test
    void aRevenueAccountIsASalesAccountOfTheChart() throws Exception {
        JsonNode row = json("""
                {"AccountID":"a-1","Code":"200","Name":"Sales","Type":"REVENUE","Class":"REVENUE","TaxType":"OUTPUT2",
                 "Status":"ACTIVE","EnablePaymentsToAccount":false,"UpdatedDateUTC":"/Date(1714557600000+0000)/"}""");
        assertThat(XeroAccountMapper.isBank(row)).isFalse();
        Account a = XeroAccountMapper.toAccount(row);
        assertThat(a.getId()).isEqualTo("a-1");
        assertThat(a.getCode()).isEqualTo("200");
        assertThat(a.getIsSales()).isTrue();
        assertThat(a.getIsPurchases()).isFalse();
        assertThat(a.getTaxType()).isEqualTo("OUTPUT2");
        assertThat(a.getStatus()).isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void aBankAccountIsABankAccountWithItsNumber() throws Exception {
        JsonNode row = json("""
                {"AccountID":"b-1","Code":"090","Name":"Business Bank Account","Type":"BANK","Class":"ASSET",
                 "BankAccountNumber":"20-20-20 12345678","CurrencyCode":"GBP","Status":"ARCHIVED"}""");
        assertThat(XeroAccountMapper.isBank(row)).isTrue();
        BankAccount b = XeroAccountMapper.toBankAccount(row);
        assertThat(b.getAccountNumber()).isEqualTo("20-20-20 12345678");
        assertThat(b.getCurrencyCode()).isEqualTo("GBP");
        assertThat(b.getStatus()).isEqualTo(RecordStatus.ARCHIVED);
    }

    @Test
    void malformedAccountsAreTypedErrors() {
        assertThatThrownBy(() -> XeroAccountMapper.toAccount(json("{\"Name\":\"x\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("AccountID");
        assertThatThrownBy(() -> XeroAccountMapper.toAccount(json("{\"AccountID\":\"a\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("no Name");
        assertThatThrownBy(() -> XeroAccountMapper.toAccount(json("{\"AccountID\":\"a\",\"Name\":\"n\",\"Status\":\"GONE\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("unknown Status GONE");
    }
}
