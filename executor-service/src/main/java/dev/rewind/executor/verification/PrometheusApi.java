package dev.rewind.executor.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Prometheus' HTTP API, as the Quarkus REST client calls it. The query goes as a form (POST), as Prometheus, Thanos
 * and Mimir accept it: PromQL's braces and quotes need no URL templating, and long queries fit.
 */
@Path("/api/v1")
public interface PrometheusApi extends AutoCloseable {

    /** An instant query evaluated now; every answer comes back as a {@link Response}, whatever its status. */
    @POST
    @Path("/query")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response query(@FormParam("query") String query);
}
