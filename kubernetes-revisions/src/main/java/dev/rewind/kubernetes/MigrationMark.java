package dev.rewind.kubernetes;

import java.util.Locale;
import java.util.Map;

/**
 * What a release says about its database migration, read from the Deployment's annotation {@value #ANNOTATION}: the
 * runbook's "Database Migration Rollback" runs a reversible one's rollback Job before the application goes back, and
 * never rolls back automatically over an irreversible one.
 */
public enum MigrationMark {
    /** No migration, or nothing said: the application alone is rolled back. */
    NONE,
    /** The migration can be undone: the configured migration-rollback Job runs first. */
    REVERSIBLE,
    /** The migration cannot be undone: no automatic rollback; people restore. */
    IRREVERSIBLE;

    /** The annotation on the release judged bad: {@code reversible} or {@code irreversible}. */
    public static final String ANNOTATION = "rewind.dev/migration";

    /**
     * The mark of a Deployment with {@code annotations}.
     *
     * @throws IllegalArgumentException for a value that is neither, naming it: nobody guesses about a schema
     */
    public static MigrationMark of(Map<String, String> annotations) {
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "reversible" -> REVERSIBLE;
            case "irreversible" -> IRREVERSIBLE;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("annotation " + ANNOTATION + " is '" + value + "'; it must "
                    + "be reversible, irreversible or none");
        };
    }
}
