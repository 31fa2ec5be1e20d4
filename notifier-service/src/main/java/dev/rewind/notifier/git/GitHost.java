package dev.rewind.notifier.git;

import dev.rewind.notifier.channel.SendResult;

/** A Git hosting service's API (GitHub today; GitLab and Bitbucket can follow) as far as tagging a release goes. */
public interface GitHost {

    /** The host's name in messages: {@code GitHub}. */
    String name();

    /**
     * Creates {@code tag.faultyTag()} on the commit of {@code tag.releaseTag()}. A tag already there on that commit is
     * delivered (sending twice does no harm); a missing release tag is refused with what to configure.
     */
    SendResult tag(FaultyReleaseTag tag);
}
