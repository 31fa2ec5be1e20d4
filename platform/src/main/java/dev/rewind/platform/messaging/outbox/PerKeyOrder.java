package dev.rewind.platform.messaging.outbox;

import dev.rewind.platform.messaging.outbox.SendOutcome.Failed;
import dev.rewind.platform.messaging.outbox.SendOutcome.NoOutcome;
import dev.rewind.platform.messaging.outbox.Settlement.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outbox relay's ordering rules: records are ordered per record key on each topic only (see
 * {@link PendingRecord#stream()}), so a record that fails holds back the later records of its own key on its topic
 * and nothing else.
 * <ul>
 * <li>A round sends a key's pending records in position order, each once the previous one is acknowledged
 * ({@link RelayRound}): a record re-sent by the Kafka sink after a failure can never land after a later one.</li>
 * <li>Once a record of a key is known to fail (an earlier round failed it, or its send has no outcome yet), it is
 * sent on its own: none of the key's later records is sent until it is published or parked.</li>
 * <li>A record is marked published only when no earlier record of its key is pending: a later record acknowledged
 * in a round where an earlier one failed stays pending ({@link Verdict#HELD}) and is sent again after it.</li>
 * <li>A parked record is out of the stream: it never holds back its key (see {@link Verdict#PARKED}).</li>
 * </ul>
 * So each record's first copy reaches its partition after the first copies of the earlier records of its key.
 */
public final class PerKeyOrder {

    /** A record sent in a round, with what became of it. */
    public record Sent(PendingRecord record, SendOutcome outcome) {
    }

    private static final String NO_OUTCOME = "no outcome within the acknowledgement wait; the producer may still"
            + " deliver it, so it is not sent again until it reports one";

    private PerKeyOrder() {
    }

    /**
     * The records to send this round, from {@code candidates} in position order: at most {@code capacity}, none whose
     * previous send is still {@code inFlight}, and no record of a key behind one that is known to fail.
     */
    public static List<PendingRecord> toSend(List<PendingRecord> candidates, Set<Long> inFlight, int capacity) {
        List<PendingRecord> chosen = new ArrayList<>();
        Set<String> waiting = new HashSet<>();
        for (PendingRecord candidate : candidates) {
            if (chosen.size() >= capacity) {
                break;
            }
            if (waiting.contains(candidate.stream())) {
                continue;
            }
            if (inFlight.contains(candidate.position())) {
                waiting.add(candidate.stream());
                continue;
            }
            chosen.add(candidate);
            if (candidate.knownFailing()) {
                waiting.add(candidate.stream());
            }
        }
        return chosen;
    }

    /** Decides, for each record sent this round (in position order), what becomes of it. */
    public static List<Settlement> settle(List<Sent> sent) {
        List<Settlement> settlements = new ArrayList<>(sent.size());
        Set<String> blocked = new HashSet<>();
        for (Sent each : sent) {
            long position = each.record().position();
            String key = each.record().stream();
            Settlement settlement;
            if (each.outcome() instanceof Failed failed) {
                settlement = SendFailures.permanentRejection(failed.failure())
                        .map(reason -> new Settlement(position, Verdict.PARKED, reason))
                        .orElseGet(() -> new Settlement(position, Verdict.RETRY,
                                SendFailures.describe(failed.failure())));
            } else if (each.outcome() instanceof NoOutcome) {
                settlement = new Settlement(position, Verdict.IN_DOUBT, NO_OUTCOME);
            } else {
                settlement = new Settlement(position, blocked.contains(key) ? Verdict.HELD : Verdict.PUBLISHED, null);
            }
            if (settlement.verdict() == Verdict.RETRY || settlement.verdict() == Verdict.IN_DOUBT) {
                blocked.add(key);
            }
            settlements.add(settlement);
        }
        return settlements;
    }
}
