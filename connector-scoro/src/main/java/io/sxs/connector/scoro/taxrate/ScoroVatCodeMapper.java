package io.sxs.connector.scoro.taxrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.sink.ReferenceWrites;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.util.List;

/**
 * Scoro {@code vatCodes} rows to and from the canonical {@link TaxRate}. Scoro keeps one percent per code (no
 * components) and an active flag, so a Xero rate arrives as its effective rate, and DELETED or ARCHIVED Xero rates
 * as inactive codes. Pure.
 */
public final class ScoroVatCodeMapper {

    public static final String MODULE = "vatCodes";
    public static final String ID_FIELD = "vat_code_id";

    private ScoroVatCodeMapper() {
    }

    public static TaxRate toCanonical(JsonNode row) {
        String id = ScoroValues.id(row, ID_FIELD);
        String code = ScoroValues.text(row, "vat_code");
        if (id == null || code == null) {
            throw new ScoroMappingException("vat code without " + (id == null ? ID_FIELD : "vat_code"));
        }
        BigDecimal percent = ScoroValues.requiredDecimal(row, "percent", Decimals.PERCENT_SCALE);
        String name = ScoroValues.text(row, "vat_name");
        return TaxRate.newBuilder().setId(id).setCode(code).setName(name == null ? code : name)
                .setStatus(!row.has("is_active") || ScoroValues.flag(row, "is_active") ? RecordStatus.ACTIVE : RecordStatus.ARCHIVED)
                .setEffectiveRate(percent).setComponents(List.of())
                .setAppliesToSales(!row.has("is_sales") || ScoroValues.flag(row, "is_sales"))
                .setAppliesToPurchases(!row.has("is_purchases") || ScoroValues.flag(row, "is_purchases"))
                .build();
    }

    /** The modify request that makes a Scoro code hold the rate's content. */
    public static ObjectNode toRequest(TaxRate rate) {
        ObjectNode r = ScoroJson.object();
        r.put("vat_code", rate.getCode());
        r.put("vat_name", rate.getName());
        r.put("percent", Decimals.percent(rate.getEffectiveRate()));
        r.put("is_sales", rate.getAppliesToSales() ? 1 : 0);
        r.put("is_purchases", rate.getAppliesToPurchases() ? 1 : 0);
        r.put("is_active", rate.getStatus() == RecordStatus.ACTIVE ? 1 : 0);
        return r;
    }

    /** Xero tax rates into VAT codes, adopting a code Scoro has from the cached reference lists. */
    public static ReferenceWrites<TaxRate> writes() {
        return new ReferenceWrites<>(MODULE, ID_FIELD, "vat_code", TaxRate.class, ScoroVatCodeMapper::toRequest,
                ScoroVatCodeMapper::toCanonical, (code, refs) -> refs.vatCodeRow(refs.vatCodeId(code)),
                (rate, needs) -> needs.vatCode(rate.getCode()));
    }
}
