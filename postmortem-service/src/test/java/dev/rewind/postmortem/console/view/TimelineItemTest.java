package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.postmortem.api.IncidentViews;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incident page's visual timeline: clock, gap since the moment before, time since detection and tone. */
class TimelineItemTest {

    private static final Instant DETECTED = Instant.parse("2026-11-15T14:25:31Z");

    private static IncidentViews.Entry entry(Instant at, String kind) {
        return new IncidentViews.Entry(at, kind, "summary of " + kind, "dev.rewind.test.v1", null, "test");
    }

    @Test
    void eachMomentKeepsItsKindAndSummaryAndIsWrittenInUtc() {
        List<TimelineItem> items = TimelineItem.of(List.of(entry(DETECTED, "opened")), DETECTED);

        assertThat(items).containsExactly(new TimelineItem("14:25:31", "2026-11-15 14:25:31Z", "opened",
                "summary of opened", "", "T+0s", "milestone"));
    }

    @Test
    void eachMomentAfterTheFirstSaysHowLongAfterThePreviousOneItCame() {
        List<TimelineItem> items = TimelineItem.of(List.of(
                entry(DETECTED, "opened"),
                entry(DETECTED.plusSeconds(60), "approved"),
                entry(DETECTED.plusSeconds(60), "started"),
                entry(DETECTED.plusSeconds(269), "succeeded")), DETECTED);

        assertThat(items).extracting(TimelineItem::gap).containsExactly("", "+1m 00s", "+0s", "+3m 29s");
    }

    @Test
    void eachMomentSaysHowLongAfterDetectionItCame() {
        List<TimelineItem> items = TimelineItem.of(List.of(
                entry(DETECTED, "opened"),
                entry(DETECTED.plusSeconds(269), "succeeded"),
                entry(DETECTED.plusSeconds(7_500), "verified")), DETECTED);

        assertThat(items).extracting(TimelineItem::sinceDetection).containsExactly("T+0s", "T+4m 29s", "T+2h 05m");
    }

    @Test
    void aMomentBeforeDetectionSuchAsTheFirstAlertCountsDownToIt() {
        List<TimelineItem> items = TimelineItem.of(List.of(
                entry(DETECTED.minusSeconds(151), "requested"),
                entry(DETECTED, "opened")), DETECTED);

        assertThat(items).extracting(TimelineItem::sinceDetection).containsExactly("T−2m 31s", "T+0s");
        assertThat(items).extracting(TimelineItem::gap).containsExactly("", "+2m 31s");
    }

    @Test
    void aMomentAFractionOfASecondMoreThanWholeSecondsBeforeDetectionCountsTheWholeSeconds() {
        List<TimelineItem> items = TimelineItem.of(List.of(entry(DETECTED.minusMillis(150_400), "requested")),
                DETECTED);

        assertThat(items.get(0).sinceDetection()).isEqualTo("T−2m 30s");
    }

    @Test
    void withoutADetectionTimeNoMomentSaysHowLongAfterItCame() {
        List<TimelineItem> items = TimelineItem.of(List.of(
                entry(DETECTED, "requested"),
                entry(DETECTED.plusSeconds(5), "opened")), null);

        assertThat(items).extracting(TimelineItem::sinceDetection).containsExactly("", "");
        assertThat(items).extracting(TimelineItem::gap).containsExactly("", "+5s");
    }

    @Test
    void aMomentWithoutATimeHasNoClockGapOrOffsetAndTheNextGapCountsFromTheLastTimedMoment() {
        List<TimelineItem> items = TimelineItem.of(Arrays.asList(
                entry(DETECTED, "opened"),
                entry(null, "step"),
                entry(DETECTED.plusSeconds(90), "succeeded")), DETECTED);

        TimelineItem untimed = items.get(1);
        assertThat(untimed.clock()).isEqualTo("—");
        assertThat(untimed.at()).isEqualTo("—");
        assertThat(untimed.gap()).isEmpty();
        assertThat(untimed.sinceDetection()).isEmpty();
        assertThat(items.get(2).gap()).isEqualTo("+1m 30s");
        assertThat(items.get(2).sinceDetection()).isEqualTo("T+1m 30s");
    }

    @Test
    void anUntimedFirstMomentLeavesTheNextWithoutAGap() {
        List<TimelineItem> items = TimelineItem.of(List.of(
                entry(null, "requested"),
                entry(DETECTED, "opened")), DETECTED);

        assertThat(items).extracting(TimelineItem::gap).containsExactly("", "");
    }

    @Test
    void noEntriesMakeAnEmptyTimeline() {
        assertThat(TimelineItem.of(List.of(), DETECTED)).isEmpty();
    }

    @Test
    void detectionApprovalAndTheRollbacksStartAreMilestones() {
        assertThat(List.of("opened", "approved", "started")).allSatisfy(kind ->
                assertThat(TimelineItem.tone(kind)).as(kind).isEqualTo("milestone"));
    }

    @Test
    void successVerificationAndResolvedAlertsAreGood() {
        assertThat(List.of("succeeded", "verified", "alerts-resolved")).allSatisfy(kind ->
                assertThat(TimelineItem.tone(kind)).as(kind).isEqualTo("good"));
    }

    @Test
    void failuresRefusalsExpiriesAndEscalationsAreBad() {
        assertThat(List.of("failed", "rejected", "approval-expired", "declined", "unverified", "not-notified",
                "checklist-overdue", "escalated")).allSatisfy(kind ->
                assertThat(TimelineItem.tone(kind)).as(kind).isEqualTo("bad"));
    }

    @Test
    void everyOtherKindAndNoKindAtAllAreSteps() {
        assertThat(Arrays.asList("requested", "approval-requested", "guard-overridden", "step", "alert-resolved",
                "approval-flagged", "notified", "something-new", null)).allSatisfy(kind ->
                assertThat(TimelineItem.tone(kind)).as(String.valueOf(kind)).isEqualTo("step"));
    }

    @Test
    void eachItemCarriesTheToneOfItsKind() {
        List<TimelineItem> items = TimelineItem.of(List.of(
                entry(DETECTED, "opened"),
                entry(DETECTED.plusSeconds(1), "step"),
                entry(DETECTED.plusSeconds(2), "failed"),
                entry(DETECTED.plusSeconds(3), "verified")), DETECTED);

        assertThat(items).extracting(TimelineItem::tone).containsExactly("milestone", "step", "bad", "good");
    }
}
