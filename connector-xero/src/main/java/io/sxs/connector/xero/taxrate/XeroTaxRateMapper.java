package io.sxs.connector.xero.taxrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TaxComponent;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A Xero {@code TaxRates} element to the canonical {@link TaxRate}. A tax rate's identity in Xero is its
 * {@code TaxType} code (there is no other id), so that is the canonical id and code. {@code PENDING} rates (not yet
 * effective) read as ARCHIVED: they cannot be used on documents yet. Pure.
 */
public final class XeroTaxRateMapper {

    private XeroTaxRateMapper() {
    }

    public static TaxRate toCanonical(JsonNode row) throws MappingException {
        String taxType = XeroFields.requiredText(row, "TaxType");
        String name = XeroFields.text(row, "Name");
        if (name == null) {
            throw new MappingException("tax rate " + taxType + " has no Name");
        }
        BigDecimal effective = XeroFields.decimal(row, "EffectiveRate", Decimals.PERCENT_SCALE);
        if (effective == null) {
            effective = XeroFields.decimalOrZero(row, "DisplayTaxRate", Decimals.PERCENT_SCALE);
        }
        List<TaxComponent> components = new ArrayList<>();
        JsonNode list = row.get("TaxComponents");
        if (list != null && list.isArray()) {
            for (JsonNode c : list) {
                components.add(new TaxComponent(XeroFields.text(c, "Name") == null ? "" : XeroFields.text(c, "Name"),
                        XeroFields.decimalOrZero(c, "Rate", Decimals.PERCENT_SCALE), XeroFields.bool(c, "IsCompound")));
            }
        }
        return TaxRate.newBuilder().setId(taxType).setCode(taxType).setName(name).setStatus(status(row, taxType))
                .setEffectiveRate(effective).setComponents(components)
                .setAppliesToSales(!row.has("CanApplyToRevenue") || XeroFields.bool(row, "CanApplyToRevenue"))
                .setAppliesToPurchases(!row.has("CanApplyToExpenses") || XeroFields.bool(row, "CanApplyToExpenses"))
                .build();
    }

    private static RecordStatus status(JsonNode row, String taxType) throws MappingException {
        String status = XeroFields.text(row, "Status");
        if (status == null) {
            return RecordStatus.ACTIVE;
        }
        return switch (status) {
            case "ACTIVE" -> RecordStatus.ACTIVE;
            case "ARCHIVED", "PENDING" -> RecordStatus.ARCHIVED;
            case "DELETED" -> RecordStatus.DELETED;
            default -> throw new MappingException("tax rate " + taxType + " has unknown Status " + status);
        };
    }
}
