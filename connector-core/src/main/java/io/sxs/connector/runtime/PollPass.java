package io.sxs.connector.runtime;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.envelope.SourceCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass of a source over one entity of one connection: which items of a page are new, what cursor to commit with
 * them, and which page to read next. Pure (no I/O), so the cursor rules are tested with plain inputs.
 *
 * <ul>
 *   <li>Each pass starts {@code overlap} before the watermark; items already emitted (id and modification time in
 *       the cursor's seen set) are dropped before anything else is fetched for them, so the overlap costs list pages,
 *       never the documents again.</li>
 *   <li>Sources ordered by modification time advance the watermark after every page and restart paging from it,
 *       which is robust against rows moving while we page; a full page that does not move the watermark goes on to
 *       the next page.</li>
 *   <li>Unordered sources (Scoro lists by id) keep their watermark until the pass is complete, but commit the page
 *       reached and the items seen with every page: a restart resumes the pass where it stopped.</li>
 * </ul>
 */
final class PollPass {

    /** Above this the seen set is cut: a re-read then costs a duplicate record, which the mapper drops by hash. */
    static final int MAX_SEEN = 10_000;

    private final SourceCursor start;
    private final Duration overlap;
    private final boolean ordered;
    private final Set<String> seen;
    private final boolean initial;
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
        this.seen = new LinkedHashSet<>(start == null ? List.of() : start.getSeen());
        Instant watermark = start == null ? null : parse(start.getWatermark());
        if (!ordered && start != null && start.getPassPage() > 0) {
            // Resume the unordered pass that a stop interrupted.
            this.since = parse(start.getPassSince());
            this.page = start.getPassPage() + 1;
            this.maxSeen = parse(start.getPassMax());
        } else {
            this.since = watermark == null ? null : watermark.minus(overlap);
            this.maxSeen = watermark;
        }
        this.passWatermark = watermark;
        this.initial = isInitial(start);
    }

    /** True until the first pass over an entity is complete: that pass runs in the backfill lane. */
    static boolean isInitial(SourceCursor cursor) {
        return cursor == null || cursor.getPasses() == 0;
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

    /** True for the first pass over the entity (see {@link #isInitial}). */
    boolean initial() {
        return initial;
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
        SourceCursor cursor = cursor(now);
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

    /**
     * Records an item read outside the pages (a detail with a newer stamp than its list row, or a targeted read),
     * so that the pages do not emit it again; true when it was new.
     */
    boolean alsoSeen(ReadItem item) {
        return seen.add(seenKey(item));
    }

    /** The cursor for the state reached (to commit with items read since the last page). */
    SourceCursor cursor(Instant now) {
        SourceCursor.Builder b = SourceCursor.newBuilder().setUpdatedAt(now)
                .setPasses((start == null ? 0 : start.getPasses()) + (done ? 1 : 0));
        if (ordered || done) {
            return b.setWatermark(maxSeen == null ? null : maxSeen.toString()).setSeen(prune(maxSeen)).build();
        }
        return b.setWatermark(start == null ? null : start.getWatermark()).setSeen(cap(seen))
                .setPassPage(page).setPassSince(since == null ? null : since.toString())
                .setPassMax(maxSeen == null ? null : maxSeen.toString()).build();
    }

    /**
     * Items read outside a pass (after a webhook), against the committed cursor: the new ones, and the cursor to
     * commit with them (its watermark unchanged, its seen set grown).
     */
    static Step targeted(SourceCursor cursor, Collection<ReadItem> items, Instant now) {
        Set<String> seen = new LinkedHashSet<>(cursor == null ? List.of() : cursor.getSeen());
        List<ReadItem> fresh = new ArrayList<>();
        for (ReadItem item : items) {
            if (seen.add(seenKey(item))) {
                fresh.add(item);
            }
        }
        SourceCursor.Builder next = cursor == null ? SourceCursor.newBuilder() : SourceCursor.newBuilder(cursor);
        return new Step(fresh, next.setSeen(cap(seen)).setUpdatedAt(now).build(), false, fresh.size());
    }

    static String seenKey(ReadItem item) {
        return item.sourceId() + "@" + (item.modifiedAt() != null ? item.modifiedAt().toString() : item.sourceVersion());
    }

    /** True when two cursors say the same about what was read (update times and pass counts aside). */
    static boolean sameProgress(SourceCursor a, SourceCursor b) {
        if (a == null || b == null) {
            return a == b;
        }
        return java.util.Objects.equals(a.getWatermark(), b.getWatermark()) && a.getSeen().equals(b.getSeen())
                && a.getPassPage() == b.getPassPage() && java.util.Objects.equals(a.getPassMax(), b.getPassMax());
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
        return cap(kept);
    }

    private static List<String> cap(Collection<String> entries) {
        List<String> list = new ArrayList<>(entries);
        return list.size() <= MAX_SEEN ? list : List.copyOf(list.subList(list.size() - MAX_SEEN, list.size()));
    }

    private static Instant modifiedAt(String entry) {
        try {
            return Instant.parse(entry.substring(entry.lastIndexOf('@') + 1));
        } catch (RuntimeException e) {
            return Instant.MAX; // no parsable time: keep it
        }
    }

    private static Instant parse(String instant) {
        return instant == null ? null : Instant.parse(instant);
    }
}
