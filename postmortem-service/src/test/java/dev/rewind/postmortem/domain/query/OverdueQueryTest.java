package dev.rewind.postmortem.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverdueQueryTest {

    @Test
    void noParametersIsEveryEnvironmentAndServiceUpToTheDefaultLimit() {
        assertThat(OverdueQuery.parse(Map.of(), 100, 1000)).isEqualTo(new OverdueQuery(Set.of(), Set.of(), 100));
    }

    @Test
    void environmentsAndServicesAreRepeatableOrCommaLists() {
        OverdueQuery query = OverdueQuery.parse(Map.of("environment", List.of("production, staging"),
                "service", List.of("checkout", "payments"), "limit", List.of("1000")), 100, 1000);

        assertThat(query.environments()).containsExactlyInAnyOrder("production", "staging");
        assertThat(query.services()).containsExactlyInAnyOrder("checkout", "payments");
        assertThat(query.limit()).isEqualTo(1000);
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        InvalidQuery invalid = catchThrowableOfType(InvalidQuery.class, () -> OverdueQuery.parse(Map.of(
                "environment", List.of("Prod!"), "service", List.of("checkout,Pay_ments"), "limit", List.of("abc"),
                "sevice", List.of("checkout")), 100, 1000));

        assertThat(invalid.problems()).extracting(InvalidQuery.Problem::parameter)
                .containsExactlyInAnyOrder("environment", "service", "limit", "sevice");
        assertThat(invalid.getMessage())
                .contains("query parameter 'limit' must be a whole number from 1 to 1000, got 'abc'")
                .contains("query parameter 'service' must be a service name (a DNS-1123 label")
                .contains("query parameter 'sevice' is not a parameter of this endpoint");
    }
}
