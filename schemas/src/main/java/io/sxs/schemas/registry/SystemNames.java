package io.sxs.schemas.registry;

import io.sxs.schemas.common.SystemType;

/** Product names of the systems, for human messages. */
public final class SystemNames {

    private SystemNames() {
    }

    public static String of(SystemType system) {
        return system == SystemType.SCORO ? "Scoro" : "Xero";
    }
}
