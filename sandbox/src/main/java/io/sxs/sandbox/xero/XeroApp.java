package io.sxs.sandbox.xero;

/** An app registered with the sandbox's identity server (OAuth2 client). */
public record XeroApp(String clientId, String clientSecret, String name) implements java.io.Serializable {
}
