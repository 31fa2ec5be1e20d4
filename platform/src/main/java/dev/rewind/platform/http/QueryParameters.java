package dev.rewind.platform.http;

import jakarta.ws.rs.BadRequestException;

/**
 * Query parameters parsed by Rewind, not by JAX-RS: a parameter JAX-RS cannot convert is answered 404, naming
 * nothing, where a client's mistake deserves a 400 that names the parameter and the rule.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Parameter {@code limit}: a whole number from 1 to {@code max}. */
    public static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("query parameter 'limit' must be a whole number from 1 to " + max + ", got '"
                + value + "'");
    }
}
