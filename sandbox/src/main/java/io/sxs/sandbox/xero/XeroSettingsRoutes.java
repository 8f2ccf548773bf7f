package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Organisation and settings: accounts, tax rates, items, tracking categories, currencies. */
final class XeroSettingsRoutes extends XeroRouteGroup {

    XeroSettingsRoutes(XeroApi api) {
        super(api);
        get("/Organisation", this::organisation);
        get("/Accounts", this::accounts);
        get("/Accounts/{AccountID}", this::account);
        route("PUT", "/Accounts", this::writeAccounts);
        route("POST", "/Accounts/{AccountID}", this::writeAccounts);
        route("DELETE", "/Accounts/{AccountID}", this::deleteAccount);
        route("PUT", "/TaxRates", this::writeTaxRates);
        route("POST", "/TaxRates", this::writeTaxRates);
        get("/TaxRates", this::taxRates);
        get("/TaxRates/{TaxType}", this::taxRate);
        get("/Items", this::items);
        get("/Items/{ItemID}", this::item);
        route("PUT", "/Items", r -> writeItems(r, true));
        route("POST", "/Items", r -> writeItems(r, false));
        route("POST", "/Items/{ItemID}", r -> writeItems(r, false));
        route("DELETE", "/Items/{ItemID}", this::deleteItem);
        get("/TrackingCategories", this::trackingCategories);
        get("/TrackingCategories/{TrackingCategoryID}", this::trackingCategory);
        route("PUT", "/TrackingCategories", this::writeTrackingCategories);
        route("POST", "/TrackingCategories/{TrackingCategoryID}", this::writeTrackingCategories);
        route("DELETE", "/TrackingCategories/{TrackingCategoryID}", this::deleteTrackingCategory);
        route("PUT", "/TrackingCategories/{TrackingCategoryID}/Options", this::writeTrackingOptions);
        route("POST", "/TrackingCategories/{TrackingCategoryID}/Options/{TrackingOptionID}", this::writeTrackingOptions);
        route("DELETE", "/TrackingCategories/{TrackingCategoryID}/Options/{TrackingOptionID}", this::deleteTrackingOption);
        get("/Currencies", this::currencies);
        route("PUT", "/Currencies", this::addCurrencies);
    }

    private SandboxResponse organisation(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        ObjectNode o = Json.object();
        o.put("APIKey", "");
        o.put("Name", st.organisationName);
        o.put("LegalName", st.organisationName);
        o.put("PaysTax", true);
        o.put("Version", "UK");
        o.put("OrganisationType", "COMPANY");
        o.put("BaseCurrency", "GBP");
        o.put("CountryCode", "GB");
        o.put("IsDemoCompany", false);
        o.put("OrganisationStatus", "ACTIVE");
        o.put("FinancialYearEndDay", 31);
        o.put("FinancialYearEndMonth", 3);
        o.put("SalesTaxBasis", "ACCRUALS");
        o.put("SalesTaxPeriod", "QUARTERLY1");
        o.put("DefaultSalesTax", "Tax Exclusive");
        o.put("DefaultPurchasesTax", "Tax Exclusive");
        o.put("CreatedDateUTC", XeroDates.msJson(st.createdAt));
        o.put("OrganisationEntityType", "COMPANY");
        o.put("Timezone", "GMTSTANDARDTIME");
        o.put("ShortCode", "!" + st.tenantId.substring(0, 5));
        o.put("OrganisationID", st.tenantId);
        o.put("Edition", "BUSINESS");
        o.put("Class", "STANDARD");
        if (st.periodLockDate != null) {
            o.put("PeriodLockDate", XeroDates.msJson(st.periodLockDate));
        }
        return ok("Organisations", List.of(o), null);
    }

    private SandboxResponse accounts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        List<ObjectNode> items = st.accountsByCode.values().stream()
                .filter(a -> since == null || a.updated().isAfter(since))
                .map(XeroAccount::toJson).collect(Collectors.toList());
        return filtered(r, "Accounts", items);
    }

    private SandboxResponse account(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("AccountID");
        return st.accountsByCode.values().stream().filter(a -> a.accountId().equalsIgnoreCase(id)).findFirst()
                .map(a -> ok("Accounts", List.of(a.toJson()), null)).orElseGet(XeroErrors::notFound);
    }

    private SandboxResponse taxRates(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        List<ObjectNode> items = st.taxRates.values().stream().map(XeroTaxRate::toJson).collect(Collectors.toList());
        return filtered(r, "TaxRates", items);
    }

    private SandboxResponse taxRate(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTaxRate t = st.taxRates.get(r.pathParam("TaxType").toUpperCase(Locale.ROOT));
        return t == null ? XeroErrors.notFound() : ok("TaxRates", List.of(t.toJson()), null);
    }

    private SandboxResponse writeAccounts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("AccountID");
        XeroAccount target = id == null ? null : st.accountsByCode.values().stream()
                .filter(a -> a.accountId().equalsIgnoreCase(id)).findFirst().orElse(null);
        if (id != null && target == null) {
            return XeroErrors.notFound();
        }
        Instant now = now();
        return wrappedBatch(r, "Accounts", "Account", "HasValidationErrors",
                el -> XeroChartService.writeAccount(st, target, el, now).toJson());
    }

    private SandboxResponse deleteAccount(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("AccountID");
        XeroAccount a = st.accountsByCode.values().stream().filter(x -> x.accountId().equalsIgnoreCase(id)).findFirst().orElse(null);
        if (a == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroChartService.deleteAccount(st, a);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        ObjectNode gone = a.toJson();
        gone.put("Status", "DELETED");
        return ok("Accounts", List.of(gone), null);
    }

    private SandboxResponse writeTaxRates(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        boolean createOnly = "PUT".equalsIgnoreCase(r.method());
        return wrappedBatch(r, "TaxRates", "TaxRate", "HasValidationErrors", el -> {
            String taxType = Json.str(el, "TaxType");
            XeroTaxRate cur = createOnly || taxType == null ? null : st.taxRates.get(taxType.toUpperCase(Locale.ROOT));
            if (!createOnly && taxType != null && cur == null) {
                throw new SandboxValidationException("The TaxType code '" + taxType + "' does not exist.");
            }
            return XeroChartService.writeTaxRate(st, cur, el).toJson();
        });
    }

    // ---- items, tracking categories, currencies -------------------------------------------------------------

    private SandboxResponse items(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        int unitDp = unitDp(r);
        List<ObjectNode> rendered = st.items.values().stream().filter(i -> since == null || i.updated().isAfter(since))
                .map(i -> XeroItemService.render(i, unitDp)).collect(Collectors.toList());
        return filtered(r, "Items", rendered);
    }

    private SandboxResponse item(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroItem i = XeroItemService.find(st, r.pathParam("ItemID"));
        return i == null ? XeroErrors.notFound() : ok("Items", List.of(XeroItemService.render(i, unitDp(r))), null);
    }

    private SandboxResponse writeItems(SandboxRequest r, boolean createOnly) {
        XeroTenantState st = r.attribute(STATE);
        String pathId = r.pathParam("ItemID");
        XeroItem target = pathId == null ? null : XeroItemService.find(st, pathId);
        if (pathId != null && target == null) {
            return XeroErrors.notFound();
        }
        int unitDp = unitDp(r);
        Instant now = now();
        return wrappedBatch(r, "Items", "Item", "HasValidationErrors", el -> {
            XeroItem cur = target;
            if (cur == null && !createOnly) {
                String id = Json.str(el, "ItemID");
                String code = Json.str(el, "Code");
                cur = id != null ? st.items.get(id.toLowerCase(Locale.ROOT)) : code != null ? XeroItemService.find(st, code) : null;
                if (id != null && cur == null) {
                    throw new SandboxValidationException("The item with ItemID '" + id + "' could not be found.");
                }
            }
            return XeroItemService.render(XeroItemService.write(st, cur, el, now, unitDp), unitDp);
        });
    }

    private SandboxResponse deleteItem(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroItem i = XeroItemService.find(st, r.pathParam("ItemID"));
        if (i == null) {
            return XeroErrors.notFound();
        }
        st.items.remove(i.itemId());
        return SandboxResponse.empty(204);
    }

    private SandboxResponse trackingCategories(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        boolean archived = r.queryFlag("includeArchived");
        List<ObjectNode> rendered = st.tracking.values().stream().filter(c -> archived || c.status.equals("ACTIVE"))
                .map(c -> XeroTrackingService.render(c, archived)).collect(Collectors.toList());
        return filtered(r, "TrackingCategories", rendered);
    }

    private SandboxResponse trackingCategory(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        return c == null ? XeroErrors.notFound() : ok("TrackingCategories", List.of(XeroTrackingService.render(c, true)), null);
    }

    private SandboxResponse writeTrackingCategories(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        String id = r.pathParam("TrackingCategoryID");
        XeroTrackingCategory target = id == null ? null : st.tracking.get(id.toLowerCase(Locale.ROOT));
        if (id != null && target == null) {
            return XeroErrors.notFound();
        }
        return wrappedBatch(r, "TrackingCategories", "TrackingCategory", "HasValidationErrors", el -> XeroTrackingService.render(
                target == null ? XeroTrackingService.create(st, el) : XeroTrackingService.update(st, target, el), true));
    }

    private SandboxResponse deleteTrackingCategory(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        if (c == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroTrackingService.delete(st, c);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        ObjectNode gone = XeroTrackingService.render(c, true);
        gone.put("Status", "DELETED");
        return ok("TrackingCategories", List.of(gone), null);
    }

    private SandboxResponse writeTrackingOptions(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        if (c == null) {
            return XeroErrors.notFound();
        }
        String optionId = r.pathParam("TrackingOptionID");
        XeroTrackingCategory.Option target = optionId == null ? null : c.options.get(optionId.toLowerCase(Locale.ROOT));
        if (optionId != null && target == null) {
            return XeroErrors.notFound();
        }
        return wrappedBatch(r, "Options", "TrackingOption", "HasValidationErrors", el -> XeroTrackingService.renderOption(
                target == null ? XeroTrackingService.addOption(c, el) : XeroTrackingService.updateOption(c, target, el)));
    }

    private SandboxResponse deleteTrackingOption(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroTrackingCategory c = st.tracking.get(r.pathParam("TrackingCategoryID").toLowerCase(Locale.ROOT));
        XeroTrackingCategory.Option o = c == null ? null : c.options.get(r.pathParam("TrackingOptionID").toLowerCase(Locale.ROOT));
        if (o == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroTrackingService.deleteOption(st, c, o);
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        ObjectNode gone = XeroTrackingService.renderOption(o);
        gone.put("Status", "DELETED");
        gone.put("IsDeleted", true);
        return ok("Options", List.of(gone), null);
    }

    private SandboxResponse currencies(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        List<ObjectNode> rendered = new ArrayList<>();
        st.currencies.forEach((code, description) -> rendered.add(Json.object().put("Code", code).put("Description", description)));
        return filtered(r, "Currencies", rendered);
    }

    private SandboxResponse addCurrencies(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        return wrappedBatch(r, "Currencies", "Currency", "HasValidationErrors", el -> {
            String code = String.valueOf(Json.str(el, "Code")).toUpperCase(Locale.ROOT);
            String description = XeroCurrencies.KNOWN.get(code);
            if (description == null) {
                throw new SandboxValidationException("'" + Json.str(el, "Code") + "' is not a valid currency code.");
            }
            st.currencies.put(code, description);
            return Json.object().put("Code", code).put("Description", description);
        });
    }
}
