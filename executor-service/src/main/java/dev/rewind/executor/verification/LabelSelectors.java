package dev.rewind.executor.verification;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * A label selector evaluated as the API server evaluates it (matchLabels and matchExpressions with In, NotIn, Exists
 * and DoesNotExist), on the client: the sandbox's API server ignores matchExpressions.
 */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** True when {@code labels} satisfy {@code selector}; a null selector selects nothing, an empty one everything. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
                if (!required.getValue().equals(actual.get(required.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!satisfies(requirement, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean satisfies(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            // The API server rejects other operators; a selector Rewind cannot read selects nothing.
            default -> false;
        };
    }
}
