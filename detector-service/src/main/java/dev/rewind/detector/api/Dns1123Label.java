package dev.rewind.detector.api;

import dev.rewind.events.TargetKey;
import java.util.Optional;

/**
 * The rule the labels naming a target must follow ({@link TargetKey#isDns1123Label}), explained: says what is wrong
 * with a value, so that a present but invalid label is never reported as missing.
 */
public final class Dns1123Label {

    public static final int MAX_LENGTH = 63;
    public static final String RULE = "must be a DNS-1123 label (lower-case letters, digits and '-', at most "
            + MAX_LENGTH + " characters, beginning and ending with a letter or digit)";

    private static final int ECHOED_LENGTH = 40;

    private Dns1123Label() {
    }

    /** Why {@code value} is not a DNS-1123 label, as "must be ...; got ..., which ..."; empty when it is one. */
    public static Optional<String> violation(String value) {
        if (TargetKey.isDns1123Label(value)) {
            return Optional.empty();
        }
        return Optional.of(RULE + "; got " + echo(value) + ", which " + reason(value));
    }

    private static String reason(String value) {
        if (value.isEmpty()) {
            return "is empty";
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            return "is " + length + " characters long";
        }
        int offending = value.codePoints().filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'))
                .findFirst().orElse(-1);
        if (offending >= 0) {
            String shown = "'" + new String(Character.toChars(offending)) + "'";
            String code = " (U+" + String.format("%04X", offending) + ")";
            if (offending > 0x7f) {
                return "contains the non-ASCII character " + shown + code;
            }
            if (Character.isISOControl(offending)) {
                return "contains a control character" + code;
            }
            if (Character.isUpperCase(offending)) {
                return "contains the upper-case letter " + shown;
            }
            return "contains " + shown;
        }
        return value.startsWith("-") ? "begins with '-'" : "ends with '-'";
    }

    private static String echo(String value) {
        if (value.codePointCount(0, value.length()) <= ECHOED_LENGTH) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, value.offsetByCodePoints(0, ECHOED_LENGTH)) + "…'";
    }
}
