package dev.rewind.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the application/problem+json refusals every Rewind operation can answer (dev.rewind.platform.http), so
 * that no resource has to list them: 400 where it takes input, 401 (and 403 for people's JWTs) where it is secured,
 * 404 where the path names something, 413 and 415 where it reads a body, 500 everywhere. A refusal an operation
 * documents itself ({@code @APIResponse(responseCode = "409", description = ...)}) keeps its description and gets
 * the problem+json content if it names none.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /** The media type of every Rewind error response (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String VIOLATION_SCHEMA = "FieldViolation";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(VIOLATION_SCHEMA, violationSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        Map<String, SecurityScheme> schemes = Objects.requireNonNullElse(components.getSecuritySchemes(), Map.of());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> document(path, operation, openAPI.getSecurity(), schemes)));
    }

    private static void document(String path, Operation operation, List<SecurityRequirement> globalSecurity,
                                 Map<String, SecurityScheme> schemes) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, APIResponse> documented = Objects.requireNonNullElse(responses.getAPIResponses(), Map.of());
        documented.forEach((status, response) -> {
            boolean refusal = status.startsWith("4") || status.startsWith("5");
            if (refusal && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                : Objects.requireNonNullElse(globalSecurity, List.of());
        if (takesInput) {
            add(responses, "400", "The request breaks a rule: the problem says which, and its violations name each "
                    + "field or parameter at fault (in: body, query, path or header)");
        }
        if (!security.isEmpty()) {
            add(responses, "401", "No credentials, or not the ones accepted here: the problem says which to send");
        }
        if (security.stream().anyMatch(requirement -> requiresJwt(requirement, schemes))) {
            add(responses, "403", "The token is valid, but none of its roles may do this");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing with that id: the problem names it");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than this service accepts");
            add(responses, "415", "The body is not of a media type this operation reads");
        }
        add(responses, "500", "An unexpected failure: the problem's instance names the request; the service's log "
                + "has the cause");
    }

    private static boolean requiresJwt(SecurityRequirement requirement, Map<String, SecurityScheme> schemes) {
        return requirement.getSchemes().keySet().stream().map(schemes::get).filter(Objects::nonNull)
                .anyMatch(scheme -> "JWT".equalsIgnoreCase(scheme.getBearerFormat()));
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problemContent());
        responses.addAPIResponse(status, response);
    }

    private static Content problemContent() {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, problem);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the one error format of every Rewind API")
                .addProperty("title", text("The status's reason phrase, e.g. Bad Request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").description("The HTTP status code"))
                .addProperty("detail", text("What is wrong and what to do, for the person reading it"))
                .addProperty("instance", text("The request's path"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(VIOLATION_SCHEMA))
                        .description("Each field or parameter at fault, when the problem is about some"));
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One thing wrong with a request")
                .addProperty("field", text("A JSON path such as alerts[0].labels.environment, or a parameter name"))
                .addProperty("in", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("body", "query", "path", "header")))
                .addProperty("message", text("The rule it breaks"))
                .required(List.of("field", "in", "message"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
