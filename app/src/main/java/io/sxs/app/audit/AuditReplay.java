package io.sxs.app.audit;

import io.sxs.mapper.MapperSettings;
import io.sxs.mapper.MapperStreams;
import io.sxs.mapper.replay.LogReplay;
import io.sxs.mapper.replay.LoggedRecord;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.topic.Topics;
import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The auditor's check that the pipeline's state follows from its log: for one connection, the ID map and the merged
 * view are rebuilt from the change, command and result topics (and the connectors' sync-log entries) into a fresh
 * folder ({@link LogReplay}), written there as Avro JSON lines ({@code idmap.jsonl}, {@code view.jsonl}), and compared
 * with the live ID map (the mapper's changelog) and the live view topics. A folder rebuilt before can be compared again.
 */
public final class AuditReplay {

    /** What a replay found. An empty list of differences means the live state is what the log implies. */
    public record Report(String connectionId, String folder, int inputs, int commands, int idMapItems, int viewItems,
                         List<String> differences) {
    }

    static final String ID_MAP_FILE = "idmap.jsonl";
    static final String VIEW_FILE = "view.jsonl";

    private final KafkaCluster cluster;
    private final MapperSettings settings;
    private final ConnectionLog log;
    private final AvroSerde<SpecificRecordBase> avro;

    public AuditReplay(KafkaCluster cluster, MapperSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
        this.log = new ConnectionLog(cluster);
        this.avro = AvroSerde.forCluster(cluster);
    }

    /** Rebuilds the connection's state from its log into {@code folder} (which must be empty or absent) and compares. */
    public Report rebuild(String connectionId, Path folder) {
        try {
            if (Files.exists(folder) && Files.list(folder).findAny().isPresent()) {
                throw new IllegalArgumentException("The replay folder must be new or empty: " + folder);
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LoggedRecord> inputs = new ArrayList<>();
        for (String topic : List.of(Topics.CHANGES_SCORO, Topics.CHANGES_XERO, Topics.RESULTS)) {
            inputs.addAll(ofConnection(topic, connectionId));
        }
        List<LoggedRecord> commands = new ArrayList<>(ofConnection(Topics.COMMANDS_SCORO, connectionId));
        commands.addAll(ofConnection(Topics.COMMANDS_XERO, connectionId));
        LogReplay.Rebuilt rebuilt = new LogReplay(MapperStreams.serdeConfig(cluster.properties(), Map.of()), settings)
                .rebuild(ofConnection(Topics.CONNECTIONS, connectionId), inputs, commands,
                        ofConnection(Topics.SYNC_LOG, connectionId), folder.resolve("stores"));
        AvroJsonLines.write(folder.resolve(ID_MAP_FILE), rebuilt.idMap().values(), IdMapEntry.getClassSchema(), IdMapEntry.class);
        AvroJsonLines.write(folder.resolve(VIEW_FILE), rebuilt.view().values(), ViewRecord.getClassSchema(), ViewRecord.class);
        List<String> differences = new ArrayList<>(rebuilt.unpaired());
        Report compared = compare(connectionId, folder);
        differences.addAll(compared.differences());
        return new Report(connectionId, folder.toString(), rebuilt.inputs(), rebuilt.commands(), compared.idMapItems(),
                compared.viewItems(), differences);
    }

    /** Compares a rebuilt folder's ID map and view with the live ones. */
    public Report compare(String connectionId, Path folder) {
        Map<String, IdMapEntry> rebuiltIds = new LinkedHashMap<>();
        AvroJsonLines.read(folder.resolve(ID_MAP_FILE), IdMapEntry.getClassSchema(), IdMapEntry.class)
                .forEach(e -> rebuiltIds.put(StateComparison.key(e), e));
        Map<String, ViewRecord> rebuiltView = new LinkedHashMap<>();
        AvroJsonLines.read(folder.resolve(VIEW_FILE), ViewRecord.getClassSchema(), ViewRecord.class)
                .forEach(v -> rebuiltView.put(StateComparison.key(v), v));
        Map<String, IdMapEntry> liveIds = new LinkedHashMap<>();
        for (LoggedRecord r : log.read(Topics.IDMAP, connectionId)) {
            EntityKey key = (EntityKey) avro.deserialize(r.topic(), r.key());
            if (!connectionId.equals(key.getConnectionId())) {
                continue;
            }
            String k = StateComparison.key(key);
            if (r.value() == null) {
                liveIds.remove(k);
            } else {
                liveIds.put(k, (IdMapEntry) avro.deserialize(r.topic(), r.value()));
            }
        }
        Map<String, ViewRecord> liveView = new LinkedHashMap<>();
        for (String topic : Topics.views()) {
            for (LoggedRecord r : log.read(topic, connectionId)) {
                ViewKey key = (ViewKey) avro.deserialize(topic, r.key());
                if (!connectionId.equals(key.getConnectionId())) {
                    continue;
                }
                String k = StateComparison.key(key);
                if (r.value() == null) {
                    liveView.remove(k);
                } else {
                    liveView.put(k, (ViewRecord) avro.deserialize(topic, r.value()));
                }
            }
        }
        List<String> differences = new ArrayList<>(StateComparison.idMap(liveIds, rebuiltIds));
        differences.addAll(StateComparison.view(liveView, rebuiltView));
        return new Report(connectionId, folder.toString(), 0, 0, rebuiltIds.size(), rebuiltView.size(), differences);
    }

    private List<LoggedRecord> ofConnection(String topic, String connectionId) {
        byte[] key = connectionId.getBytes(StandardCharsets.UTF_8);
        return log.read(topic, connectionId).stream().filter(r -> java.util.Arrays.equals(key, r.key())).toList();
    }
}
