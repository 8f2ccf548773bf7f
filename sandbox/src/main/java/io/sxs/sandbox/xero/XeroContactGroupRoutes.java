package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.SandboxRequest;
import io.sxs.sandbox.http.SandboxResponse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * /ContactGroups: list (where, order; ACTIVE groups only, no If-Modified-Since, no paging), create, get one with its
 * contacts, rename or delete, add contacts, remove one or all contacts.
 */
final class XeroContactGroupRoutes extends XeroRouteGroup {

    XeroContactGroupRoutes(XeroApi api) {
        super(api);
        get("/ContactGroups", this::contactGroups);
        route("PUT", "/ContactGroups", this::createContactGroups);
        get("/ContactGroups/{ContactGroupID}", this::contactGroup);
        route("POST", "/ContactGroups/{ContactGroupID}", this::updateContactGroup);
        route("PUT", "/ContactGroups/{ContactGroupID}/Contacts", this::addContacts);
        route("DELETE", "/ContactGroups/{ContactGroupID}/Contacts", this::removeAllContacts);
        route("DELETE", "/ContactGroups/{ContactGroupID}/Contacts/{ContactID}", this::removeContact);
    }

    private SandboxResponse contactGroups(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        List<ObjectNode> active = st.contactGroups.values().stream().filter(XeroContactGroup::isActive)
                .map(g -> XeroContactGroupService.render(st, g, false)).collect(Collectors.toList());
        return filtered(r, "ContactGroups", active);
    }

    private SandboxResponse contactGroup(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContactGroup g = XeroContactGroupService.find(st, r.pathParam("ContactGroupID"));
        return g == null ? XeroErrors.notFound() : ok("ContactGroups", List.of(XeroContactGroupService.render(st, g, true)), null);
    }

    /** {"ContactGroups":[{"Name":"VIPs"}]}: every element creates a group (ContactGroupID in the body is ignored). */
    private SandboxResponse createContactGroups(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        return batch(r, "ContactGroups", "ContactGroup", "HasValidationErrors",
                el -> XeroContactGroupService.render(st, XeroContactGroupService.create(st, el), false));
    }

    /** {"ContactGroups":[{"Name":"New name"}]} or {"ContactGroups":[{"Status":"DELETED"}]}; a bare object is accepted too. */
    private SandboxResponse updateContactGroup(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContactGroup g = XeroContactGroupService.find(st, r.pathParam("ContactGroupID"));
        if (g == null) {
            return XeroErrors.notFound();
        }
        return wrappedBatch(r, "ContactGroups", "ContactGroup", "HasValidationErrors",
                el -> XeroContactGroupService.render(st, XeroContactGroupService.update(st, g, el), false));
    }

    /** {"Contacts":[{"ContactID":...}]}: adds the contacts; an unknown ContactID fails that element. */
    private SandboxResponse addContacts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContactGroup g = XeroContactGroupService.find(st, r.pathParam("ContactGroupID"));
        if (g == null) {
            return XeroErrors.notFound();
        }
        return batch(r, "Contacts", "Contact", "HasValidationErrors",
                el -> XeroContactGroupService.renderMember(XeroContactGroupService.addContact(st, g, el)));
    }

    private SandboxResponse removeAllContacts(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContactGroup g = XeroContactGroupService.find(st, r.pathParam("ContactGroupID"));
        if (g == null) {
            return XeroErrors.notFound();
        }
        g.contactIds.clear();
        return SandboxResponse.empty(204);
    }

    private SandboxResponse removeContact(SandboxRequest r) {
        XeroTenantState st = r.attribute(STATE);
        XeroContactGroup g = XeroContactGroupService.find(st, r.pathParam("ContactGroupID"));
        if (g == null) {
            return XeroErrors.notFound();
        }
        try {
            XeroContactGroupService.removeContact(st, g, r.pathParam("ContactID"));
        } catch (SandboxNotFoundException e) {
            return XeroErrors.notFound();
        } catch (SandboxValidationException e) {
            return XeroErrors.validation(e.getMessage());
        }
        return SandboxResponse.empty(204);
    }
}
