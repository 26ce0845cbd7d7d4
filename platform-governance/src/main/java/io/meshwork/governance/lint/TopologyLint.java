package io.meshwork.governance.lint;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.runtime.DeclaredPorts;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductTopology;
import io.meshwork.core.runtime.TopologyTopics;
import io.meshwork.core.runtime.UndeclaredTopicsException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mesh lint --with-topologies}: assembles each product's topology (no broker needed) and compares the topics
 * it really reads and writes with its contract's ports, exactly as a product start does ({@link DeclaredPorts}).
 * Undeclared topics are errors; a declared input the topology never reads is a warning.
 */
public final class TopologyLint {

    private TopologyLint() {
    }

    /** Findings for each of {@code products} that has a contract among {@code contracts} (matched by name). */
    public static List<LintFinding> check(Iterable<DataProduct> products, List<Contract> contracts) {
        List<LintFinding> findings = new ArrayList<>();
        for (DataProduct product : products) {
            contracts.stream().filter(c -> c.name().equals(product.name())).findFirst()
                    .ifPresent(contract -> check(product, contract, findings));
        }
        return findings;
    }

    private static void check(DataProduct product, Contract contract, List<LintFinding> findings) {
        KeyPositions keys = keys(contract);
        List<DeclaredPorts.Mismatch> mismatches;
        try {
            ProductTopology assembled = ProductTopology.assemble(product, contract, ProductConfig.of("lint:9092"),
                    new FlowMetrics(new SimpleMeterRegistry()));
            mismatches = DeclaredPorts.compare(contract, TopologyTopics.of(assembled.topology().describe()));
        } catch (UndeclaredTopicsException e) {
            mismatches = e.mismatches();
        } catch (RuntimeException e) {
            findings.add(at(contract, keys, "/ports", Severity.ERROR, "topology", "product '" + product.name()
                    + "' cannot be assembled: " + e.getMessage()));
            return;
        }
        for (DeclaredPorts.Mismatch mismatch : mismatches) {
            boolean input = mismatch.kind() != DeclaredPorts.Kind.UNDECLARED_OUTPUT
                    && mismatch.kind() != DeclaredPorts.Kind.DYNAMIC_OUTPUT;
            findings.add(at(contract, keys, input ? "/ports/inputs" : "/ports/output",
                    mismatch.kind().fatal() ? Severity.ERROR : Severity.WARNING,
                    "topology-" + mismatch.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "product '" + product.name() + "' " + mismatch.message()));
        }
    }

    private static KeyPositions keys(Contract contract) {
        try {
            return KeyPositions.of(Files.readString(contract.source()));
        } catch (IOException e) {
            return KeyPositions.of("");
        }
    }

    /** At the first of {@code pointer}, {@code /ports} present in the file; else its first line. */
    private static LintFinding at(Contract contract, KeyPositions keys, String pointer, Severity severity, String rule,
                                  String message) {
        String where = keys.has(pointer) ? pointer : "/ports";
        int line = keys.has(where) ? keys.line(where) : 1;
        int column = keys.has(where) ? keys.column(where) : 1;
        return new LintFinding(contract.source(), line, column, severity, rule, message);
    }
}
