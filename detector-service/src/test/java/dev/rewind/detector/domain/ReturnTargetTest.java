package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReturnTargetTest {

    private static final Release V1 = release(1, "v1");
    private static final Release V2 = release(2, "v2");
    private static final Release V3 = release(3, "v3");

    @Test
    void kubectlsPreviousRevisionWhenNothingIsBlocked() {
        ReturnTarget target = ReturnTarget.choose(List.of(V1, V2, V3), Set.of());

        assertThat(target.release()).isEqualTo(V2);
        assertThat(target.explicit()).isFalse();
        assertThat(target.skipped()).isEmpty();
    }

    @Test
    void passesOverAReleaseRewindRolledBackFromAndNamesTheRevision() {
        ReturnTarget target = ReturnTarget.choose(List.of(V1, V2, V3), Set.of(V2.images()));

        assertThat(target.release()).isEqualTo(V1);
        assertThat(target.explicit()).isTrue();
        assertThat(target.skipped()).containsExactly(V2);
    }

    @Test
    void noneWhenEveryEarlierReleaseIsBlocked() {
        ReturnTarget target = ReturnTarget.choose(List.of(V1, V2, V3), Set.of(V1.images(), V2.images()));

        assertThat(target.release()).isNull();
        assertThat(target.everyEarlierReleaseBlocked()).isTrue();
        assertThat(target.skipped()).containsExactly(V2, V1);
    }

    @Test
    void noneWithoutHistoryIsNotABlock() {
        ReturnTarget target = ReturnTarget.choose(List.of(V3), Set.of());

        assertThat(target.release()).isNull();
        assertThat(target.everyEarlierReleaseBlocked()).isFalse();
    }

    private static Release release(long revision, String tag) {
        return new Release(revision, Map.of("checkout", "registry.example/checkout:" + tag));
    }
}
