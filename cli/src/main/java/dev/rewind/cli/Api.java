package dev.rewind.cli;

/** Rewind's HTTP APIs the CLI calls, each served by its own service on its own port unless a gateway serves them all. */
public enum Api {
    /** postmortem-service: incident records, timelines, post-mortems. */
    INCIDENTS("incidents-url", "the incident API (postmortem-service)", "http://127.0.0.1:8085"),
    /** approval-service: approval requests and votes. */
    APPROVALS("approvals-url", "the approval API (approval-service)", "http://127.0.0.1:8082"),
    /** detector-service: manual rollback requests. */
    REQUESTS("requests-url", "the rollback request API (detector-service)", "http://127.0.0.1:8081");

    private final String key;
    private final String title;
    private final String devDefault;

    Api(String key, String title, String devDefault) {
        this.key = key;
        this.title = title;
        this.devDefault = devDefault;
    }

    /** Its configuration key (config file), flag ({@code --key}) and environment variable ({@code REWIND_KEY}). */
    public String key() {
        return key;
    }

    /** What it is, for messages. */
    public String title() {
        return title;
    }

    /** Its base URL on the local dev stack (dev/stack.sh). */
    public String devDefault() {
        return devDefault;
    }
}
