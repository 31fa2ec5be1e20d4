package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of an alert storm applied the way the detector applies a batch (AlertProcessor's steps). */
class StormLedgerPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** One alert of a storm: which target, which of its alerts, which occurrence (start). */
    record Alert(String source, String target, String fingerprint, Instant startsAt) {
        StormLedger.Occurrence occurrence() {
            return new StormLedger.Occurrence(source, target, fingerprint);
        }
    }

    @Provide
    Arbitrary<List<Alert>> storms() {
        Arbitrary<Alert> alert = Combinators.combine(
                Arbitraries.of("alertmanager", "grafana"),
                Arbitraries.integers().between(0, 9).map(n -> "production/payments/svc-" + n),
                Arbitraries.integers().between(0, 3).map(n -> "fp-" + n),
                Arbitraries.integers().between(0, 2).map(T0::plusSeconds)).as(Alert::new);
        // Re-sends: the storm again, in any order, as an Alertmanager HA pair and redeliveries produce.
        return alert.list().ofMaxSize(200).flatMap(storm -> Arbitraries.shuffle(doubled(storm)));
    }

    @Property
    void aStormOpensExactlyOneIncidentPerTargetWhateverItsDuplicates(@ForAll("storms") List<Alert> storm) {
        StormLedger<Integer> ledger = new StormLedger<>();
        List<String> opened = new ArrayList<>();
        Set<Alert> applied = new HashSet<>();
        for (Alert alert : storm) {
            if (ledger.seen(alert.occurrence(), alert.startsAt())) {
                assertThat(applied).as("only an occurrence already applied is a re-send").contains(alert);
                continue;
            }
            applied.add(alert);
            if (ledger.openIncident(alert.target()).isEmpty()) {
                opened.add(alert.target()); // the decision opens the target's incident (rolled back or declined)
                ledger.opened(alert.target(), opened.size());
            }
            ledger.recorded(alert.occurrence(), alert.startsAt());
        }

        assertThat(opened).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(storm.stream().map(Alert::target).distinct().toList());
        assertThat(applied).hasSameSizeAs(new HashSet<>(storm));
    }

    @Property
    void anOccurrenceIsSeenExactlyWhenItWasRecorded(@ForAll("storms") List<Alert> storm) {
        StormLedger<Integer> ledger = new StormLedger<>();
        Set<Alert> recorded = new HashSet<>();
        for (Alert alert : storm) {
            boolean before = recorded.contains(alert);
            assertThat(ledger.seen(alert.occurrence(), alert.startsAt())).isEqualTo(before);
            assertThat(ledger.seen(alert.occurrence(), alert.startsAt().plusNanos(500)))
                    .as("starts within a microsecond are one occurrence, as PostgreSQL keeps them").isEqualTo(before);
            ledger.recorded(alert.occurrence(), alert.startsAt());
            recorded.add(alert);
            assertThat(ledger.seen(alert.occurrence(), alert.startsAt())).isTrue();
        }
    }

    private static List<Alert> doubled(List<Alert> storm) {
        List<Alert> twice = new ArrayList<>(storm);
        twice.addAll(storm);
        return twice;
    }
}
