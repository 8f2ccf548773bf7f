package io.sxs.sandbox.demo;

import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;

import java.util.List;

/** What {@link DemoData#seed} created: the credentials of both sides and the seeded Scoro ids. */
public record DemoSeedResult(ScoroCompany scoroCompany, XeroTenant xeroTenant, List<Long> scoroContactIds,
                             List<Long> scoroInvoiceIds, List<Long> scoroProductIds, List<Long> scoroBillIds,
                             List<Long> scoroCreditInvoiceIds) implements java.io.Serializable {
}
