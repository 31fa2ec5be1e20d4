package dev.rewind.postmortem.console;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;

/** What a refused request said, in words for the console: the problem's detail, or its status. */
final class ConsoleProblems {

    private ConsoleProblems() {
    }

    /** The explanation of {@code refused}; a stale edit (412) says to reload rather than to resend headers. */
    static String detail(RuntimeException refused) {
        if (refused instanceof HttpProblem problem) {
            if (problem.getStatusCode() == 412) {
                return "Someone edited the post-mortem since you opened it: nothing was saved. Reload the page to see "
                        + "their edit, then make yours again (your text is still in the editor).";
            }
            return problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
        }
        if (refused instanceof WebApplicationException web) {
            return web.getMessage();
        }
        return refused.getMessage();
    }
}
