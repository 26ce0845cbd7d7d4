package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractException;
import io.meshwork.core.registry.CompatibilityGate;
import io.meshwork.core.registry.ContractRegistry;
import io.meshwork.core.registry.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's entry on the mesh's {@link ContractRegistry}: checked before anything else starts (a contract
 * incompatible with the registered one of the same major version stops start-up), written once the query port is
 * open. A registry the product cannot read or write (a cluster whose ACLs do not grant it) is logged and skipped:
 * the registry describes the mesh, it does not carry records.
 */
final class ProductRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(ProductRegistration.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ContractRegistry registry;
    private final Contract contract;

    ProductRegistration(ProductConfig config, Contract contract) {
        this.registry = new ContractRegistry(config.kafka());
        this.contract = contract;
    }

    /**
     * Compares the contract with the registered one.
     *
     * @throws IllegalStateException naming each rule that fired if the contract may not replace the registered one
     */
    void check() {
        Optional<Registration> registered;
        try {
            registered = Optional.ofNullable(registry.read(PATIENCE).get(contract.identity().qualifiedName()));
        } catch (KafkaException e) {
            LOG.warn("Could not read the contract registry {}: {}; starting without the compatibility check",
                    ContractRegistry.TOPIC, e.getMessage());
            return;
        }
        Optional<Contract> previous;
        try {
            previous = registered.map(Registration::toContract);
        } catch (ContractException e) {
            LOG.warn("The registered contract of {} is not a valid contract; replacing it: {}",
                    contract.identity().qualifiedName(), e.getMessage());
            return;
        }
        previous.flatMap(was -> CompatibilityGate.refusal(was, contract)).ifPresent(refusal -> {
            throw new IllegalStateException(refusal);
        });
    }

    /** Registers this instance, whose query port answers at {@code self}. */
    void register(HostInfo self) {
        String instance = self.host() + ":" + self.port();
        try {
            registry.publish(Registration.of(contract, "http://" + instance, instance, Instant.now()), PATIENCE);
            LOG.info("Registered {} {} on {}", contract.identity().qualifiedName(), contract.version(),
                    ContractRegistry.TOPIC);
        } catch (KafkaException e) {
            LOG.warn("Could not register {} on {}: {}", contract.identity().qualifiedName(), ContractRegistry.TOPIC,
                    e.getMessage());
        }
    }
}
