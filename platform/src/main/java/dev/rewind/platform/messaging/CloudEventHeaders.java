package dev.rewind.platform.messaging;

/** The CloudEvents 1.0 binary-mode Kafka header names Rewind reads and writes. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** Headers the dead-letter queue adds to a record it could not process. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    private CloudEventHeaders() {
    }
}
