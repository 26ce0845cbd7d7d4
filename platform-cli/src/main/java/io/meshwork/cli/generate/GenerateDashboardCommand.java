package io.meshwork.cli.generate;

import io.meshwork.cli.contracts.ContractsOption;
import io.meshwork.governance.catalog.Catalog;
import io.meshwork.governance.dashboard.SlaDashboard;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh generate dashboard}: the SREs' Grafana dashboard of the products' SLAs. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Writes a Grafana dashboard (uid " + SlaDashboard.UID + "): each product's SLA status "
                + "against its contract, freshness, latency, input lag, quality, record flow and error-budget burn "
                + "rates, filtered by domain and product.",
                "The burn rates and the quality column use the recording rules of mesh generate alerts."})
public final class GenerateDashboardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContractsOption contracts;

    @Option(names = "--out", paramLabel = "FILE",
            defaultValue = "deploy/observability/grafana/dashboards/meshwork-sla.json",
            description = "The dashboard file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--datasource", paramLabel = "UID", defaultValue = "prometheus",
            description = "Uid of Grafana's Prometheus data source (default: ${DEFAULT-VALUE}, as provisioned by "
                    + "deploy/observability/grafana).")
    String datasource;

    @Option(names = "--check", description = "Exit 1 if the file differs from a fresh generation (CI).")
    boolean check;

    @Override
    public Integer call() {
        Optional<Catalog> catalog = contracts.load(spec.commandLine().getErr());
        if (catalog.isEmpty()) {
            return 2;
        }
        String text = SlaDashboard.json(catalog.get().products(), datasource);
        return GeneratedFiles.single(out, text)
                .emit(check, "dashboard", spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
