package io.sxs.sandbox.xero;

import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** /Contacts: list, get by id or number, create and update. */
final class XeroContactRoutes extends XeroRouteGroup {

    XeroContactRoutes(XeroApi api) {
        super(api);
        get("/Contacts", this::contacts);
        get("/Contacts/{ContactID}", this::contact);
        route("PUT", "/Contacts", r -> writeContacts(r, true));
        route("POST", "/Contacts", r -> writeContacts(r, false));
        route("POST", "/Contacts/{ContactID}", r -> writeContacts(r, false));
    }

    private SandboxResponse contacts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        Instant since = XeroDates.parseIfModifiedSince(r.header("If-Modified-Since"));
        boolean includeArchived = r.queryFlag("includeArchived");
        boolean summaryOnly = r.queryFlag("summaryOnly");
        Set<String> ids = csv(r.query("IDs"), true);
        String search = r.query("searchTerm") == null ? null : r.query("searchTerm").toLowerCase(Locale.ROOT);
        List<XeroContact> matching = st.contacts.values().stream()
                .filter(c -> includeArchived || !"ARCHIVED".equals(c.status))
                .filter(c -> search == null || List.of("Name", "FirstName", "LastName", "ContactNumber", "EmailAddress").stream()
                        .anyMatch(f -> c.fields.path(f).asText("").toLowerCase(Locale.ROOT).contains(search)))
                .filter(c -> ids == null || ids.contains(c.contactId))
                .filter(c -> since == null || c.updated.isAfter(since))
                .collect(Collectors.toList());
        return query(r, "Contacts", matching, c -> XeroContactService.render(c, summaryOnly));
    }

    private SandboxResponse contact(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContact c = findContact(st, r.pathParam("ContactID"));
        return c == null ? XeroErrors.notFound() : ok("Contacts", List.of(XeroContactService.render(st, c, false)), null);
    }

    static XeroContact findContact(XeroTenantState st, String idOrNumber) {
        if (GUID.matcher(idOrNumber).matches()) {
            XeroContact c = st.contacts.get(idOrNumber.toLowerCase(Locale.ROOT));
            if (c != null) {
                return c;
            }
        }
        return XeroContactService.byNumber(st, idOrNumber);
    }

    private SandboxResponse writeContacts(SandboxRequest r, boolean createOnly) {
        XeroTenantState st = r.attribute(STATE);
        String pathId = r.pathParam("ContactID");
        XeroContact target = null;
        if (pathId != null) {
            target = findContact(st, pathId);
            if (target == null) {
                return XeroErrors.notFound();
            }
        }
        XeroContact fixed = target;
        Instant now = now();
        return batch(r, "Contacts", "Contact", "HasValidationErrors", el -> {
            XeroContact cur = fixed;
            if (cur == null && !createOnly) {
                String id = Json.str(el, "ContactID");
                String number = Json.str(el, "ContactNumber");
                if (id != null && !id.isBlank()) {
                    cur = st.contacts.get(id.toLowerCase(Locale.ROOT));
                    if (cur == null) {
                        throw new SandboxValidationException("The contact with ContactID '" + id + "' could not be found.");
                    }
                } else if (number != null && !number.isBlank()) {
                    cur = XeroContactService.byNumber(st, number);
                }
            }
            XeroContact saved = cur == null ? XeroContactService.create(st, el, now) : XeroContactService.update(st, cur, el, now);
            return XeroContactService.render(st, saved, false);
        });
    }
}
