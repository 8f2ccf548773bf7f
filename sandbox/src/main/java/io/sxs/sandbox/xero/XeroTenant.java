package io.sxs.sandbox.xero;

/** A sandbox organisation and an access token that reaches it (send as "Authorization: Bearer ..."). */
public record XeroTenant(String tenantId, String accessToken, String organisationName) implements java.io.Serializable {
}
