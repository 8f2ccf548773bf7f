package io.sxs.connector.xero.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.xero.client.XeroJson;
import java.io.IOException;
import java.time.Instant;

/**
 * A Xero token set as stored (encrypted) with a connection or on the credentials topic: the access token, the
 * refresh token (absent for tokens obtained without {@code offline_access}), when the access token expires (absent:
 * unknown, never refreshed ahead), and the grant it came from (a new grant replaces the stored rotation). Never
 * printed: {@code toString} masks both tokens.
 */
public record XeroTokenSet(String accessToken, String refreshToken, Instant expiresAt, String grantId) {

    public static XeroTokenSet of(String accessToken) {
        return new XeroTokenSet(accessToken, null, null, null);
    }

    public boolean refreshable() {
        return refreshToken != null && !refreshToken.isBlank();
    }

    public String toJson() {
        ObjectNode o = XeroJson.MAPPER.createObjectNode();
        o.put("access_token", accessToken);
        if (refreshToken != null) {
            o.put("refresh_token", refreshToken);
        }
        if (expiresAt != null) {
            o.put("expires_at", expiresAt.getEpochSecond());
        }
        if (grantId != null) {
            o.put("grant_id", grantId);
        }
        return o.toString();
    }

    /** Parses a stored token set; null when it is not one (unreadable JSON or no access token). */
    public static XeroTokenSet parse(String json) {
        try {
            JsonNode n = json == null ? null : XeroJson.MAPPER.readTree(json);
            if (n == null || !n.isObject() || n.path("access_token").asText("").isBlank()) {
                return null;
            }
            return new XeroTokenSet(n.path("access_token").asText(), n.hasNonNull("refresh_token") ? n.get("refresh_token").asText() : null,
                    n.hasNonNull("expires_at") ? Instant.ofEpochSecond(n.get("expires_at").asLong()) : null,
                    n.hasNonNull("grant_id") ? n.get("grant_id").asText() : null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "XeroTokenSet[accessToken=****, refreshToken=" + (refreshable() ? "****" : "none") + ", expiresAt=" + expiresAt
                + ", grantId=" + grantId + "]";
    }
}
