package dev.rewind.postmortem.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rewind.platform.testing.InfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The production sign-in against an OIDC provider (Quarkus's WireMock one, {@link OidcWiremockTestResource}): the
 * %test profile's settings (bearer tokens only, the development sign-in) turned back to production's. The console
 * signs people in with the authorization code flow; the API takes bearer tokens only and answers 401 problem+json
 * without one, never a redirect.
 */
@QuarkusTest
@TestProfile(ConsoleOidcTest.ProductionSignIn.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleOidcTest {

    /** The WireMock provider's issuer (its discovery document's and its tokens' iss). */
    static final String ISSUER = "https://server.example.com";

    /** Production's client id and token audience (REWIND_OIDC_CLIENT_ID, REWIND_JWT_AUDIENCE): the same, rewind. */
    static final String REWIND = "rewind";

    /**
     * Production's OIDC settings, pointed at the WireMock provider's realm ({@code ${keycloak.url}} is its URL). The
     * client id and audience stay production's defaults; the provider's token endpoint takes any client.
     */
    public static class ProductionSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.oidc.application-type", "hybrid");
            config.put("quarkus.http.auth.permission.console.auth-mechanism", "code");
            config.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
            // 32 characters at least: quarkus-oidc encrypts the session cookie with it (it warns about a shorter one)
            config.put("quarkus.oidc.credentials.secret", "rewind-console-test-client-secret-0123456789");
            config.put("quarkus.oidc.token.issuer", ISSUER);
            config.put("quarkus.oidc.public-key", "");
            config.put("rewind.console.dev-sign-in.enabled", "false");
            return config;
        }
    }

    @OidcWireMock
    WireMockServer provider;

    @Test
    void theConsoleWithoutASessionSendsTheBrowserToTheProvidersSignIn() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.oidc.application-type", String.class)).isEqualTo("hybrid");
        assertThat(config.getValue("quarkus.http.auth.permission.console.auth-mechanism", String.class))
                .isEqualTo("code");
        assertThat(config.getOptionalValue("quarkus.oidc.public-key", String.class)).isEmpty();
        assertThat(config.getValue("quarkus.oidc.client-id", String.class)).isEqualTo(REWIND);
        assertThat(config.getValue("quarkus.oidc.token.audience", String.class)).isEqualTo(REWIND);

        Response challenge = given().redirects().follow(false).get("/console");

        assertThat(challenge.statusCode()).isEqualTo(302);
        String location = challenge.header("Location");
        // the WireMock provider's authorization endpoint is its realm URL (its sign-in page)
        assertThat(location).startsWith(provider.baseUrl() + "/auth/realms/quarkus?");
        Map<String, String> query = query(URI.create(location));
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", REWIND)
                .containsKeys("state", "redirect_uri");
        assertThat(query.get("scope")).contains("openid");
        assertThat(query.get("redirect_uri")).endsWith("/console");
        assertThat(challenge.getCookies().keySet()).as("the state cookie").anyMatch(name -> name.startsWith("q_auth"));

        // the page's own scripts (htmx) are not redirected to the provider: 499, and the page says to sign in again
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").get("/console/rows").then()
                .statusCode(499);
    }

    @Test
    void theApiAnswers401WithoutATokenNeverRedirectsAndOpensToTheProvidersTokens() {
        given().redirects().follow(false).get("/api/v1/incidents").then().statusCode(401)
                .contentType("application/problem+json");
        // as a browser asks (no Authorization header, HTML first): still 401, not the code flow's redirect
        given().redirects().follow(false).accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json");

        given().auth().oauth2(accessToken("carol", "viewer")).get("/api/v1/incidents").then().statusCode(200);
        given().auth().oauth2(accessToken("mallory", "user")).get("/api/v1/incidents").then().statusCode(403)
                .contentType("application/problem+json");
        // the provider's own tokens are for another audience (its default): refused
        given().redirects().follow(false).auth().oauth2(OidcWiremockTestResource.getAccessToken("carol",
                Set.of("viewer"))).get("/api/v1/incidents").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void signingInWithTheCodeFlowOpensTheConsoleAsThatPersonButNotTheApi() {
        // the provider's token endpoint answers the code with carol's tokens, for the rewind client (its own stub
        // signs alice in as user and admin, for another audience)
        provider.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\":\""
                        + accessToken("carol", "viewer", "oncall")
                        + "\",\"refresh_token\":\"07e08903-1263-4dd1-9fd1-4a59b0db5283\",\"id_token\":\""
                        + OidcWiremockTestResource.generateJwtToken("carol", Set.of("viewer", "oncall"), "carol", "ID",
                                Set.of(REWIND)) + "\"}")));

        Response challenge = given().redirects().follow(false).get("/console");
        assertThat(challenge.statusCode()).isEqualTo(302);
        Map<String, String> cookies = new HashMap<>(challenge.getCookies());
        URI authorize = URI.create(challenge.header("Location"));
        Map<String, String> query = query(authorize);

        // the provider's sign-in page, then its form submitted: back to the console with a code
        given().get(authorize.toString()).then().statusCode(200).contentType("text/html");
        Response login = given().redirects().follow(false).queryParam("username", "carol")
                .queryParam("password", "carol").queryParam("state", query.get("state"))
                .queryParam("redirect_uri", query.get("redirect_uri")).get(provider.baseUrl() + "/login");
        assertThat(login.statusCode()).isEqualTo(302);
        String callback = login.header("Location");
        assertThat(callback).contains("/console?state=", "&code=");

        Response signedIn = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies)
                .get(callback);
        assertThat(signedIn.statusCode()).as(signedIn.asString()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/console");
        cookies.putAll(signedIn.getCookies());
        assertThat(cookies).containsKey("q_session");
        assertThat(signedIn.headers().getValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("q_session="))
                .singleElement().asString().containsIgnoringCase("HttpOnly");
        Map<String, String> session = Map.of("q_session", cookies.get("q_session"));

        String page = given().redirects().follow(false).cookies(session).get("/console").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("<span id=\"signed-in-as\">carol</span>", "oncall, viewer")
                .doesNotContain("DEVELOPMENT SIGN-IN");

        // the console's session is no bearer token: the API still answers 401, never a redirect
        given().redirects().follow(false).cookies(session).get("/api/v1/incidents").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theDevelopmentSignInIsOffBesideTheProvider() {
        // refusing to start with it on beside a provider is DevSessionTokensTest's
        given().redirects().follow(false).get("/console/sign-in").then().statusCode(404);
        given().redirects().follow(false).formParam("name", "mallory").formParam("role", "oncall")
                .post("/console/sign-in").then().statusCode(404);
    }

    /** An access token from the WireMock provider (signed with its key, its issuer) for the rewind audience. */
    private static String accessToken(String name, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(name, Set.of(roles), name, "Bearer", Set.of(REWIND));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
