package dev.rewind.notifier.git;

import dev.rewind.events.EventJson;

/**
 * One planned tag of a faulty release, as the delivery's payload: in {@code repository} ({@code owner/repo}), tag
 * {@code faultyTag} on the commit of tag {@code releaseTag}, the release of {@code version}.
 *
 * @param versionTag the template that made {@code releaseTag}, named when the release tag cannot be found
 * @param problem why it cannot be sent (a bad tag name, a malformed repository), said instead of sending
 */
public record FaultyReleaseTag(String repository, String version, String releaseTag, String faultyTag,
                               String versionTag, String problem) {

    public String toJson() {
        return EventJson.write(this);
    }

    public static FaultyReleaseTag fromJson(String json) {
        return EventJson.read(json, FaultyReleaseTag.class);
    }

    /** {@code acme/checkout:rewind/faulty/v1.3.0}: what the delivery records once the tag exists. */
    public String reference() {
        return repository + ":" + faultyTag;
    }
}
