package io.sxs.connector.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.SourceCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollPassTest {

    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void theFirstPassReadsEverythingAndKeepsOnlyTheOverlapWindowInTheSeenSet() {
        PollPass pass = new PollPass(null, OVERLAP, true);
        assertThat(pass.since()).isNull();
        PollPass.Step step = pass.accept(new ReadPage(List.of(item("a", 0), item("b", 60), item("c", 62)), true, 1), NOW);

        assertThat(step.fresh()).extracting(ReadItem::sourceId).containsExactly("a", "b", "c");
        assertThat(step.passDone()).isTrue();
        assertThat(step.cursor().getWatermark()).isEqualTo(T0.plusSeconds(62).toString());
        assertThat(step.cursor().getSeen()).containsExactly("b@" + T0.plusSeconds(60), "c@" + T0.plusSeconds(62));
        assertThat(step.cursor().getPasses()).isEqualTo(1);
    }

    @Test
    void theNextPassStartsOverlapBeforeTheWatermarkAndDropsWhatItAlreadyEmitted() {
        SourceCursor cursor = new PollPass(null, OVERLAP, true)
                .accept(new ReadPage(List.of(item("b", 60), item("c", 62)), true, 1), NOW).cursor();
        PollPass next = new PollPass(cursor, OVERLAP, true);
        assertThat(next.since()).isEqualTo(T0.plusSeconds(57));

        PollPass.Step step = next.accept(new ReadPage(List.of(item("b", 60), item("c", 62), item("c", 63), item("d", 63)), true, 1), NOW);
        assertThat(step.fresh()).extracting(i -> i.sourceId() + "@" + i.modifiedAt().getEpochSecond() % 100)
                .containsExactly("c@63", "d@63");
        assertThat(step.cursor().getPasses()).isEqualTo(2);
    }

    @Test
    void aResyncPassReadsFromTheStartEmitsWhatWasSeenAgainAndNeverMovesTheWatermarkBack() {
        SourceCursor cursor = new PollPass(null, OVERLAP, true)
                .accept(new ReadPage(List.of(item("a", 0), item("b", 60), item("c", 62)), true, 1), NOW).cursor();
        PollPass full = PollPass.full(cursor, OVERLAP, true, null);
        assertThat(full.since()).isNull();
        PollPass.Step first = full.accept(new ReadPage(List.of(item("a", 0), item("b", 60)), false, 1), NOW);
        assertThat(first.fresh()).extracting(ReadItem::sourceId).containsExactly("a", "b");
        assertThat(full.page()).as("still below the old watermark: next page, no restart").isEqualTo(2);
        PollPass.Step last = full.accept(new ReadPage(List.of(item("c", 62)), true, 2), NOW);
        assertThat(last.fresh()).extracting(ReadItem::sourceId).containsExactly("c");
        assertThat(last.cursor().getWatermark()).isEqualTo(T0.plusSeconds(62).toString());
        assertThat(last.cursor().getPasses()).isEqualTo(2);
    }

    @Test
    void anOrderedSourceRestartsPagingFromTheAdvancedWatermark() {
        PollPass pass = new PollPass(null, OVERLAP, true);
        PollPass.Step first = pass.accept(new ReadPage(List.of(item("a", 0), item("b", 100)), false, 1), NOW);
        assertThat(first.cursor().getWatermark()).isEqualTo(T0.plusSeconds(100).toString());
        assertThat(pass.page()).isEqualTo(1);
        assertThat(pass.since()).isEqualTo(T0.plusSeconds(95));
    }

    @Test
    void anOrderedSourceWhosePageDoesNotMoveTheWatermarkGoesToTheNextPage() {
        PollPass pass = new PollPass(null, OVERLAP, true);
        pass.accept(new ReadPage(List.of(item("a", 100)), false, 1), NOW);
        pass.accept(new ReadPage(List.of(item("a", 100)), false, 1), NOW);
        assertThat(pass.page()).isEqualTo(2);
        assertThat(pass.since()).isEqualTo(T0.plusSeconds(95));
    }

    @Test
    void anUnorderedSourceKeepsItsWatermarkUntilThePassIsCompleteButCommitsThePageReached() {
        PollPass pass = new PollPass(null, OVERLAP, false);
        assertThat(pass.initial()).isTrue();
        PollPass.Step first = pass.accept(new ReadPage(List.of(item("1", 200), item("2", 10)), false, 1), NOW);
        assertThat(first.cursor().getWatermark()).as("watermark unchanged mid-pass").isNull();
        assertThat(first.cursor().getPassPage()).isEqualTo(1);
        assertThat(first.cursor().getSeen()).hasSize(2);
        assertThat(first.fresh()).hasSize(2);
        assertThat(pass.page()).isEqualTo(2);
        assertThat(pass.since()).isNull();

        PollPass.Step last = pass.accept(new ReadPage(List.of(item("3", 50)), true, 1), NOW);
        assertThat(last.cursor().getWatermark()).isEqualTo(T0.plusSeconds(200).toString());
        assertThat(last.cursor().getPassPage()).as("no pass in progress").isZero();
        assertThat(last.emittedInPass()).isEqualTo(3);
    }

    @Test
    void anInterruptedUnorderedPassResumesAfterTheLastPageItCommitted() {
        SourceCursor done = new PollPass(null, OVERLAP, false)
                .accept(new ReadPage(List.of(item("1", 100)), true, 1), NOW).cursor();
        PollPass second = new PollPass(done, OVERLAP, false);
        SourceCursor midway = second.accept(new ReadPage(List.of(item("1", 100), item("2", 300)), false, 1), NOW).cursor();

        PollPass resumed = new PollPass(midway, OVERLAP, false);
        assertThat(resumed.page()).isEqualTo(2);
        assertThat(resumed.since()).isEqualTo(T0.plusSeconds(95));
        assertThat(resumed.initial()).isFalse();
        PollPass.Step last = resumed.accept(new ReadPage(List.of(item("2", 300), item("3", 120)), true, 1), NOW);
        assertThat(last.fresh()).extracting(ReadItem::sourceId).as("item 2 was emitted before the stop").containsExactly("3");
        assertThat(last.cursor().getWatermark()).as("the newest stamp of the whole pass").isEqualTo(T0.plusSeconds(300).toString());
    }

    @Test
    void aTargetedReadAddsToTheSeenSetWithoutMovingTheWatermark() {
        SourceCursor cursor = new PollPass(null, OVERLAP, true)
                .accept(new ReadPage(List.of(item("a", 60)), true, 1), NOW).cursor();
        PollPass.Step step = PollPass.targeted(cursor, List.of(item("a", 60), item("b", 90)), NOW);
        assertThat(step.fresh()).extracting(ReadItem::sourceId).containsExactly("b");
        assertThat(step.cursor().getWatermark()).isEqualTo(cursor.getWatermark());

        PollPass next = new PollPass(step.cursor(), OVERLAP, true);
        PollPass.Step poll = next.accept(new ReadPage(List.of(item("a", 60), item("b", 90)), true, 1), NOW);
        assertThat(poll.fresh()).as("the poll does not emit what the webhook read").isEmpty();
    }

    @Test
    void anUnchangedPollMakesNoProgressToCommit() {
        SourceCursor cursor = new PollPass(null, OVERLAP, true)
                .accept(new ReadPage(List.of(item("a", 60)), true, 1), NOW).cursor();
        PollPass.Step idle = new PollPass(cursor, OVERLAP, true).accept(new ReadPage(List.of(item("a", 60)), true, 1), NOW);
        assertThat(PollPass.sameProgress(cursor, idle.cursor())).isTrue();
    }

    @Test
    void theSeenSetIsBounded() {
        List<ReadItem> many = new java.util.ArrayList<>();
        for (int i = 0; i < PollPass.MAX_SEEN + 50; i++) {
            many.add(item("i" + i, 0));
        }
        PollPass.Step step = new PollPass(null, OVERLAP, true).accept(new ReadPage(many, true, 1), NOW);
        assertThat(step.cursor().getSeen()).hasSize(PollPass.MAX_SEEN).endsWith("i" + (PollPass.MAX_SEEN + 49) + "@" + T0);
    }

    @Test
    void aSnapshotPassEmitsOnlyNewVersionsAndADeleteForEveryIdTheSetLost() {
        PollPass first = PollPass.snapshot(null, EntityType.TAX_RATE);
        PollPass.Step initial = first.accept(new ReadPage(List.of(rate("OUTPUT2", "h1"), rate("INPUT2", "h2"), rate("NONE", "h3")),
                true, 1), NOW);
        assertThat(initial.fresh()).extracting(ReadItem::sourceId).containsExactly("OUTPUT2", "INPUT2", "NONE");
        assertThat(initial.cursor().getSeen()).containsExactly("OUTPUT2@h1", "INPUT2@h2", "NONE@h3");

        PollPass second = PollPass.snapshot(initial.cursor(), EntityType.TAX_RATE);
        assertThat(second.since()).as("always the whole set").isNull();
        PollPass.Step step = second.accept(new ReadPage(List.of(rate("OUTPUT2", "h1"), rate("INPUT2", "h2b")), true, 1), NOW);

        assertThat(step.fresh()).extracting(i -> i.sourceId() + " " + i.operation())
                .containsExactly("INPUT2 UPSERT", "NONE DELETE");
        assertThat(step.fresh().get(1).entity()).isEqualTo(EntityType.TAX_RATE);
        assertThat(step.fresh().get(1).payload()).isNull();
        assertThat(step.cursor().getSeen()).as("the set just read, nothing stale").containsExactly("OUTPUT2@h1", "INPUT2@h2b");

        PollPass.Step idle = PollPass.snapshot(step.cursor(), EntityType.TAX_RATE)
                .accept(new ReadPage(List.of(rate("OUTPUT2", "h1"), rate("INPUT2", "h2b")), true, 1), NOW);
        assertThat(idle.fresh()).isEmpty();
        assertThat(PollPass.sameProgress(step.cursor(), idle.cursor())).as("an idle pass writes nothing").isTrue();
    }

    @Test
    void aSnapshotOverSeveralPagesDeletesOnlyWhatNoPageHad() {
        SourceCursor last = PollPass.snapshot(null, EntityType.TAX_RATE)
                .accept(new ReadPage(List.of(rate("a", "1"), rate("b", "1"), rate("c", "1")), true, 1), NOW).cursor();
        PollPass pass = PollPass.snapshot(last, EntityType.TAX_RATE);
        PollPass.Step page1 = pass.accept(new ReadPage(List.of(rate("a", "1")), false, 1), NOW);
        assertThat(page1.fresh()).isEmpty();
        assertThat(pass.page()).isEqualTo(2);
        PollPass.Step page2 = pass.accept(new ReadPage(List.of(rate("c", "2")), true, 1), NOW);
        assertThat(page2.fresh()).extracting(i -> i.sourceId() + " " + i.operation()).containsExactly("c UPSERT", "b DELETE");
    }

    @Test
    void aSnapshotOfOneEndpointWithTwoEntitiesDeletesEachAsItsOwnEntity() {
        ReadItem bank = ReadItem.upsert(EntityType.BANK_ACCOUNT, "b1", "1", null, null);
        SourceCursor last = PollPass.snapshot(null, EntityType.ACCOUNT)
                .accept(new ReadPage(List.of(ReadItem.upsert(EntityType.ACCOUNT, "a1", "1", null, null), bank), true, 1), NOW)
                .cursor();
        PollPass.Step step = PollPass.snapshot(last, EntityType.ACCOUNT).accept(new ReadPage(List.of(), true, 1), NOW);
        assertThat(step.fresh()).extracting(i -> i.entity() + " " + i.sourceId() + " " + i.operation())
                .containsExactly("ACCOUNT a1 DELETE", "BANK_ACCOUNT b1 DELETE");
    }

    private static ReadItem rate(String id, String version) {
        return ReadItem.upsert(EntityType.TAX_RATE, id, version, null, null);
    }

    private static ReadItem item(String id, long secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return ReadItem.upsert(EntityType.CONTACT, id, at.toString(), at, null);
    }

    @Test
    void anEditAndADeleteInOneSecondAreTwoStatesWhenTheVersionTagsTheirContent() {
        Instant second = Instant.parse("2026-12-02T10:00:00Z");
        ReadItem edit = ReadItem.upsert(EntityType.ITEM, "p1", "2026-12-02 10:00:00#a1b2", second, null);
        ReadItem delete = ReadItem.delete(EntityType.ITEM, "p1", "2026-12-02 10:00:00#deleted", second, null);
        ReadItem reread = ReadItem.upsert(EntityType.ITEM, "p1", "2026-12-02 10:00:00#a1b2", second, null);
        assertThat(PollPass.seenKey(edit)).isNotEqualTo(PollPass.seenKey(delete));
        assertThat(PollPass.seenKey(edit)).isEqualTo(PollPass.seenKey(reread));
        assertThat(PollPass.seenKey(ReadItem.upsert(EntityType.CONTACT, "c1", "v", second, null)))
                .as("an untagged version keys by its time, as before").isEqualTo("c1@" + second);
    }
}
