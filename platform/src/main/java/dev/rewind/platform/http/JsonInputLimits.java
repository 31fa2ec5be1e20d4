package dev.rewind.platform.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Applies {@link HttpInputConfig}'s nesting limit to the ObjectMapper Quarkus REST reads request bodies with; a
 * deeper document fails with a StreamConstraintsException, which {@link RequestProblemMappers} answers with a 400.
 */
@Singleton
public class JsonInputLimits implements ObjectMapperCustomizer {

    private final HttpInputConfig config;

    @Inject
    public JsonInputLimits(HttpInputConfig config) {
        this.config = config;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        StreamReadConstraints current = mapper.getFactory().streamReadConstraints();
        mapper.getFactory().setStreamReadConstraints(
                current.rebuild().maxNestingDepth(config.maxNestingDepth()).build());
    }
}
