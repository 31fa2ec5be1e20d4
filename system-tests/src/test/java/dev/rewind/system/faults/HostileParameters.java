package dev.rewind.system.faults;

import java.util.List;

/**
 * Hostile values for query and path parameters, as they travel on the wire (already percent-encoded, some of them
 * wrongly on purpose): wrong types, overflows, broken percent-encoding, bytes that are not UTF-8, NUL, CR LF, SQL.
 */
final class HostileParameters {

    static final List<String> VALUES = List.of("abc", "-1", "0", "99999999999999999999999", "1e999", "%ZZ", "%",
            "%C3%28", "%FF%FE", "%00", "a%00b", "%E2%80%AE", "%5B".repeat(1000), "'%20OR%201=1--",
            "%0D%0AX-Injected:%201", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A5");

    private HostileParameters() {
    }
}
