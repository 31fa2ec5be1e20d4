package dev.rewind.postmortem.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The dev stack's local sign-in: a name and roles, signed with the development key into a session cookie. Answers 404
 * unless {@code rewind.console.dev-sign-in.enabled}; production signs people in through OIDC instead.
 */
@Path(DevSignInResource.PATH)
@Produces(MediaType.TEXT_HTML)
public class DevSignInResource {

    /** Where the sign-in page is. */
    public static final String PATH = "/console/sign-in";

    private static final Chrome CHROME = new Chrome(null, List.of(), "sign-in", true);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final ConsoleConfig config;
    private final DevSessionTokens tokens;

    @Inject
    public DevSignInResource(ConsoleConfig config, DevSessionTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(Chrome chrome, List<String> roles, String name, String problem);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance form() {
        requireEnabled();
        return Templates.signIn(CHROME, config.devSignIn().roles(), "", null);
    }

    @POST
    @Operation(hidden = true)
    public Response signIn(@RestForm String name, @RestForm List<String> role) {
        requireEnabled();
        String who = name == null ? "" : name.strip();
        Set<String> roles = role == null ? Set.of() : Set.copyOf(role);
        Optional<String> problem = problem(who, roles, config.devSignIn().roles());
        if (problem.isPresent()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signIn(CHROME, config.devSignIn().roles(), who, problem.get())).build();
        }
        NewCookie session = new NewCookie.Builder(DevSession.COOKIE).value(tokens.mint(who, roles)).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) config.devSignIn().session().toSeconds()).build();
        return Response.seeOther(URI.create("/console")).cookie(session).build();
    }

    @POST
    @Path("/out")
    @Operation(hidden = true)
    public Response signOut() {
        requireEnabled();
        NewCookie cleared = new NewCookie.Builder(DevSession.COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
        return Response.seeOther(URI.create(PATH)).cookie(cleared).build();
    }

    /** What is wrong with signing in as {@code name} with {@code roles}; empty when nothing. */
    static Optional<String> problem(String name, Set<String> roles, List<String> offered) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("name: letters, digits, '.', '_', '@' or '-', at most 64, such as alice");
        }
        if (roles.isEmpty()) {
            return Optional.of("roles: choose at least one");
        }
        return roles.stream().filter(one -> !offered.contains(one)).findFirst()
                .map(unknown -> "roles: '" + unknown + "' is not one of " + offered);
    }

    private void requireEnabled() {
        if (!config.devSignIn().enabled()) {
            throw new NotFoundException("the development sign-in is off; sign in through your identity provider");
        }
    }
}
