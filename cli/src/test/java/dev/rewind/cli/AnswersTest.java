package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rewind.drill.JsonHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswersTest {

    private static final String URL = "http://127.0.0.1:8082/api/v1/approvals/x/approve";

    private static CliFailure failure(int status, String body) {
        return catchThrowableOfType(CliFailure.class,
                () -> Answers.body(new JsonHttp.Answer(status, body), Api.APPROVALS, URL, true));
    }

    @Test
    void aSuccessIsItsBody() {
        assertThat(Answers.body(new JsonHttp.Answer(202, "{}"), Api.REQUESTS, URL, true)).isEqualTo("{}");
    }

    @ParameterizedTest
    @CsvSource({"0,3", "500,3", "502,3", "503,3", "401,5", "403,5", "404,4", "400,1", "409,1", "415,1", "422,1",
            "302,1"})
    void eachStatusHasTheExitCodeScriptsRelyOn(int status, int exitCode) {
        assertThat(failure(status, "").exitCode()).isEqualTo(exitCode);
    }

    @Test
    void aProblemIsToldByItsDetailAndTheFieldsItNames() {
        CliFailure failure = failure(400, "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"the query is "
                + "invalid: limit: must be a whole number from 1 to 500\",\"violations\":[{\"field\":\"limit\","
                + "\"in\":\"query\",\"message\":\"must be a whole number from 1 to 500\"},{\"field\":\"to\","
                + "\"in\":\"query\",\"message\":\"must be later than from\"}]}");

        assertThat(failure.getMessage()).isEqualTo("refused (400): the query is invalid: limit: must be a whole "
                + "number from 1 to 500" + System.lineSeparator() + "  to: must be later than from");
    }

    @Test
    void aProblemWithoutDetailIsToldByItsTitleAndABodyThatIsNoProblemByItsFirstLine() {
        assertThat(failure(409, "{\"status\":409,\"title\":\"Conflict\"}").getMessage())
                .isEqualTo("refused (409): Conflict");
        assertThat(failure(413, "<html>\n<body>too large</body></html>").getMessage())
                .isEqualTo("refused (413): <html>");
        assertThat(failure(401, "").getMessage()).isEqualTo("not authenticated (401): no detail given");
    }

    @Test
    void unreachableNamesTheUrlAndWhereToSetIt() {
        CliFailure failure = failure(0, "java.net.ConnectException");

        assertThat(failure.getMessage()).isEqualTo("cannot reach the approval API (approval-service) at " + URL
                + " (java.net.ConnectException); is Rewind running there? Set --approvals-url, "
                + "REWIND_APPROVALS_URL or approvals-url= in the config file");
    }

    @Test
    void aMissingTokenIsPointedOutOnlyWhenNoneIsSet() {
        CliFailure withoutToken = catchThrowableOfType(CliFailure.class,
                () -> Answers.body(new JsonHttp.Answer(401, ""), Api.INCIDENTS, URL, false));

        assertThat(withoutToken.getMessage()).contains("no token is configured");
        assertThat(failure(401, "").getMessage()).doesNotContain("no token");
    }
}
