package io.meshwork.cli;

import io.meshwork.cli.acl.AclCommand;
import io.meshwork.cli.catalog.CatalogCommand;
import io.meshwork.cli.diff.DiffCommand;
import io.meshwork.cli.generate.GenerateCommand;
import io.meshwork.cli.lineage.LineageCommand;
import io.meshwork.cli.lint.LintCommand;
import io.meshwork.cli.portal.PortalCommand;
import io.meshwork.cli.scaffold.NewCommand;
import io.meshwork.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mesh} command: run, scaffold and govern a mesh of data products. */
@Command(name = "mesh",
        mixinStandardHelpOptions = true,
        versionProvider = MeshVersion.class,
        description = "Meshwork: data products on Apache Kafka Streams.",
        subcommands = {UpCommand.class, NewCommand.class, LintCommand.class, DiffCommand.class, CatalogCommand.class,
                LineageCommand.class, PortalCommand.class, AclCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class})
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
