package io.sxs.connector.xero.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Item;
import io.sxs.schemas.money.Decimals;

/**
 * Xero {@code Items} ⇄ canonical {@link Item}, as pure functions. Xero names an item's accounts by code and its tax
 * rates by TaxType (which is the tax rate's id, so it travels as the reference too). Items have no status: a deleted
 * item is gone, found by comparing id sets.
 */
public final class XeroItemMapper {

    /** Xero's limits on an item (API notes: Code ≤ 30, Name ≤ 50). */
    public static final int MAX_CODE = 30;
    public static final int MAX_NAME = 50;

    private XeroItemMapper() {
    }

    public static Item toCanonical(JsonNode i) throws MappingException {
        String id = XeroFields.guid(i, "ItemID");
        if (id == null) {
            throw new MappingException("ItemID is missing");
        }
        JsonNode sales = i.path("SalesDetails");
        JsonNode purchase = i.path("PurchaseDetails");
        String salesTax = XeroFields.text(sales, "TaxType");
        String purchaseTax = XeroFields.text(purchase, "TaxType");
        return Item.newBuilder()
                .setId(id)
                .setCode(XeroFields.requiredText(i, "Code"))
                .setName(XeroFields.text(i, "Name"))
                .setDescription(XeroFields.text(i, "Description"))
                .setIsSold(!i.has("IsSold") || XeroFields.bool(i, "IsSold"))
                .setIsPurchased(!i.has("IsPurchased") || XeroFields.bool(i, "IsPurchased"))
                .setSalesUnitPrice(XeroFields.decimal(sales, "UnitPrice", Decimals.UNIT_AMOUNT_SCALE))
                .setSalesAccountCode(XeroFields.text(sales, "AccountCode"))
                .setSalesTaxType(salesTax)
                .setSalesTaxRateRef(salesTax)
                .setPurchaseUnitPrice(XeroFields.decimal(purchase, "UnitPrice", Decimals.UNIT_AMOUNT_SCALE))
                .setPurchaseAccountCode(XeroFields.text(purchase, "AccountCode"))
                .setPurchaseTaxType(purchaseTax)
                .setPurchaseTaxRateRef(purchaseTax)
                .setIsTrackedAsInventory(XeroFields.bool(i, "IsTrackedAsInventory"))
                .setStatus(RecordStatus.ACTIVE)
                .setUpdatedAt(XeroFields.timestamp(i, "UpdatedDateUTC"))
                .build();
    }

    /**
     * The element of a PUT/POST {@code Items} for a canonical item (references already Xero's). A value Xero cannot
     * hold is an error naming the field, never cut short.
     *
     * @param itemId the Xero ItemID for an update, null for a create
     * @param code   the code to write (the item's own, or the pipeline's for a product without one)
     */
    public static ObjectNode toRequest(Item item, String itemId, String code) throws MappingException {
        if (item.getIsTrackedAsInventory()) {
            throw new MappingException("item " + code + " is tracked as inventory, which the pipeline does not write");
        }
        if (code == null || code.isBlank() || code.length() > MAX_CODE) {
            throw new MappingException("item code '" + code + "' must be 1.." + MAX_CODE + " characters for Xero");
        }
        String name = item.getName() != null ? item.getName() : code;
        if (name.length() > MAX_NAME) {
            throw new MappingException("item " + code + ": name has " + name.length() + " characters, Xero allows " + MAX_NAME);
        }
        ObjectNode o = XeroJson.NODES.objectNode();
        if (itemId != null) {
            o.put("ItemID", itemId);
        }
        o.put("Code", code);
        o.put("Name", name);
        o.put("Description", item.getDescription() == null ? "" : item.getDescription());
        o.put("IsSold", item.getIsSold());
        o.put("IsPurchased", item.getIsPurchased());
        if (item.getIsSold()) {
            details(o.putObject("SalesDetails"), item.getSalesUnitPrice(), item.getSalesAccountCode(),
                    taxType(item.getSalesTaxRateRef(), item.getSalesTaxType()));
        }
        if (item.getIsPurchased()) {
            details(o.putObject("PurchaseDetails"), item.getPurchaseUnitPrice(), item.getPurchaseAccountCode(),
                    taxType(item.getPurchaseTaxRateRef(), item.getPurchaseTaxType()));
        }
        return o;
    }

    /** A tax rate that came through the ID map is Xero's TaxType; otherwise the shared code. */
    private static String taxType(String ref, String code) {
        return ref != null ? ref : code;
    }

    private static void details(ObjectNode d, java.math.BigDecimal price, String account, String tax) {
        if (price != null) {
            d.put("UnitPrice", price);
        }
        if (account != null) {
            d.put("AccountCode", account);
        }
        if (tax != null) {
            d.put("TaxType", tax);
        }
    }
}
