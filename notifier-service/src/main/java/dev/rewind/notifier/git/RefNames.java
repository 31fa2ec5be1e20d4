package dev.rewind.notifier.git;

import java.util.Optional;

/** Git's rules for a reference name ({@code git check-ref-format}), so a bad tag is refused with a reason. */
public final class RefNames {

    private RefNames() {
    }

    /** Why {@code name} cannot be a tag name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.equals("@")) {
            return Optional.of("it is '@'");
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return Optional.of("it contains " + (c <= ' ' || c == 0x7f ? "a space or control character"
                        : "'" + c + "'"));
            }
        }
        if (name.contains("..")) {
            return Optional.of("it contains '..'");
        }
        if (name.contains("@{")) {
            return Optional.of("it contains '@{'");
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return Optional.of("it has an empty part between '/'");
        }
        if (name.endsWith(".")) {
            return Optional.of("it ends with '.'");
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".")) {
                return Optional.of("a part starts with '.'");
            }
            if (part.endsWith(".lock")) {
                return Optional.of("a part ends with '.lock'");
            }
        }
        return Optional.empty();
    }
}
