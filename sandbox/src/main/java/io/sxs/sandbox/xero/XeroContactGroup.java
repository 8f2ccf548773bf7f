package io.sxs.sandbox.xero;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A contact group. Changed in place under the tenant lock: the name, the status (ACTIVE, or DELETED which hides the
 * group from every GET) and the member contact ids in the order they were added.
 */
final class XeroContactGroup implements java.io.Serializable {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    final String contactGroupId;
    String name;
    String status = "ACTIVE";
    final Set<String> contactIds = new LinkedHashSet<>();

    XeroContactGroup(String contactGroupId, String name) {
        this.contactGroupId = contactGroupId;
        this.name = name;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
