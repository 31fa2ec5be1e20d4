package dev.rewind.postmortem.domain.query;

import java.util.List;
import java.util.stream.Collectors;

/** A query the client wrote wrongly: each problem names the query parameter at fault and the rule it breaks. */
public class InvalidQuery extends IllegalArgumentException {

    private final transient List<Problem> problems;

    public InvalidQuery(List<Problem> problems) {
        super(problems.stream().map(Problem::describe).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One parameter and what is wrong with its value. */
    public record Problem(String parameter, String message) {

        String describe() {
            return "query parameter '" + parameter + "' " + message;
        }
    }
}
