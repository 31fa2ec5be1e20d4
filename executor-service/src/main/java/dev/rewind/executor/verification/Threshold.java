package dev.rewind.executor.verification;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bound every sample of a metrics query must keep, such as {@code < 0.05}; NaN keeps none. */
public record Threshold(String operator, double bound) {

    private static final Pattern FORM =
            Pattern.compile("\\s*(<=|>=|==|!=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)\\s*");

    /** Parses {@code <operator> <number>}, the operator one of {@code < <= > >= == !=}. */
    public static Threshold parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("threshold '" + text + "' is not '<operator> <number>' with an operator "
                    + "among < <= > >= == != (e.g. '< 0.05')");
        }
        return new Threshold(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }

    public boolean accepts(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (operator) {
            case "<" -> value < bound;
            case "<=" -> value <= bound;
            case ">" -> value > bound;
            case ">=" -> value >= bound;
            case "==" -> value == bound;
            case "!=" -> value != bound;
            default -> throw new IllegalStateException(operator);
        };
    }

    @Override
    public String toString() {
        return operator + " " + BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
