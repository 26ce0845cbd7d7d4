package io.meshwork.cli.contracts;

import io.meshwork.cli.Mesh;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of a {@code mesh} command, as {@link Mesh#run} runs it, with its output captured.
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
public record CommandRun(int exit, String out, String err) {

    /** Runs {@code mesh args...}. */
    public static CommandRun mesh(String... args) {
        return of(new CommandLine(new Mesh()), args);
    }

    /** Runs {@code args} on {@code command}, for commands built with test collaborators. */
    public static CommandRun of(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
