package io.meshwork.cli.generate;

import picocli.CommandLine.Command;

/** {@code mesh generate}: deployment and SRE artifacts derived from the contracts. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates deployment and SRE artifacts from the contracts (--check: are the committed ones "
                + "up to date?).",
        subcommands = {GenerateAlertsCommand.class, GenerateDashboardCommand.class, GenerateStrimziCommand.class,
                GenerateK8sCommand.class})
public final class GenerateCommand {
}
