package dev.rewind.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** An incident as people name it: {@code 123} or {@code INCIDENT-123}. */
public record IncidentNumber(long value) {

    private static final Pattern FORM = Pattern.compile("(?:INCIDENT-)?([1-9][0-9]{0,17})");

    /** The number {@code text} names; an {@link IllegalArgumentException} otherwise. */
    public static IncidentNumber parse(String text) {
        Matcher matcher = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an incident is a number such as 123 or INCIDENT-123, got '" + text
                    + "'");
        }
        return new IncidentNumber(Long.parseLong(matcher.group(1)));
    }

    @Override
    public String toString() {
        return "INCIDENT-" + value;
    }

    /** Lets picocli read an incident argument; a wrong one is a usage error. */
    public static final class Converter implements CommandLine.ITypeConverter<IncidentNumber> {
        @Override
        public IncidentNumber convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
