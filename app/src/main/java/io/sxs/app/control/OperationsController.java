package io.sxs.app.control;

import io.sxs.app.webhook.ConnectionDirectory;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.registry.EntityRegistry;
import io.sxs.schemas.registry.OwnershipRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running and inspecting a connection's sync: sync runs and their progress, re-syncs (one record, one entity, the
 * whole connection), the history of one record, and the error list with its filters.
 */
@RestController
public class OperationsController {

    private final ConnectionDirectory directory;
    private final SyncRuns runs;
    private final RecordHistory history;
    private final ErrorList errors;
    private final io.sxs.app.audit.AuditReplay replay;
    private final java.nio.file.Path dataDir;

    public OperationsController(ConnectionDirectory directory, SyncRuns runs, RecordHistory history, ErrorList errors,
                                io.sxs.app.audit.AuditReplay replay, io.sxs.app.config.SxsProperties props) {
        this.replay = replay;
        this.dataDir = props.dataDir();
        this.directory = directory;
        this.runs = runs;
        this.history = history;
        this.errors = errors;
    }

    /** Body of a run: the entities (none: all the connection reads); {@code full}: re-sync from the start. */
    public record RunRequest(List<String> entities, Boolean full) {
    }

    /** Body of a re-sync: nothing (the whole connection), an entity, or one record of it by id or number. */
    public record ResyncRequest(String entity, String record, String system) {
    }

    @PostMapping("/api/connections/{id}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public SyncRuns.RunView startRun(@PathVariable String id, @RequestBody(required = false) RunRequest request) {
        ConnectionConfig config = active(id);
        List<EntityType> entities = new ArrayList<>();
        if (request != null && request.entities() != null) {
            request.entities().forEach(e -> entities.add(entity(e)));
        }
        return runs.start(config, entities, request != null && Boolean.TRUE.equals(request.full()));
    }

    @GetMapping("/api/connections/{id}/runs")
    public List<SyncRuns.RunView> runs(@PathVariable String id) {
        return runs.of(id);
    }

    @GetMapping("/api/connections/{id}/runs/{runId}")
    public SyncRuns.RunView run(@PathVariable String id, @PathVariable String runId) {
        return runs.find(id, runId);
    }

    @PostMapping("/api/connections/{id}/resync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public SyncRuns.RunView resync(@PathVariable String id, @RequestBody(required = false) ResyncRequest request) {
        ConnectionConfig config = active(id);
        if (request == null || blank(request.entity())) {
            return runs.start(config, List.of(), true);
        }
        EntityType entity = entity(request.entity());
        if (blank(request.record())) {
            return runs.start(config, List.of(entity), true);
        }
        // One record: read it again where it is owned (the side whose state is written), found by id or number.
        RecordHistory.History h = history.of(id, entity, request.record().trim());
        SystemType system = blank(request.system()) ? owner(config, entity) : SystemType.valueOf(request.system().trim()
                .toUpperCase(Locale.ROOT));
        List<String> ids = h.ids().getOrDefault(system.name(), List.of());
        if (ids.isEmpty()) {
            SystemType other = system == SystemType.XERO ? SystemType.SCORO : SystemType.XERO;
            ids = h.ids().getOrDefault(other.name(), List.of());
            system = other;
        }
        if (ids.isEmpty()) {
            throw new ControlErrors.NotFound("No " + entity + " '" + request.record() + "' was ever read on connection " + id);
        }
        return runs.resync(config, entity, system, ids);
    }

    /** Body of a replay: the folder to rebuild into (new or empty), or none for a new one under the data folder. */
    public record ReplayRequest(String folder) {
    }

    @PostMapping("/api/connections/{id}/replay")
    public io.sxs.app.audit.AuditReplay.Report replay(@PathVariable String id, @RequestBody(required = false) ReplayRequest request) {
        find(id);
        java.nio.file.Path folder = request == null || blank(request.folder())
                ? dataDir.resolve("replay").resolve(id + "-" + System.currentTimeMillis())
                : java.nio.file.Path.of(request.folder().trim());
        return replay.rebuild(id, folder); // a folder in use is an IllegalArgumentException: 400
    }

    @PostMapping("/api/connections/{id}/replay/compare")
    public io.sxs.app.audit.AuditReplay.Report compareReplay(@PathVariable String id, @RequestBody ReplayRequest request) {
        find(id);
        if (request == null || blank(request.folder()) || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(request.folder().trim()))) {
            throw new IllegalArgumentException("Name the folder of an earlier replay: {\"folder\": \"...\"}");
        }
        return replay.compare(id, java.nio.file.Path.of(request.folder().trim()));
    }

    @GetMapping("/api/connections/{id}/history/{entity}/{record}")
    public RecordHistory.History history(@PathVariable String id, @PathVariable String entity, @PathVariable String record) {
        find(id);
        return history.of(id, entity(entity), record);
    }

    /** One standing error, with where to see its record's history and how to re-sync it. */
    public record ErrorView(String connectionId, String entity, String system, String itemId, String kind, String stage,
                            String message, Instant at, String history, Map<String, String> resync) {
    }

    @GetMapping("/api/errors")
    public List<ErrorView> errors(@RequestParam(required = false) String connection,
                                  @RequestParam(required = false) String entity,
                                  @RequestParam(required = false) String kind,
                                  @RequestParam(defaultValue = "200") int limit) {
        SyncOutcome outcome = blank(kind) ? null : kindOf(kind);
        return errors.find(blank(connection) ? null : connection, blank(entity) ? null : entity(entity), outcome).stream()
                .limit(Math.max(1, Math.min(limit, 5000)))
                .map(e -> new ErrorView(e.connectionId(), e.entity().name(), e.system().name(), e.itemId(), e.kind().name(),
                        e.stage().name(), e.message(), e.at(), e.itemId() == null ? null
                        : "/api/connections/" + e.connectionId() + "/history/" + e.entity() + "/" + e.itemId(),
                        e.itemId() == null ? Map.of("entity", e.entity().name())
                                : Map.of("entity", e.entity().name(), "record", e.itemId(), "system", e.system().name())))
                .toList();
    }

    /** The system whose state of the entity is written to the other on this connection. */
    static SystemType owner(ConnectionConfig config, EntityType entity) {
        OwnershipRule rule = EntityRegistry.of(entity).ownership();
        if (rule == OwnershipRule.XERO) {
            return SystemType.XERO;
        }
        if (rule == OwnershipRule.CONTACT_MODE) {
            return config.getContacts() == ContactMode.TO_SCORO ? SystemType.XERO
                    : config.getContacts() == ContactMode.FROM_SCORO ? SystemType.SCORO
                    : owner(config, EntityType.INVOICE);
        }
        return ConnectionDirections.of(config, entity) == Direction.TO_SCORO ? SystemType.XERO : SystemType.SCORO;
    }

    private ConnectionConfig find(String id) {
        return directory.find(id).orElseThrow(() -> new ControlErrors.NotFound("No connection " + id));
    }

    private ConnectionConfig active(String id) {
        ConnectionConfig c = find(id);
        if (c.getStatus() != ConnectionStatus.ACTIVE) {
            throw new ControlErrors.Conflict("Connection " + id + " is " + c.getStatus() + ": resume it first");
        }
        return c;
    }

    private static EntityType entity(String name) {
        try {
            return EntityType.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entity must be one of " + java.util.Arrays.toString(EntityType.values())
                    + ", got '" + name + "'");
        }
    }

    private static SyncOutcome kindOf(String name) {
        try {
            SyncOutcome o = SyncOutcome.valueOf(name.trim().toUpperCase(Locale.ROOT));
            if (ErrorList.KINDS.contains(o)) {
                return o;
            }
        } catch (IllegalArgumentException ignored) {
            // named below
        }
        throw new IllegalArgumentException("kind must be one of " + ErrorList.KINDS + ", got '" + name + "'");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
