package io.sxs.connector.runtime;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.envelope.SourceCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass of a source over one entity of one connection: which items of a page are new, what cursor to commit with
 * them, and which page to read next. Pure (no I/O), so the cursor rules are tested with plain inputs.
 *
 * <ul>
 *   <li>Each pass starts {@code overlap} before the watermark; items already emitted (id and modification time in
 *       the cursor's seen set) are dropped, so the overlap costs reads, not duplicate records.</li>
 *   <li>Sources ordered by modification time advance the watermark after every page and restart paging from it,
 *       which is robust against rows moving while we page; a full page that does not move the watermark goes on to
 *       the next page.</li>
 *   <li>Unordered sources keep their committed cursor until the pass is complete: a crash re-reads the pass.</li>
 * </ul>
 */
final class PollPass {

    /** Above this the seen set is cut: a re-read then costs a duplicate record, which the mapper drops by hash. */
    static final int MAX_SEEN = 10_000;

    private final SourceCursor start;
    private final Duration overlap;
    private final boolean ordered;
    private final Set<String> seen;
    private Instant passWatermark;
    private Instant maxSeen;
    private Instant since;
    private int page = 1;
    private long emitted;
    private boolean done;

    PollPass(SourceCursor start, Duration overlap, boolean ordered) {
        this.start = start;
        this.overlap = overlap;
        this.ordered = ordered;
        this.passWatermark = start == null || start.getWatermark() == null ? null : Instant.parse(start.getWatermark());
        this.maxSeen = passWatermark;
        this.since = passWatermark == null ? null : passWatermark.minus(overlap);
        this.seen = new LinkedHashSet<>(start == null ? List.of() : start.getSeen());
    }

    /** What to do with one page: the new items, and the cursor to commit with them (null: keep the committed one). */
    record Step(List<ReadItem> fresh, SourceCursor cursor, boolean passDone, long emittedInPass) {
    }

    Instant since() {
        return since;
    }

    int page() {
        return page;
    }

    boolean done() {
        return done;
    }

    Step accept(ReadPage result, Instant now) {
        List<ReadItem> fresh = new ArrayList<>();
        for (ReadItem item : result.items()) {
            if (seen.add(seenKey(item))) {
                fresh.add(item);
            }
            if (item.modifiedAt() != null && (maxSeen == null || item.modifiedAt().isAfter(maxSeen))) {
                maxSeen = item.modifiedAt();
            }
        }
        emitted += fresh.size();
        done = result.lastPage();
        SourceCursor cursor = null;
        if (ordered || done) {
            cursor = SourceCursor.newBuilder()
                    .setWatermark(maxSeen == null ? null : maxSeen.toString())
                    .setSeen(prune(maxSeen))
                    .setPasses((start == null ? 0 : start.getPasses()) + (done ? 1 : 0))
                    .setUpdatedAt(now).build();
        }
        if (!done) {
            if (ordered && maxSeen != null && !maxSeen.equals(passWatermark)) {
                passWatermark = maxSeen;
                since = maxSeen.minus(overlap);
                page = 1;
            } else {
                page++;
            }
        }
        return new Step(fresh, cursor, done, emitted);
    }

    static String seenKey(ReadItem item) {
        return item.sourceId() + "@" + (item.modifiedAt() != null ? item.modifiedAt().toString() : item.sourceVersion());
    }

    /** Keeps the ids whose modification time can still come back inside the overlap window, newest last. */
    private List<String> prune(Instant watermark) {
        List<String> kept = new ArrayList<>();
        Instant horizon = watermark == null ? null : watermark.minus(overlap);
        for (String entry : seen) {
            if (horizon == null || !modifiedAt(entry).isBefore(horizon)) {
                kept.add(entry);
            }
        }
        return kept.size() <= MAX_SEEN ? kept : List.copyOf(kept.subList(kept.size() - MAX_SEEN, kept.size()));
    }

    private static Instant modifiedAt(String entry) {
        try {
            return Instant.parse(entry.substring(entry.lastIndexOf('@') + 1));
        } catch (RuntimeException e) {
            return Instant.MAX; // no parsable time: keep it
        }
    }
}
