package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestedRevisionTest {

    private static final String DEPLOYMENT = "payments/checkout";
    private static final Release V1 = release(1, "v1");
    private static final Release V2 = release(2, "v2");
    private static final Release V3 = release(3, "v3");
    private static final List<Release> HISTORY = List.of(V1, V2, V3);

    @Test
    void anEarlierRevisionInTheHistoryIsTheReleaseToReturnTo() {
        RequestedRevision checked = RequestedRevision.check(1, DEPLOYMENT, V3, HISTORY, Set.of());

        assertThat(checked.refusal()).isNull();
        assertThat(checked.release()).isEqualTo(V1);
    }

    @Test
    void theRunningRevisionIsNotEarlier() {
        RequestedRevision checked = RequestedRevision.check(3, DEPLOYMENT, V3, HISTORY, Set.of());

        assertThat(checked.release()).isNull();
        assertThat(checked.refusal()).contains("revision 3 is not earlier than revision 3")
                .contains("its revisions: 1, 2, 3").contains("kubectl rollout history deployment/checkout -n payments");
    }

    @Test
    void aRevisionPastTheRunningOneIsNotEarlier() {
        assertThat(RequestedRevision.check(4, DEPLOYMENT, V3, HISTORY, Set.of()).refusal())
                .contains("revision 4 is not earlier than revision 3");
    }

    @Test
    void aRevisionTheHistoryNoLongerKeepsIsRefused() {
        RequestedRevision checked = RequestedRevision.check(1, DEPLOYMENT, V3, List.of(V2, V3), Set.of());

        assertThat(checked.release()).isNull();
        assertThat(checked.refusal()).contains("deployment payments/checkout has no revision 1")
                .contains("its revisions: 2, 3");
    }

    @Test
    void aReleaseRewindRolledTheTargetBackFromIsRefused() {
        RequestedRevision checked = RequestedRevision.check(2, DEPLOYMENT, V3, HISTORY, Set.of(V2.images()));

        assertThat(checked.release()).isNull();
        assertThat(checked.refusal()).contains("a release Rewind rolled this target back from").contains(":v2");
    }

    private static Release release(long revision, String version) {
        return new Release(revision, Map.of("checkout", "registry.example/shop/checkout:" + version));
    }
}
