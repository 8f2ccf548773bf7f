package io.sxs.connector.runtime;

import io.sxs.connector.preflight.PreflightCheck;
import io.sxs.connector.preflight.PreflightState;
import io.sxs.connector.preflight.PreflightVerdict;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-flight facts of every connection (the compacted facts topic, followed) and the verdicts derived from them:
 * a connection's sources poll only once its verdict is {@link PreflightState#PASSED}. This instance reads and
 * publishes its own system's facts of the connections it owns; the other system's instance publishes the other half.
 */
public final class ConnectionChecks implements AutoCloseable {

    /** How often a refused connection is read again on its own (a rewritten connection is read at once). */
    static final Duration FAILED_RECHECK = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(ConnectionChecks.class);

    private final SystemType system;
    private final CompactedTable<ConnectionFacts> facts;
    private final KafkaProducer<Object, SpecificRecordBase> producer;
    private final Map<String, Cached> verdicts = new ConcurrentHashMap<>();
    private final Function<ConnectionConfig, String> linkRefusal;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final CredentialsTable credentials;

    /** @param linkRefusal why a connection may not sync because of its links, or null */
    ConnectionChecks(ConnectorSettings settings, SystemType system, Consumer<String> changed,
                     Function<ConnectionConfig, String> linkRefusal, CredentialsTable credentials) {
        this.system = system;
        this.linkRefusal = linkRefusal;
        this.credentials = credentials;
        this.facts = new CompactedTable<>(settings, Topics.CONNECTION_FACTS, "sxs-" + system.name().toLowerCase() + "-facts",
                key -> changed.accept(key.substring(0, key.lastIndexOf('/'))));
        this.producer = KafkaClients.plainProducer(settings);
    }

    void start() throws InterruptedException {
        facts.start();
        if (!facts.awaitLoaded(Duration.ofSeconds(60))) {
            throw new IllegalStateException("Connection facts topic could not be read within 60 s");
        }
    }

    /** The connection's verdict from the facts known now; a change of verdict is logged once. */
    public PreflightVerdict verdict(ConnectionConfig connection) {
        String id = connection.getConnectionId();
        String refused = linkRefusal.apply(connection);
        if (refused != null) {
            if (!refused.equals(refusals.put(id, refused))) {
                log.warn("Connection {} is refused and syncs nothing: {}", id, refused);
            }
            return new PreflightVerdict(PreflightState.REFUSED, List.of(refused), List.of());
        }
        String auth = credentials.authRequired(connection);
        if (auth != null) {
            if (!("auth:" + auth).equals(refusals.put(id, "auth:" + auth))) {
                log.warn("Connection {} syncs nothing until Xero is connected again (AUTH_REQUIRED): {}", id, auth);
            }
            return new PreflightVerdict(PreflightState.AUTH_REQUIRED, List.of(auth), List.of());
        }
        String before = refusals.remove(id);
        if (before != null) {
            log.info("Connection {} {}", id, before.startsWith("auth:") ? "has working credentials again"
                    : "is no longer refused: it holds its links now");
        }
        ConnectionFacts xero = facts.get(PreflightCheck.key(id, SystemType.XERO)).orElse(null);
        ConnectionFacts scoro = facts.get(PreflightCheck.key(id, SystemType.SCORO)).orElse(null);
        Cached cached = verdicts.get(id);
        if (cached != null && cached.connection == connection && cached.xero == xero && cached.scoro == scoro) {
            return cached.verdict;
        }
        PreflightVerdict verdict = PreflightCheck.verdict(connection, xero, scoro);
        verdicts.put(id, new Cached(connection, xero, scoro, verdict));
        if (cached == null || !cached.verdict.equals(verdict)) {
            report(id, verdict);
        }
        return verdict;
    }

    boolean passed(ConnectionConfig connection) {
        return verdict(connection).passed();
    }

    /** True when this system's facts of the connection must be read (again) now. */
    boolean factsDue(ConnectionConfig connection, Instant now) {
        if (linkRefusal.apply(connection) != null || credentials.authRequired(connection) != null) {
            return false;
        }
        ConnectionFacts mine = facts.get(PreflightCheck.key(connection.getConnectionId(), system)).orElse(null);
        if (!PreflightCheck.current(connection, mine) || mine.getError() != null) {
            return true;
        }
        PreflightState state = verdict(connection).state();
        return state == PreflightState.FAILED && mine.getReadAt().plus(FAILED_RECHECK).isBefore(now);
    }

    /** Publishes facts this instance read, and takes them at once (the topic brings them back later). */
    void publish(ConnectionFacts read) {
        String key = PreflightCheck.key(read.getConnectionId(), read.getSystem());
        KafkaClients.sendAndWait(producer, Topics.CONNECTION_FACTS, key, read, "the facts of " + key);
        facts.putLocal(key, read);
    }

    /** Deletes this system's facts of connections deleted from the connections topic. */
    int deleteFactsOf(java.util.function.Predicate<String> deletedConnection) {
        return facts.deleteWhere(k -> k.endsWith("/" + system.name())
                && deletedConnection.test(k.substring(0, k.lastIndexOf('/'))), producer);
    }

    void forget(String connectionId) {
        verdicts.remove(connectionId);
        refusals.remove(connectionId);
    }

    private void report(String connectionId, PreflightVerdict verdict) {
        switch (verdict.state()) {
            case PASSED -> log.info("Connection {} passed its pre-flight check ({} side): {}", connectionId, system,
                    String.join("; ", verdict.report()));
            case FAILED, UNREADABLE -> log.warn("Connection {} does not sync ({} side): pre-flight {}: {}", connectionId,
                    system, verdict.state(), String.join("; ", verdict.problems()));
            case REFUSED, AUTH_REQUIRED -> { } // said when it is refused
            case WAITING -> log.debug("Connection {} waits for its pre-flight check: {}", connectionId, verdict.problems());
        }
    }

    @Override
    public void close() {
        facts.close();
        producer.close(Duration.ofSeconds(5));
    }

    private record Cached(ConnectionConfig connection, ConnectionFacts xero, ConnectionFacts scoro, PreflightVerdict verdict) {
    }
}
