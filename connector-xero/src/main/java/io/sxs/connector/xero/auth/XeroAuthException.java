package io.sxs.connector.xero.auth;

/**
 * The identity server refused or could not be reached. {@code permanent}: the grant or the app's credentials are no
 * good (revoked, expired, superseded, wrong secret) and only a person connecting again helps; otherwise try later.
 */
public final class XeroAuthException extends Exception {

    private final boolean permanent;

    public XeroAuthException(boolean permanent, String message) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
