package io.sxs.sandbox.xero;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tracking category and its options. Mutated in place under the tenant lock. */
final class XeroTrackingCategory implements java.io.Serializable {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    /** One option of a category. */
    static final class Option implements java.io.Serializable {
        /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        final String optionId;
        String name;
        String status = "ACTIVE";

        Option(String optionId, String name) {
            this.optionId = optionId;
            this.name = name;
        }
    }

    final String categoryId;
    String name;
    String status = "ACTIVE";
    final Map<String, Option> options = new LinkedHashMap<>();

    XeroTrackingCategory(String categoryId, String name) {
        this.categoryId = categoryId;
        this.name = name;
    }
}
