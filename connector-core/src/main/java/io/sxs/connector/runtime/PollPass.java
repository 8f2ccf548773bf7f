package io.sxs.connector.runtime;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.SourceCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
 *   <li>Snapshot sources ({@link #snapshot}) read the whole set every pass. The seen set is then the last complete
 *       set (id and version of each item): only new versions are emitted, and every id of the last set that the new
 *       one lacks becomes a delete. A stopped snapshot pass starts again from its first page (the sets are small).</li>
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
    /** Snapshot passes only: the entity (for the deletes), and the ids and entries of the set read so far. */
    private final EntityType snapshotOf;
    private final Set<String> passEntries = new LinkedHashSet<>();
    private final Set<String> passIds = new HashSet<>();
    private Instant passWatermark;
    private Instant maxSeen;
    private Instant since;
    private int page = 1;
    private long emitted;
    private boolean done;

    PollPass(SourceCursor start, Duration overlap, boolean ordered) {
        this(start, overlap, ordered, null, false);
    }

    /** A pass over a source that reads its whole set every time (see the class comment). */
    static PollPass snapshot(SourceCursor start, EntityType entity) {
        return new PollPass(start, Duration.ZERO, false, entity, false);
    }

    /**
     * A re-sync pass: from the start, with nothing counted as seen, so every item is emitted again; the watermark
     * it commits never goes back.
     */
    static PollPass full(SourceCursor start, Duration overlap, boolean ordered, EntityType snapshotOf) {
        return new PollPass(start, overlap, ordered, snapshotOf, true);
    }

    private PollPass(SourceCursor start, Duration overlap, boolean ordered, EntityType snapshotOf, boolean full) {
        this.snapshotOf = snapshotOf;
        this.start = start;
        this.overlap = overlap;
        this.ordered = ordered;
        this.seen = new LinkedHashSet<>(start == null || full ? List.of() : start.getSeen());
        Instant watermark = start == null ? null : parse(start.getWatermark());
        if (snapshotOf != null) {
            this.since = null;
            this.maxSeen = null;
        } else if (full) {
            this.since = null;
            this.maxSeen = watermark;
        } else if (!ordered && start != null && start.getPassPage() > 0) {
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
            String entry = snapshotOf == null ? seenKey(item) : snapshotEntry(item);
            if (snapshotOf != null) {
                passEntries.add(entry);
                passIds.add(entry.substring(0, entry.lastIndexOf('@')));
            }
            if (seen.add(entry)) {
                fresh.add(item);
            }
            if (item.modifiedAt() != null && (maxSeen == null || item.modifiedAt().isAfter(maxSeen))) {
                maxSeen = item.modifiedAt();
            }
        }
        done = result.lastPage();
        if (done && snapshotOf != null) {
            fresh.addAll(vanished(now));
        }
        emitted += fresh.size();
        SourceCursor cursor = cursor(now);
        if (!done) {
            if (snapshotOf == null && ordered && maxSeen != null && !maxSeen.equals(passWatermark)) {
                passWatermark = maxSeen;
                since = maxSeen.minus(overlap);
                page = 1;
            } else {
                page++;
            }
        }
        return new Step(fresh, cursor, done, emitted);
    }

    /** Deletes for the ids of the last complete set that this one lacks. */
    private List<ReadItem> vanished(Instant now) {
        List<ReadItem> deletes = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (String entry : start == null ? List.<String>of() : start.getSeen()) {
            String key = entry.substring(0, Math.max(0, entry.lastIndexOf('@')));
            if (!passIds.contains(key) && gone.add(key)) {
                int colon = key.indexOf(':');
                EntityType entity = colon > 0 ? entityNamed(key.substring(0, colon)) : null;
                String id = entity == null ? key : key.substring(colon + 1);
                deletes.add(ReadItem.delete(entity == null ? snapshotOf : entity, id, "gone@" + now, now, null));
            }
        }
        return deletes;
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
        if (snapshotOf != null) {
            return b.setSeen(cap(done ? passEntries : seen)).build();
        }
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

    /** A snapshot's seen entry: items of another entity than the reader's (bank accounts among accounts) say which. */
    private String snapshotEntry(ReadItem item) {
        return (item.entity() == snapshotOf ? "" : item.entity().name() + ":") + seenKey(item);
    }

    private static EntityType entityNamed(String name) {
        for (EntityType type : EntityType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /**
     * What identifies one observed state of an item: its modification time, plus the content tag a reader puts after
     * a {@code #} in the version when the time alone is too coarse (Scoro stamps whole seconds, so an edit and a
     * delete within one second share a time but not a tag).
     */
    static String seenKey(ReadItem item) {
        String version = item.sourceVersion();
        int tag = version == null ? -1 : version.lastIndexOf('#');
        String time = item.modifiedAt() != null ? item.modifiedAt().toString() : version;
        return item.sourceId() + "@" + time + (tag >= 0 && item.modifiedAt() != null ? version.substring(tag) : "");
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
