package io.meshwork.core.contract;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * A data product's published contract: identity, ports, output schema, service levels and access.
 * Loaded and checked by {@link ContractLoader}; every record the product publishes matches {@link #schema()}.
 *
 * @param identity the {@code dataProduct} block
 * @param ports    input and output ports (defaults filled in)
 * @param schema   JSON Schema of the output value, as written in the contract
 * @param sla      service levels
 * @param access   classification and required permissions
 * @param source   the file the contract was loaded from
 */
public record Contract(ProductIdentity identity, Ports ports, JsonNode schema, Sla sla, Access access, Path source) {

    /** Shortcut for {@code identity().name()}. */
    public String name() {
        return identity.name();
    }

    /** Shortcut for {@code identity().domain()}. */
    public String domain() {
        return identity.domain();
    }

    /** Shortcut for {@code identity().version()}. */
    public String version() {
        return identity.version();
    }

    /** Shortcut for {@code ports().output().topic()}. */
    public String outputTopic() {
        return ports.output().topic();
    }
}
