package io.sxs.reporting;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded DuckDB database the view is mirrored into: the view tables and, in the same database, the offset of
 * the next record to read from each view partition. A batch of changes and the offsets after it commit in one
 * transaction, so the tables always hold the compacted topics' state as of those offsets, even after a crash
 * between the database commit and the Kafka commit.
 */
final class ReportingDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportingDatabase.class);
    private static final String OFFSETS_TABLE = "kafka_offsets";

    private final Connection connection;
    private final ViewRowWriter writer;
    private final PreparedStatement saveOffset;

    private ReportingDatabase(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            for (ViewTable table : ViewTable.values()) {
                statement.execute(table.createSql());
            }
            statement.execute("CREATE TABLE IF NOT EXISTS " + OFFSETS_TABLE + " (topic VARCHAR NOT NULL, "
                    + "partition INTEGER NOT NULL, next_offset BIGINT NOT NULL, PRIMARY KEY (topic, partition))");
        }
        connection.setAutoCommit(false);
        this.writer = new ViewRowWriter(connection);
        this.saveOffset = connection.prepareStatement("INSERT OR REPLACE INTO " + OFFSETS_TABLE + " VALUES (?, ?, ?)");
    }

    /** A database kept in a file, created with its tables if new. */
    static ReportingDatabase open(Path file) throws SQLException {
        return new ReportingDatabase(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()));
    }

    /** A database in memory, gone when closed (tests, one-off reports). */
    static ReportingDatabase inMemory() throws SQLException {
        return new ReportingDatabase(DriverManager.getConnection("jdbc:duckdb:"));
    }

    /**
     * Applies a batch of changes and records the offsets after it, all in one transaction. A change whose payload
     * belongs to another entity is logged and skipped, like an undecodable record.
     */
    void apply(Collection<ViewChange> changes, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        try {
            for (ViewChange change : changes) {
                try {
                    writer.apply(change);
                } catch (ViewRowWriter.MisplacedPayloadException e) {
                    log.warn("Skipping record {}-{}@{}: {}", change.topic(), change.partition(), change.offset(),
                            e.getMessage());
                }
            }
            for (Map.Entry<TopicPartition, Long> offset : nextOffsets.entrySet()) {
                saveOffset.setString(1, offset.getKey().topic());
                saveOffset.setInt(2, offset.getKey().partition());
                saveOffset.setLong(3, offset.getValue());
                saveOffset.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The offset of the next record to read per partition, as of the last commit; partitions never read are absent. */
    Map<TopicPartition, Long> nextOffsets() throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT topic, partition, next_offset FROM " + OFFSETS_TABLE)) {
            while (rows.next()) {
                offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        }
        connection.commit();
        return offsets;
    }

    /**
     * Empties the tables and forgets the offsets, so the next read starts at the beginning of the topics. Needed after
     * the database was left unread for longer than the topics' delete.retention.ms: compaction may since have
     * dropped tombstones it never saw, and only a full read shows those items gone.
     */
    void clear() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ViewTable table : ViewTable.values()) {
                statement.execute("DELETE FROM " + table.table());
            }
            statement.execute("DELETE FROM " + OFFSETS_TABLE);
        }
        connection.commit();
    }

    /**
     * Another connection to the same database, auto-committing, for reading while this one writes from another
     * thread (a following consumer): the writer's connection carries its open transaction and must not be shared.
     */
    Connection newReader() throws SQLException {
        Connection reader = connection.unwrap(DuckDBConnection.class).duplicate();
        reader.setAutoCommit(true); // a duplicate takes the writer's setting; a reader in a transaction sees no news
        return reader;
    }

    /** The connection, for queries (reports); it is not auto-committing, and nothing else writes through it. */
    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            saveOffset.close();
            writer.close();
        }
    }
}
