package io.meshwork.cli.generate;

import io.meshwork.cli.contracts.ContractsOption;
import io.meshwork.core.contract.Contract;
import io.meshwork.governance.alerts.SloAlertRules;
import io.meshwork.governance.catalog.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh generate alerts}: Prometheus SLO alert rules from the contracts' {@code sla} blocks. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Writes a Prometheus rules file: multi-window, multi-burn-rate alerts on each product's "
                + "availability and quality SLAs, a freshness alert, and an alert when a product exports nothing.",
                "Check it with: promtool check rules FILE"})
public final class GenerateAlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContractsOption contracts;

    @Option(names = "--out", paramLabel = "FILE",
            defaultValue = "deploy/observability/prometheus/rules/meshwork-slo.rules.yaml",
            description = "The rules file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--runbook", paramLabel = "URL", defaultValue = "docs/runbook.md",
            description = "Address of the runbook; each alert links to its section (default: ${DEFAULT-VALUE}).")
    String runbook;

    @Option(names = "--check", description = "Exit 1 if the file differs from a fresh generation (CI).")
    boolean check;

    @Override
    public Integer call() {
        Optional<Catalog> catalog = contracts.load(spec.commandLine().getErr());
        if (catalog.isEmpty()) {
            return 2;
        }
        List<Contract> products = catalog.get().products();
        String text = GeneratedFiles.header("alerts") + Yaml.write(SloAlertRules.of(products, runbook));
        return GeneratedFiles.single(out, text)
                .emit(check, "alerts", spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
