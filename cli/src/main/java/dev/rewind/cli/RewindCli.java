package dev.rewind.cli;

import dev.rewind.drill.RollbackDrill;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rewind}: the command line of Rewind's incident, approval and rollback request APIs, and the drill. */
@Command(name = "rewind", mixinStandardHelpOptions = true, versionProvider = RewindCli.Version.class,
        description = {"Rewind's command line: incidents, approvals, manual rollbacks, post-mortems, the drill.",
                "Where Rewind is and the token come from flags, then REWIND_* environment variables, then "
                        + "~/.config/rewind/config.properties (or $REWIND_CONFIG), then the dev stack's ports.",
                "Data goes to stdout, messages to stderr."},
        subcommands = {IncidentsCommand.class, IncidentCommand.class, ApproveCommand.class, RejectCommand.class,
                OverrideCommand.class, RollbackCommand.class, PostMortemCommand.class})
public final class RewindCli implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public RewindCli(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (rewind --help lists them)");
    }

    /** The whole command line, with the drill and completion subcommands and the exit codes in every help. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new RewindCli(context));
        cli.addSubcommand("drill", new RollbackDrill());
        CommandLine.Model.UsageMessageSpec drill = cli.getSubcommands().get("drill").getCommandSpec().usageMessage();
        String[] drillDescription = drill.description();
        String[] description = new String[drillDescription.length + 1];
        description[0] = "Runs the runbook's rollback drill against a running dev stack and its sandbox.";
        System.arraycopy(drillDescription, 0, description, 1, drillDescription.length);
        drill.description(description);
        cli.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false)
                .description("Prints a bash/zsh completion script: source <(rewind generate-completion)");
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.described());
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommand() instanceof ApiCommand) {
                sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                        .exitCodeList(ExitCode.described());
            }
        });
        cli.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            command.getErr().println("rewind: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, command.getErr());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof CliFailure failure) {
                commandLine.getErr().println("rewind: " + failure.getMessage());
                commandLine.getErr().flush();
                return failure.exitCode();
            }
            throw exception;
        });
        return cli;
    }

    public static void main(String[] args) {
        // The drill's Kubernetes client logs warnings only, so that its report stays readable.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(commandLine(CliContext.ofProcess()).execute(args));
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RewindCli.class.getPackage().getImplementationVersion();
            return new String[] {"rewind " + (version == null ? "(development build)" : version)};
        }
    }
}
