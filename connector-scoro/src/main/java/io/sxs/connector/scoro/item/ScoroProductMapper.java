package io.sxs.connector.scoro.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Item;
import io.sxs.schemas.money.Decimals;

/**
 * Scoro {@code products} ⇄ canonical {@link Item}, as pure functions. Scoro names a product's accounts and tax rates
 * by id ({@code sales_finance_account_id}, {@code default_sales_tax_id}, ...), which travel as references; Xero names
 * accounts by code, which the writer looks up in the cached finance accounts. Scoro has no sold/purchased flags: a
 * product is sold, and purchased when it has a buying price or a purchases account.
 */
public final class ScoroProductMapper {

    /** The code a product without one goes to Xero with (Xero requires a unique code). */
    public static final String CODE_PREFIX = "SCORO-";

    private ScoroProductMapper() {
    }

    /** A Scoro product (list, view or modify reply) as canonical; throws {@link ScoroMappingException} when malformed. */
    public static Item toCanonical(JsonNode p) {
        String id = ScoroValues.id(p, ScoroProductReader.ID_FIELD);
        if (id == null) {
            throw new ScoroMappingException("product_id is missing");
        }
        String code = ScoroValues.text(p, "code");
        String salesTax = ScoroValues.id(p, "default_sales_tax_id");
        String purchaseAccount = ScoroValues.id(p, "purchases_finance_account_id");
        var buyingPrice = ScoroValues.decimal(p, "buying_price", Decimals.UNIT_AMOUNT_SCALE);
        RecordStatus status = ScoroValues.flag(p, "is_deleted") ? RecordStatus.DELETED
                : p.has("is_active") && !ScoroValues.flag(p, "is_active") ? RecordStatus.ARCHIVED : RecordStatus.ACTIVE;
        return Item.newBuilder()
                .setId(id)
                .setCode(code != null ? code : CODE_PREFIX + id)
                .setName(ScoroValues.text(p, "name"))
                .setDescription(ScoroValues.text(p, "description"))
                .setUnit(ScoroValues.text(p, "unit"))
                .setIsSold(true)
                .setIsPurchased(buyingPrice != null || purchaseAccount != null)
                .setSalesUnitPrice(ScoroValues.decimal(p, "price", Decimals.UNIT_AMOUNT_SCALE))
                .setSalesAccountRef(ScoroValues.id(p, "sales_finance_account_id"))
                .setSalesTaxRateRef(salesTax != null ? salesTax : ScoroValues.id(p, "default_vat_code_id"))
                .setPurchaseUnitPrice(buyingPrice)
                .setPurchaseAccountRef(purchaseAccount)
                .setPurchaseTaxRateRef(ScoroValues.id(p, "default_purchases_tax_id"))
                .setStatus(status)
                .setUpdatedAt(ScoroTimestamps.instant("modified_date", ScoroValues.text(p, "modified_date")))
                .build();
    }

    /** The finance account codes the request needs looked up (those an item names by code only, as Xero does). */
    public static ReferenceNeeds needsOf(Item item, ReferenceNeeds needs) {
        if (item.getSalesAccountRef() == null) {
            needs.accountSymbol(item.getSalesAccountCode());
        }
        if (item.getPurchaseAccountRef() == null) {
            needs.accountSymbol(item.getPurchaseAccountCode());
        }
        return needs;
    }

    /** The {@code request} of {@code products/modify} for a canonical item (references already Scoro ids). */
    public static ObjectNode toRequest(Item item, ReferenceData refs) {
        ObjectNode r = ScoroJson.object();
        r.put("code", item.getCode());
        r.put("name", item.getName() != null ? item.getName() : item.getCode());
        r.put("description", item.getDescription() == null ? "" : item.getDescription());
        r.put("unit", item.getUnit() == null ? "" : item.getUnit());
        if (item.getSalesUnitPrice() != null) {
            r.put("price", item.getSalesUnitPrice());
        }
        if (item.getPurchaseUnitPrice() != null) {
            r.put("buying_price", item.getPurchaseUnitPrice());
        }
        r.put("is_active", item.getStatus() == RecordStatus.ACTIVE ? 1 : 0);
        account(r, "sales_finance_account_id", item.getSalesAccountRef(), item.getSalesAccountCode(), refs);
        account(r, "purchases_finance_account_id", item.getPurchaseAccountRef(), item.getPurchaseAccountCode(), refs);
        if (item.getSalesTaxRateRef() != null) {
            r.put("default_vat_code_id", ScoroValues.scoroId("salesTaxRateRef", item.getSalesTaxRateRef()));
            r.put("default_sales_tax_id", ScoroValues.scoroId("salesTaxRateRef", item.getSalesTaxRateRef()));
        }
        if (item.getPurchaseTaxRateRef() != null) {
            r.put("default_purchases_tax_id", ScoroValues.scoroId("purchaseTaxRateRef", item.getPurchaseTaxRateRef()));
        }
        return r;
    }

    private static void account(ObjectNode r, String field, String ref, String code, ReferenceData refs) {
        if (ref != null) {
            r.put(field, ScoroValues.scoroId(field, ref));
        } else if (code != null) {
            String id = refs.financeAccountId(code);
            if (id == null) {
                throw new ScoroMappingException(field + ": account code '" + code + "' is not a Scoro finance account");
            }
            r.put(field, ScoroValues.scoroId(field, id));
        }
    }
}
