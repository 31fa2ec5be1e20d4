package dev.rewind.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that calls Rewind's APIs: data goes to stdout, messages to stderr, failures become exit codes. */
abstract class ApiCommand implements Callable<Integer> {

    @ParentCommand
    RewindCli root;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** The command's work; throws {@link CliFailure} to stop with a message and an exit code. */
    abstract void run(RewindApi api);

    @Override
    public final Integer call() {
        run(new RewindApi(connection.settings(context())));
        out().flush();
        return ExitCode.OK;
    }

    CliContext context() {
        return root.context();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
