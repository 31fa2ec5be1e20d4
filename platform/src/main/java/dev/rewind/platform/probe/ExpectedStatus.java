package dev.rewind.platform.probe;

/**
 * The HTTP statuses a probe accepts: one code ({@code 200}) or a whole class of codes ({@code 2xx}).
 *
 * @param code the status, or the class's first code ({@code 200} for {@code 2xx})
 */
public record ExpectedStatus(int code, boolean wholeClass) {

    public ExpectedStatus {
        if (code < 100 || code > 599 || (wholeClass && code % 100 != 0)) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
    }

    public static ExpectedStatus exactly(int code) {
        return new ExpectedStatus(code, false);
    }

    /**
     * {@code 200} or {@code 2xx}.
     *
     * @throws IllegalArgumentException when {@code text} is neither, saying what is accepted
     */
    public static ExpectedStatus parse(String text) {
        String status = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (status.matches("[1-5]xx")) {
                return new ExpectedStatus((status.charAt(0) - '0') * 100, true);
            }
            if (status.matches("[1-5][0-9][0-9]")) {
                return exactly(Integer.parseInt(status));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not an HTTP status: write one code (200) or a class of "
                + "codes (2xx)");
    }

    public boolean accepts(int status) {
        return wholeClass ? status / 100 == code / 100 : status == code;
    }

    /** {@code 200} or {@code 2xx}, as configured. */
    @Override
    public String toString() {
        return wholeClass ? code / 100 + "xx" : Integer.toString(code);
    }
}
