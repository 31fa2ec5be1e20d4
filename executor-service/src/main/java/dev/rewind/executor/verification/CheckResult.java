package dev.rewind.executor.verification;

/** The result of one verification check: what was checked, whether it passed, and what was seen, for people. */
public record CheckResult(String name, boolean passed, String detail) {

    public static CheckResult passed(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    public static CheckResult failed(String name, String detail) {
        return new CheckResult(name, false, detail);
    }
}
