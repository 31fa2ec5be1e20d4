package dev.rewind.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Label selectors matched as the API server matches them (matchLabels, and matchExpressions with In, NotIn, Exists,
 * DoesNotExist). Needed client-side because the fabric8 mock server drops {@code In}/{@code NotIn} requirements (a
 * list returns too much), and to match Services' selectors to pod labels.
 */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** True when {@code labels} satisfy every matchLabels entry and matchExpression; a null selector matches none. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> present = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !contains(present, selector.getMatchLabels())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!satisfies(present, requirement)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when a Service's {@code selector} selects pods labelled {@code labels}; none selects nothing. */
    public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null && contains(labels, selector);
    }

    /** {@code selector} as kubectl shows it: {@code app=checkout,tier=web}. */
    public static String text(Map<String, String> selector) {
        return selector.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static boolean contains(Map<String, String> labels, Map<String, String> required) {
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean satisfies(Map<String, String> labels, LabelSelectorRequirement requirement) {
        String key = requirement.getKey();
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
            case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            // The API server rejects other operators; a selector Rewind cannot read selects nothing.
            default -> false;
        };
    }
}
