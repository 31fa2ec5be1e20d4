package dev.rewind.executor.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run a repository's rollback pipeline.
 *
 * @param repository "workspace/repo_slug"
 * @param ref the branch whose pipeline definition runs
 * @param pipeline the custom pipeline's name, e.g. rollback-production
 * @param variables passed to the run, in this order, e.g. SERVICE, VERSION, {@link #EXECUTION_VARIABLE}
 */
public record PipelineTrigger(String repository, String ref, String pipeline, Map<String, String> variables) {

    /** The variable naming the Rewind execution that started a run: {@link CiPipelines#findRun} looks for it. */
    public static final String EXECUTION_VARIABLE = "REWIND_EXECUTION";

    public PipelineTrigger {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(pipeline, "pipeline");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables == null ? Map.of() : variables));
    }
}
