package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import java.util.List;
import java.util.stream.Collectors;

/** A product's topology reads or writes topics its contract does not declare; it must not start. */
public final class UndeclaredTopicsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<DeclaredPorts.Mismatch> mismatches;

    UndeclaredTopicsException(Contract contract, List<DeclaredPorts.Mismatch> mismatches) {
        super("product '" + contract.name() + "' uses topics its contract " + contract.source() + " does not declare:"
                + mismatches.stream().filter(m -> m.kind().fatal()).map(m -> "\n  " + m.message()).collect(Collectors.joining()));
        this.mismatches = List.copyOf(mismatches);
    }

    /** Every difference found between the topology and the ports, the fatal ones and the rest. */
    public List<DeclaredPorts.Mismatch> mismatches() {
        return mismatches;
    }
}
