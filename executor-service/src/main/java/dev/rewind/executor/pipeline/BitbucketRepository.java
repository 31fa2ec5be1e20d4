package dev.rewind.executor.pipeline;

import java.net.URI;

/** A Bitbucket repository named "workspace/repo_slug", as {@link PipelineTrigger#repository()} gives it. */
record BitbucketRepository(String workspace, String slug) {

    static BitbucketRepository parse(String repository) {
        String[] parts = repository == null ? new String[0] : repository.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new PipelineUnavailable("the pipeline repository must be \"workspace/repo_slug\" (as in "
                    + "bitbucket.org/workspace/repo_slug), not \"" + repository + "\": fix the target's pipeline "
                    + "repository setting");
        }
        return new BitbucketRepository(parts[0], parts[1]);
    }

    /** The page where people see the repository's runs. */
    String runsPage(URI webUrl) {
        String base = webUrl.toString().endsWith("/") ? webUrl.toString() : webUrl + "/";
        return base + workspace + "/" + slug + "/pipelines";
    }

    /** The page where people see run {@code number}. */
    String runPage(URI webUrl, long number) {
        return runsPage(webUrl) + "/results/" + number;
    }

    @Override
    public String toString() {
        return workspace + "/" + slug;
    }
}
