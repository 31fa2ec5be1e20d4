package dev.rewind.cli;

import dev.rewind.drill.JsonHttp;

/**
 * Turns Rewind's HTTP answers into a command's outcome: the body of a 2xx, else a {@link CliFailure} with the exit
 * code scripts rely on and the server's own words (its problem's detail and the fields at fault).
 */
public final class Answers {

    private Answers() {
    }

    /** The body of {@code answer} when it is a 2xx; else the failure it means, about {@code api} at {@code url}. */
    public static String body(JsonHttp.Answer answer, Api api, String url, boolean tokenSet) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer.body();
        }
        throw failure(answer, api, url, tokenSet);
    }

    /** The failure a non-2xx {@code answer} means. */
    public static CliFailure failure(JsonHttp.Answer answer, Api api, String url, boolean tokenSet) {
        int status = answer.status();
        if (status == 0) {
            return new CliFailure(ExitCode.UNAVAILABLE, "cannot reach " + api.title() + " at " + url + " ("
                    + answer.body() + "); is Rewind running there? Set --" + api.key() + ", "
                    + SettingsResolver.environmentVariable(api.key()) + " or " + api.key() + "= in the config file");
        }
        Problem problem = Problem.parse(answer.body());
        String said = problem != null ? problem.describe() : plain(answer.body());
        if (status >= 500) {
            return new CliFailure(ExitCode.UNAVAILABLE, api.title() + " failed (" + status + "): " + said);
        }
        if (status == 401) {
            return new CliFailure(ExitCode.NOT_ALLOWED, "not authenticated (401): " + said + (tokenSet ? ""
                    : "; no token is configured: pass --token or --token-file, set REWIND_TOKEN, or token= in the "
                    + "config file (on the dev stack: dev/identity.sh token NAME ROLE)"));
        }
        if (status == 403) {
            return new CliFailure(ExitCode.NOT_ALLOWED, "forbidden (403): " + said);
        }
        if (status == 404) {
            return new CliFailure(ExitCode.NOT_FOUND, "not found (404): " + said);
        }
        return new CliFailure(ExitCode.REFUSED, "refused (" + status + "): " + said);
    }

    private static String plain(String body) {
        if (body == null || body.isBlank()) {
            return "no detail given";
        }
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
