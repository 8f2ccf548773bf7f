package io.sxs.schemas.registry;

import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One Scoro entity (site and company account) and one Xero organisation each belong to one connection (SPEC section
 * 4). Of the connections that are not removed and claim the same one, the holder is the one created first (then the
 * lowest id), so every process that reads the connections table reaches the same verdict however the records were
 * written; the others are refused and sync nothing. Pure: an index built from a snapshot of the table.
 */
public final class ConnectionLinks {

    private static final Comparator<ConnectionConfig> FIRST = Comparator
            .comparing((ConnectionConfig c) -> c.getCreatedAt())
            .thenComparing(ConnectionConfig::getConnectionId);

    private final Map<String, ConnectionConfig> holders;

    private ConnectionLinks(Map<String, ConnectionConfig> holders) {
        this.holders = holders;
    }

    /** The holders of every link claimed by the connections given (removed ones claim nothing). */
    public static ConnectionLinks of(Collection<ConnectionConfig> connections) {
        Map<String, ConnectionConfig> holders = new HashMap<>();
        for (ConnectionConfig c : connections) {
            if (c.getStatus() == ConnectionStatus.REMOVED) {
                continue;
            }
            holders.merge(scoroKey(c), c, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
            holders.merge(xeroKey(c), c, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
        }
        return new ConnectionLinks(holders);
    }

    /**
     * Why {@code connection} may not sync, or null when it holds both its links (or is removed, which syncs nothing
     * anyway).
     */
    public String refusal(ConnectionConfig connection) {
        ConnectionConfig holder = conflict(connection);
        if (holder == null) {
            return null;
        }
        if (holder == holders.get(scoroKey(connection))) {
            return "the Scoro company " + connection.getScoro().getCompanyAccountId() + " at "
                    + normaliseSite(connection.getScoro().getSiteUrl()) + " is already linked by connection "
                    + holder.getConnectionId() + " (one Scoro entity syncs with one Xero organisation)";
        }
        return "the Xero organisation " + connection.getXero().getTenantId() + " is already linked by connection "
                + holder.getConnectionId() + " (one Xero organisation syncs with one Scoro entity)";
    }

    /** The other connection that holds a link {@code connection} claims, or null. */
    public ConnectionConfig conflict(ConnectionConfig connection) {
        if (connection.getStatus() == ConnectionStatus.REMOVED) {
            return null;
        }
        for (String key : new String[] {scoroKey(connection), xeroKey(connection)}) {
            ConnectionConfig holder = holders.get(key);
            if (holder != null && !holder.getConnectionId().equals(connection.getConnectionId())) {
                return holder;
            }
        }
        return null;
    }

    /** The Scoro entity a connection links: its site normalised and its company account. */
    public static String scoroKey(ConnectionConfig c) {
        return "scoro:" + normaliseSite(c.getScoro().getSiteUrl()) + "#"
                + c.getScoro().getCompanyAccountId().trim().toLowerCase(Locale.ROOT);
    }

    public static String xeroKey(ConnectionConfig c) {
        return "xero:" + c.getXero().getTenantId().trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A Scoro site address as one key: scheme and host in lower case (https assumed when none is given), the
     * scheme's default port left out, no trailing slash, no query or fragment.
     */
    public static String normaliseSite(String site) {
        String s = site == null ? "" : site.trim();
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
        } catch (URISyntaxException | RuntimeException e) {
            return s.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        }
    }
}
