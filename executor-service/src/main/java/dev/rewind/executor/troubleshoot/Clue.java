package dev.rewind.executor.troubleshoot;

/**
 * A finding before it is grouped, ordered and shortened: the cluster's words and the advice kept apart, so that the
 * words can be shortened without losing the advice, and compared with other clues whole.
 */
record Clue(Finding.Kind kind, String subject, String words, String advice) {
}
