package io.meshwork.cli;

import io.meshwork.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mesh} command: run, scaffold and govern a mesh of data products. */
@Command(name = "mesh",
        mixinStandardHelpOptions = true,
        versionProvider = MeshVersion.class,
        description = "Meshwork: data products on Apache Kafka Streams.",
        subcommands = {UpCommand.class, CommandLine.HelpCommand.class})
public final class Mesh {

    public static void main(String[] args) {
        // Before any logger exists: the products' own logback.xml files are on the classpath too.
        System.setProperty("logback.configurationFile", "mesh-logback.xml");
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 a check failed, 2 bad usage or input. */
    public static int run(String... args) {
        return new CommandLine(new Mesh()).execute(args);
    }
}
