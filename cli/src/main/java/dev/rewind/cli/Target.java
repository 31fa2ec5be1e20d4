package dev.rewind.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/** A rollback target as people write it, {@code environment/namespace/service}: three DNS-1123 labels. */
public record Target(String environment, String namespace, String service) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** The target {@code text} names; an {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static Target parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a target is ENVIRONMENT/NAMESPACE/SERVICE, e.g. "
                    + "production/payments/checkout, got '" + text + "'");
        }
        String[] names = {"environment", "namespace", "service"};
        for (int i = 0; i < 3; i++) {
            if (!LABEL.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException("the " + names[i] + " in '" + text + "' must be a DNS-1123 label "
                        + "(lower-case letters, digits and '-', at most 63), got '" + parts[i] + "'");
            }
        }
        return new Target(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return environment + "/" + namespace + "/" + service;
    }

    /** Lets picocli read a target argument; a wrong one is a usage error. */
    public static final class Converter implements CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
