package dev.rewind.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of {@code rewind}, the same for every command, that scripts may rely on. */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Rewind refused or could not do what was asked (a 4xx answer other than those below): the problem says why. */
    public static final int REFUSED = 1;
    /** The command line is wrong (picocli's usage error), or the configuration is. */
    public static final int USAGE = 2;
    /** Rewind could not be reached, or failed (5xx): try again later. */
    public static final int UNAVAILABLE = 3;
    /** What the command names does not exist: no such incident or approval request. */
    public static final int NOT_FOUND = 4;
    /** No valid token (401), or the token's roles may not do this (403). */
    public static final int NOT_ALLOWED = 5;

    private ExitCode() {
    }

    /** The codes and their meaning, for the usage help. */
    public static Map<String, String> described() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "done");
        codes.put(String.valueOf(REFUSED), "refused by Rewind (4xx): the reason is printed");
        codes.put(String.valueOf(USAGE), "usage or configuration error");
        codes.put(String.valueOf(UNAVAILABLE), "Rewind cannot be reached or failed (5xx)");
        codes.put(String.valueOf(NOT_FOUND), "no such incident or approval request (404)");
        codes.put(String.valueOf(NOT_ALLOWED), "no valid token (401) or a role that may not (403)");
        return codes;
    }
}
