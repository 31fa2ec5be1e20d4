package dev.rewind.postmortem.console;

import jakarta.ws.rs.ForbiddenException;

/**
 * Guards the console's state-changing requests against cross-site forgery: they come from its own pages through htmx,
 * which sends {@code HX-Request: true}; a browser never sends that header cross-site without the service's consent
 * (CORS), so a forged form post is refused.
 */
final class ConsoleRequests {

    /** The header htmx sends with each request it makes. */
    static final String HTMX = "HX-Request";

    private ConsoleRequests() {
    }

    /** Refuses (403) a request without {@code HX-Request: true}. */
    static void requireFromConsole(String htmx) {
        if (!"true".equals(htmx)) {
            throw new ForbiddenException("the console changes things only from its own pages (header HX-Request)");
        }
    }
}
