package io.sxs.app.control;

import io.sxs.app.config.SxsProperties;
import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.webhook.ConnectionDirectory;
import io.sxs.connector.runtime.ConnectionRuntimeStatus;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.auth.XeroIdentityClient;
import io.sxs.connector.xero.auth.XeroTokenSet;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncMode;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.registry.ConnectionLinks;
import io.sxs.schemas.secret.SecretCipher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connections as a person operates them: list, show (with what the owning instance knows), connect, change settings,
 * pause, resume and remove. Every write goes through {@link Connections}, which refuses a second link of a Scoro entity
 * or Xero organisation; a new connection's Scoro credentials are checked with one call first.
 */
@RestController
@RequestMapping("/api/connections")
public class ConnectionsController {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsController.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ConnectionDirectory directory;
    private final Connections connections;
    private final Pipeline pipeline;
    private final SecretCipher cipher;
    private final SxsProperties props;
    private final XeroGrants grants;
    private final ErrorList errors;
    private final ConnectionLags lags;

    public ConnectionsController(ConnectionDirectory directory, Connections connections, Pipeline pipeline,
                                 SecretCipher cipher, SxsProperties props, XeroGrants grants, ErrorList errors,
                                 ConnectionLags lags) {
        this.errors = errors;
        this.lags = lags;
        this.directory = directory;
        this.connections = connections;
        this.pipeline = pipeline;
        this.cipher = cipher;
        this.props = props;
        this.grants = grants;
    }

    @GetMapping
    public List<ConnectionView> list() {
        return directory.all().stream().sorted(Comparator.comparing(ConnectionConfig::getConnectionId)).map(this::view).toList();
    }

    @GetMapping("/{id}")
    public ConnectionView show(@PathVariable String id) {
        return view(find(id));
    }

    /**
     * Whether both systems agree for this connection, read in full through their APIs (see
     * {@link io.sxs.app.check.ConvergenceChecker} for what it costs): per synced entity, the owner's items missing on
     * the other side, duplicates and differences in the fields the sync carries.
     */
    @GetMapping("/{id}/convergence")
    public io.sxs.app.check.Convergence.Report convergence(@PathVariable String id) throws ApiException {
        if (!pipeline.isRunning()) {
            throw new IllegalStateException("the pipeline is not running");
        }
        return new io.sxs.app.check.ConvergenceChecker(pipeline).check(live(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ConnectionView create(@RequestBody ConnectionRequests.Create request) throws ApiException {
        ConnectionRequests.ScoroSide scoro = require(request.scoro(), "scoro");
        ConnectionRequests.XeroSide xero = require(request.xero(), "xero");
        String name = blank(request.name()) ? require(scoro.companyAccountId(), "scoro.companyAccountId") : request.name().trim();
        String id = blank(request.id()) ? slug(name) : request.id().trim();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1..63 lower-case letters, digits and dashes, got '" + id + "'");
        }
        if (directory.find(id).filter(c -> c.getStatus() != ConnectionStatus.REMOVED).isPresent()) {
            throw new Connections.DuplicateLinkException("Connection " + id + " exists already");
        }
        String tenant = require(xero.tenantId(), "xero.tenantId").trim();
        XeroTokenSet tokens;
        XeroGrants.Grant grant = null;
        if (!blank(xero.grant())) {
            grant = grants.take(xero.grant(), tenant);
            tokens = grant.tokens();
        } else {
            String access = require(xero.accessToken(), "xero.grant or xero.accessToken");
            tokens = new XeroTokenSet(access, blank(xero.refreshToken()) ? null : xero.refreshToken(),
                    xero.expiresIn() == null ? null : pipeline.xeroClock().instant().plusSeconds(xero.expiresIn()),
                    UUID.randomUUID().toString());
        }
        String apiBase = blank(xero.apiBaseUrl()) ? props.control().xeroApiUrl() : xero.apiBaseUrl().trim();
        ConnectionConfig config = Connections.newConnection(id, name, cipher, ConnectionLinks.normaliseSite(
                        require(scoro.siteUrl(), "scoro.siteUrl")), require(scoro.companyAccountId(), "scoro.companyAccountId").trim(),
                require(scoro.apiKey(), "scoro.apiKey"), apiBase, tenant, tokens);
        config.getXero().setIdentityUrl(grant != null ? grant.tokenUrl() : XeroIdentityClient.tokenUrl(props.control().xeroIdentityUrl()));
        apply(config, request.settings());
        String refused = ConnectionLinks.of(withCandidate(config)).refusal(config);
        if (refused != null) {
            throw new Connections.DuplicateLinkException("Connection " + id + " is refused: " + refused);
        }
        try {
            pipeline.connector(SystemType.SCORO).checkCredentials(config);
        } catch (ApiException e) {
            throw new ControlErrors.CheckFailed("Scoro refused the site, company account or API key: " + e.getMessage(), e);
        }
        connections.put(config);
        log.info("Connection {} added: Scoro company {} at {} with Xero organisation {}", id,
                config.getScoro().getCompanyAccountId(), config.getScoro().getSiteUrl(), tenant);
        return awaitView(id, config.getUpdatedAt());
    }

    @PatchMapping("/{id}")
    public ConnectionView change(@PathVariable String id, @RequestBody ConnectionRequests.Settings settings) {
        ConnectionConfig config = ConnectionConfig.newBuilder(live(id)).build();
        apply(config, settings);
        config.setUpdatedAt(Instant.now());
        connections.put(config);
        log.info("Connection {} settings changed: {}", id, settings);
        return awaitView(id, config.getUpdatedAt());
    }

    /**
     * Connects the connection's Xero organisation again with a new consent (after AUTH_REQUIRED, or to change who
     * consented): the new grant replaces the old rotation, and the connection is checked and syncs again.
     */
    @PostMapping("/{id}/xero")
    public ConnectionView reconnectXero(@PathVariable String id, @RequestBody ConnectionRequests.XeroSide xero) {
        ConnectionConfig config = ConnectionConfig.newBuilder(live(id)).build();
        String tenant = config.getXero().getTenantId();
        XeroGrants.Grant grant = grants.take(require(xero.grant(), "grant"), tenant);
        config.getXero().setTokens(cipher.encrypt(id, grant.tokens().toJson()));
        config.getXero().setGrantId(grant.id());
        config.getXero().setIdentityUrl(grant.tokenUrl());
        config.setUpdatedAt(Instant.now());
        connections.put(config);
        log.info("Connection {}: Xero organisation {} connected again (grant {})", id, tenant, grant.id());
        return awaitView(id, config.getUpdatedAt());
    }

    @PostMapping("/{id}/pause")
    public ConnectionView pause(@PathVariable String id) {
        return status(id, ConnectionStatus.PAUSED);
    }

    @PostMapping("/{id}/resume")
    public ConnectionView resume(@PathVariable String id) {
        return status(id, ConnectionStatus.ACTIVE);
    }

    /**
     * Removes the connection: its sources stop and nothing more is written. Its ID map and history are kept
     * ({@code idMap=keep}, the default: the same id added again carries on without writing anything twice), or its ID
     * map, cursors and saved credentials are dropped ({@code idMap=drop}, also for a connection removed before): the
     * connection is deleted from the topic and the same id added again syncs as if new. The audit topics keep its history.
     */
    @DeleteMapping("/{id}")
    public ConnectionView remove(@PathVariable String id, @RequestParam(name = "idMap", defaultValue = "keep") String idMap) {
        boolean drop = switch (idMap) {
            case "keep" -> false;
            case "drop" -> true;
            default -> throw new IllegalArgumentException("idMap must be keep or drop, got '" + idMap + "'");
        };
        ConnectionConfig config = drop ? find(id) : live(id);
        ConnectionView removed = view(config);
        if (config.getStatus() != ConnectionStatus.REMOVED) {
            connections.removeWhere(c -> c.getConnectionId().equals(config.getConnectionId()));
            removed = awaitStatus(id, ConnectionStatus.REMOVED);
        }
        if (!drop) {
            log.info("Connection {} removed (its ID map and history are kept)", id);
            return removed;
        }
        connections.delete(config.getConnectionId());
        awaitGone(id);
        lags.forget(id);
        log.info("Connection {} removed and deleted with its ID map, cursors and saved credentials (its history is kept)", id);
        return removed.deleted();
    }

    private ConnectionView status(String id, ConnectionStatus status) {
        ConnectionConfig config = ConnectionConfig.newBuilder(live(id)).build();
        if (config.getStatus() == status) {
            return view(config);
        }
        // Not a settings change: updatedAt stays, so the pre-flight facts read for it stay valid (no calls to resume).
        config.setStatus(status);
        connections.put(config);
        log.info("Connection {} {}", id, status == ConnectionStatus.PAUSED ? "paused" : "resumed");
        return awaitStatus(id, status);
    }

    private void apply(ConnectionConfig config, ConnectionRequests.Settings s) {
        if (s == null) {
            return;
        }
        if (!blank(s.name())) {
            config.setName(s.name().trim());
        }
        if (s.directions() != null) {
            for (Map.Entry<String, String> e : s.directions().entrySet()) {
                EntityType entity = enumOf(EntityType.class, e.getKey(), "directions key");
                if (!ConnectionDirections.configurable().contains(entity)) {
                    throw new IllegalArgumentException("directions: " + entity + " has no direction of its own (set one of "
                            + ConnectionDirections.configurable() + ")");
                }
                ConnectionDirections.set(config, entity, enumOf(Direction.class, e.getValue(), "direction of " + entity));
            }
        }
        if (!blank(s.contacts())) {
            config.setContacts(enumOf(ContactMode.class, s.contacts(), "contacts"));
        }
        if (s.trackingCategory() != null) {
            config.setTrackingCategory(blank(s.trackingCategory()) ? null : s.trackingCategory().trim());
        }
        if (s.pollIntervalMs() != null) {
            // Short intervals are safe: the budget governor paces every call whatever the schedule asks for.
            if (s.pollIntervalMs() < 100 || s.pollIntervalMs() > Duration.ofHours(24).toMillis()) {
                throw new IllegalArgumentException("pollIntervalMs must be 100..86400000, got " + s.pollIntervalMs());
            }
            config.setPollIntervalMs(s.pollIntervalMs());
        }
        if (!blank(s.syncMode())) {
            config.setSyncMode(enumOf(SyncMode.class, s.syncMode(), "syncMode"));
        }
    }

    private List<ConnectionConfig> withCandidate(ConnectionConfig candidate) {
        List<ConnectionConfig> all = new ArrayList<>(directory.all().stream()
                .filter(c -> !c.getConnectionId().equals(candidate.getConnectionId())).toList());
        all.add(candidate);
        return all;
    }

    ConnectionView view(ConnectionConfig c) {
        List<ConnectionRuntimeStatus> runtime = new ArrayList<>();
        if (pipeline.isRunning()) {
            for (io.sxs.connector.runtime.ConnectorRuntime connector : pipeline.connectors()) {
                connector.status(c.getConnectionId()).ifPresent(runtime::add);
            }
        }
        return ConnectionView.of(c, runtime, directory.linkRefusal(c), lags.of(c.getConnectionId(), Instant.now()),
                errors.find(c.getConnectionId(), null, null));
    }

    private ConnectionConfig find(String id) {
        return directory.find(id).orElseThrow(() -> new ControlErrors.NotFound("No connection " + id));
    }

    private ConnectionConfig live(String id) {
        ConnectionConfig c = find(id);
        if (c.getStatus() == ConnectionStatus.REMOVED) {
            throw new ControlErrors.NotFound("Connection " + id + " was removed");
        }
        return c;
    }

    /** The view once this process's table has the write (a person reads their own change back). */
    private ConnectionView awaitView(String id, Instant updatedAt) {
        return await(id, c -> c.getUpdatedAt().equals(updatedAt));
    }

    private void awaitGone(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (directory.find(id).isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ConnectionView awaitStatus(String id, ConnectionStatus status) {
        return await(id, c -> c.getStatus() == status);
    }

    private ConnectionView await(String id, java.util.function.Predicate<ConnectionConfig> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            ConnectionConfig c = directory.find(id).orElse(null);
            if (c != null && done.test(c)) {
                return view(c);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return view(find(id));
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "connection";
        }
        return (s.length() > 50 ? s.substring(0, 50) : s) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", got '" + value + "'");
        }
    }

    private static <T> T require(T value, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
