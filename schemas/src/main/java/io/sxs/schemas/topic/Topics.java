package io.sxs.schemas.topic;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The topic catalogue: every topic the pipeline reads or writes, declared once. All of them are keyed (or
 * partitioned, see {@link ConnectionPartitioner}) by connection, so one task handles one connection in order.
 * The README's topic table is checked against this list by a test.
 */
public final class Topics {

    public static final String SCHEMAS = "sxs.schemas";
    public static final String CONNECTIONS = "sxs.connections";
    public static final String SOURCE_CURSORS = "sxs.source-cursors";
    public static final String CHANGES_SCORO = "sxs.changes.scoro";
    public static final String CHANGES_XERO = "sxs.changes.xero";
    public static final String COMMANDS_SCORO = "sxs.commands.scoro";
    public static final String COMMANDS_XERO = "sxs.commands.xero";
    public static final String RESULTS = "sxs.results";
    public static final String SYNC_LOG = "sxs.sync-log";
    public static final String SOURCE_HINTS = "sxs.source-hints";
    public static final String CONNECTION_FACTS = "sxs.connection-facts";
    public static final String CREDENTIALS = "sxs.credentials";

    /** Kafka Streams application id of the mapper; its store changelogs below are named after it. */
    public static final String MAPPER_APPLICATION_ID = "sxs-mapper";
    public static final String IDMAP_STORE = "idmap";
    public static final String PENDING_STORE = "pending";
    public static final String LATEST_STORE = "latest";
    public static final String SCOPES_STORE = "scopes";
    public static final String IDMAP = changelog(IDMAP_STORE);
    public static final String PENDING = changelog(PENDING_STORE);
    public static final String LATEST = changelog(LATEST_STORE);
    public static final String SCOPES = changelog(SCOPES_STORE);

    /** Kafka Streams application id of the merged-view builder; its store changelog is named after it. */
    public static final String VIEW_APPLICATION_ID = "sxs-view";
    public static final String VIEW_SIDES_STORE = "sides";
    public static final String VIEW_SIDES = VIEW_APPLICATION_ID + "-" + VIEW_SIDES_STORE + "-changelog";
    public static final String VIEW_CONNECTIONS_STORE = "connections";
    public static final String VIEW_CONNECTIONS = VIEW_APPLICATION_ID + "-" + VIEW_CONNECTIONS_STORE + "-changelog";
    /** The merged view topics are named {@code sxs.view.<entity>}, e.g. sxs.view.invoice, sxs.view.credit-note. */
    public static final String VIEW_PREFIX = "sxs.view.";

    public static final List<TopicSpec> ALL = catalogue(List.of(
            new TopicSpec(SCHEMAS, true, false, "schema fingerprint (hex string)", "Avro schema JSON (string)",
                    "Writer schemas of every record; lets any consumer decode any topic"),
            new TopicSpec(CONNECTIONS, true, true, "connection id (string)", "ConnectionConfig",
                    "Connections: the Scoro entity and Xero organisation paired, directions, encrypted credentials"),
            new TopicSpec(SOURCE_CURSORS, true, true, "CursorKey", "SourceCursor",
                    "Source watermarks per connection and entity, committed in the same transaction as the records"),
            new TopicSpec(CHANGES_SCORO, false, true, "connection id (string)", "ChangeRecord",
                    "Every state of every Scoro item the source read (audit trail)"),
            new TopicSpec(CHANGES_XERO, false, true, "connection id (string)", "ChangeRecord",
                    "Every state of every Xero item the source read (audit trail)"),
            new TopicSpec(COMMANDS_SCORO, false, true, "connection id (string)", "Command",
                    "Writes the mapper asks of Scoro, references translated"),
            new TopicSpec(COMMANDS_XERO, false, true, "connection id (string)", "Command",
                    "Writes the mapper asks of Xero, references translated"),
            new TopicSpec(RESULTS, false, true, "connection id (string)", "WriteResult",
                    "What each sink did with each command: new ids, written hash, typed failures"),
            new TopicSpec(SYNC_LOG, false, true, "connection id (string)", "SyncLogEntry",
                    "Per-record sync log and error list: reads, decisions, skips, writes, failures"),
            new TopicSpec(SOURCE_HINTS, false, true, "connection id (string)", "SourceHint",
                    "Webhook news of changed items, and the mapper's requests for an item a document needs that was never"
                            + " seen; the connector that owns the connection reads exactly those"),
            new TopicSpec(CONNECTION_FACTS, true, false, "connection id and system (string, id/SYSTEM)", "ConnectionFacts",
                    "What the pre-flight check read of each system of a connection; a connection syncs once they pass"),
            new TopicSpec(CREDENTIALS, true, false, "connection id and system (string, id/SYSTEM)", "ConnectionCredentials",
                    "Rotated credentials (Xero refresh tokens), encrypted, written before a refreshed token is used; "
                            + "AUTH_REQUIRED when the grant is refused"),
            new TopicSpec(IDMAP, true, true, "EntityKey", "IdMapEntry",
                    "ID map (mapper store changelog): item in one system to its counterpart, origin, hashes"),
            new TopicSpec(PENDING, true, true, "EntityKey", "PendingChange",
                    "Changes waiting for a dependency or an in-flight write (mapper store changelog)"),
            new TopicSpec(LATEST, true, true, "EntityKey", "ChangeRecord",
                    "Latest state of every item seen, per system (mapper store changelog; the merged view)"),
            new TopicSpec(SCOPES, true, true, "connection id (string)", "scope (string)",
                    "What each connection synced when the mapper last looked (mapper store changelog): a widened scope "
                            + "backfills what was seen before"),
            new TopicSpec(VIEW_SIDES, true, true, "EntityKey", "ViewSide",
                    "What the view builder knows of each item per system: ID map entry, latest read, last outcome "
                            + "(view store changelog)"),
            new TopicSpec(VIEW_CONNECTIONS, true, true, "connection id (string)", "ConnectionConfig",
                    "The connections as the view builder last read them, for owners (view store changelog)")));

    /** The fixed topics, then one merged view topic per entity. */
    private static List<TopicSpec> catalogue(List<TopicSpec> fixed) {
        List<TopicSpec> all = new ArrayList<>(fixed);
        for (EntityType entity : EntityType.values()) {
            all.add(new TopicSpec(view(entity), true, true, "ViewKey", "ViewRecord",
                    "Merged view of every " + entity.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + ": canonical state, both ids, owner, origin, sync state; tombstoned with its connection"));
        }
        return List.copyOf(all);
    }

    /** The merged view topic of an entity. */
    public static String view(EntityType entity) {
        return VIEW_PREFIX + entity.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every merged view topic, in entity order. */
    public static List<String> views() {
        return Arrays.stream(EntityType.values()).map(Topics::view).toList();
    }

    private Topics() {
    }

    public static String changes(SystemType system) {
        return system == SystemType.SCORO ? CHANGES_SCORO : CHANGES_XERO;
    }

    public static String commands(SystemType system) {
        return system == SystemType.SCORO ? COMMANDS_SCORO : COMMANDS_XERO;
    }

    public static String changelog(String store) {
        return MAPPER_APPLICATION_ID + "-" + store + "-changelog";
    }

    public static TopicSpec spec(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the topic catalogue: " + name));
    }
}
