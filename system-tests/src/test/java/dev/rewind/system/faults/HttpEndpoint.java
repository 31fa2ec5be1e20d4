package dev.rewind.system.faults;

import java.util.List;

/**
 * One HTTP endpoint of a Rewind service as the hostile-input scenario attacks it.
 *
 * @param service       the service that serves it
 * @param resource      the simple name of the JAX-RS resource class declaring it (for the coverage check)
 * @param method        the HTTP method
 * @param path          the path, with {@code {id}}-style parameters filled in by the scenario
 * @param credentials   what the scenario sends so that the request gets past authentication
 * @param body          a valid body for it (null when it reads none), attacked by the body corpus
 * @param freeText      a JSON pointer into {@code body} to a free-text string, where hostile characters go
 * @param parameters    the query parameters it reads, attacked by the parameter corpus
 * @param answersOkWhenSigned true for Slack's interactivity URL: once Slack's signature holds it always answers 200
 * @param page          true for the console's pages: a browser's, not a program's; they answer what a person reads
 *                      (a page saying what is wrong, a redirect, a 4xx), never a 5xx; their bodies are forms
 */
record HttpEndpoint(String service, String resource, String method, String path, Credentials credentials,
                    String body, String freeText, List<String> parameters, boolean answersOkWhenSigned,
                    boolean page) {

    /** An endpoint of the services' APIs. */
    HttpEndpoint(String service, String resource, String method, String path, Credentials credentials, String body,
                 String freeText, List<String> parameters, boolean answersOkWhenSigned) {
        this(service, resource, method, path, credentials, body, freeText, parameters, answersOkWhenSigned, false);
    }

    /** How the scenario authenticates; a console session is the development sign-in's cookie. */
    enum Credentials {
        NONE, WEBHOOK_TOKEN, PERSON_TOKEN, SLACK_SIGNATURE, CONSOLE_SESSION
    }

    boolean readsBody() {
        return body != null;
    }

    /** For reports: {@code POST detector-service/api/v1/alerts/alertmanager}. */
    String describe() {
        return method + " " + service + path;
    }
}
