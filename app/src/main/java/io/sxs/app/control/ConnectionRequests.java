package io.sxs.app.control;

import java.util.Map;

/** The bodies the connections API takes (JSON). Secrets in them are masked in every {@code toString}. */
public final class ConnectionRequests {

    private ConnectionRequests() {
    }

    /**
     * A new connection: a Scoro site and company account with its API key, and a Xero organisation reached either by
     * a grant from the OAuth flow ({@code xero.grant}) or by tokens obtained elsewhere.
     */
    public record Create(String id, String name, ScoroSide scoro, XeroSide xero, Settings settings) {
    }

    public record ScoroSide(String siteUrl, String companyAccountId, String apiKey) {
        @Override
        public String toString() {
            return "ScoroSide[siteUrl=" + siteUrl + ", companyAccountId=" + companyAccountId + ", apiKey=****]";
        }
    }

    /**
     * @param grant        the grant id the OAuth callback returned (its tokens stay in this process until used)
     * @param accessToken  instead of a grant: an access token (and optionally its refresh token and lifetime)
     * @param apiBaseUrl   the Accounting API (default: sxs.control.xero-api-url)
     */
    public record XeroSide(String tenantId, String grant, String accessToken, String refreshToken, Long expiresIn,
                           String apiBaseUrl) {
        @Override
        public String toString() {
            return "XeroSide[tenantId=" + tenantId + ", grant=" + grant + ", accessToken=" + (accessToken == null ? null : "****")
                    + ", refreshToken=" + (refreshToken == null ? null : "****") + ", apiBaseUrl=" + apiBaseUrl + "]";
        }
    }

    /**
     * What a person may change on a connection; a field left out stays as it is.
     *
     * @param directions per entity (INVOICE, BILL, ITEM): TO_XERO, TO_SCORO or OFF
     * @param contacts   FROM_SCORO, TO_SCORO or WITH_DOCUMENTS
     * @param syncMode   AUTOMATIC (polls and webhooks) or MANUAL (only a sync run started by a person)
     */
    public record Settings(String name, Map<String, String> directions, String contacts, String trackingCategory,
                           Long pollIntervalMs, String syncMode) {
    }
}
