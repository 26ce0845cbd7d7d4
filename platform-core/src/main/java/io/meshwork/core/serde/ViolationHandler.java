package io.meshwork.core.serde;

/** Receives the records a {@link ContractDeserializer} found breaking the contract: log, count, dead-letter them. */
@FunctionalInterface
public interface ViolationHandler {

    /** Called on the consumer's polling thread, once per violating record, before {@code poll} returns it. */
    void onViolation(ContractViolation violation);
}
