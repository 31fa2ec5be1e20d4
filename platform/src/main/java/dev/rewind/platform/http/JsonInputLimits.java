package dev.rewind.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits every Rewind REST API puts on the JSON it reads: {@code rewind.http.json.max-nesting-depth} is applied to the
 * ObjectMapper Quarkus REST reads request bodies with; a deeper document fails with a StreamConstraintsException,
 * which {@link RequestProblemMappers} answers with a 400, as is a field named twice in one object. Read as a plain
 * property, not a config mapping: Quarkus builds the ObjectMapper while the application is initialised, and a second
 * application start in one test JVM finds no mapping of a dependency module then (SRCFG00027). The same mapper would
 * read a REST client's typed replies: Rewind's clients return a Response and parse vendors' bodies with their own
 * mappers, so these limits (and {@link NulFreeStrings}) apply to requests only; keep it so.
 */
@Singleton
public class JsonInputLimits implements ObjectMapperCustomizer {

    private final int maxNestingDepth;

    /**
     * @param maxNestingDepth how deeply a request body may nest JSON objects and arrays; Rewind's requests nest four
     *                        or five levels, and a small limit refuses, cheaply and with a clear 400, documents built to
     *                        exhaust the parser
     */
    @Inject
    public JsonInputLimits(@ConfigProperty(name = "rewind.http.json.max-nesting-depth", defaultValue = "32")
                           int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        StreamReadConstraints current = mapper.getFactory().streamReadConstraints();
        mapper.getFactory().setStreamReadConstraints(current.rebuild().maxNestingDepth(maxNestingDepth).build());
        // A field sent twice is ambiguous (parsers disagree on which one counts), and a record's field sent twice
        // fails as a definition error, a 500: refuse it as the malformed JSON it is.
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
