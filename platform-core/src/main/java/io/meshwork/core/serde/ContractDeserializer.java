package io.meshwork.core.serde;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.contract.ContractLocator;
import io.meshwork.core.contract.RecordValidator;
import io.meshwork.core.contract.Violation;
import io.meshwork.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Kafka {@link Deserializer} for consumers of a data product: parses each value once as JSON and validates the
 * tree against the product's contract. A conforming value is returned as its tree. A violating value (or bytes that
 * are not JSON) goes to the {@link ViolationHandler} and the consumer sees {@code null} as the record's value, or,
 * with {@link OnViolation#DELIVER}, the tree anyway. A {@code null} value (a tombstone) stays {@code null} and is not
 * checked.
 *
 * <pre>{@code
 * Contract orders = ContractLocator.fromEnvironment().load("orders");
 * var values = new ContractDeserializer(orders, violation -> log.warn("bad record: {}", violation.violations()));
 * try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) { ... }
 * }</pre>
 *
 * <p>Configured by class name instead ({@code value.deserializer}), it reads {@value #CONTRACT_FILE_CONFIG} or
 * {@value #CONTRACT_PRODUCT_CONFIG} and {@value #ON_VIOLATION_CONFIG}, and logs violations at WARN.
 * Thread-safe once configured, like the validator it uses.
 */
public final class ContractDeserializer implements Deserializer<JsonNode> {

    /** Path of the contract file to validate against. */
    public static final String CONTRACT_FILE_CONFIG = "meshwork.contract.file";
    /** Product name whose contract {@link ContractLocator#fromEnvironment()} finds, e.g. {@code orders}. */
    public static final String CONTRACT_PRODUCT_CONFIG = "meshwork.contract.product";
    /** {@code skip} (default: the consumer sees null) or {@code deliver} (the consumer sees the tree anyway). */
    public static final String ON_VIOLATION_CONFIG = "meshwork.contract.on.violation";

    private static final Logger LOG = LoggerFactory.getLogger(ContractDeserializer.class);

    /** What the consumer sees for a violating record. */
    public enum OnViolation {
        /** {@code null}. */
        SKIP,
        /** The parsed tree (null for bytes that are not JSON). */
        DELIVER
    }

    private Contract contract;
    private RecordValidator validator;
    private ViolationHandler handler;
    private OnViolation onViolation;

    /** For configuration by class name: the contract comes from {@link #configure}. */
    public ContractDeserializer() {
        this.handler = ContractDeserializer::log;
        this.onViolation = OnViolation.SKIP;
    }

    /** Validates against {@code contract}; violating records reach {@code handler} and the consumer sees null. */
    public ContractDeserializer(Contract contract, ViolationHandler handler) {
        this(contract, handler, OnViolation.SKIP);
    }

    /** Validates against {@code contract}; violating records reach {@code handler}, then {@code onViolation} applies. */
    public ContractDeserializer(Contract contract, ViolationHandler handler, OnViolation onViolation) {
        this.contract = contract;
        this.validator = RecordValidator.of(contract);
        this.handler = handler;
        this.onViolation = onViolation;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object mode = configs.get(ON_VIOLATION_CONFIG);
        if (mode != null) {
            try {
                onViolation = OnViolation.valueOf(mode.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ON_VIOLATION_CONFIG, mode, "expected skip or deliver");
            }
        }
        if (contract != null) {
            return;
        }
        Object file = configs.get(CONTRACT_FILE_CONFIG);
        Object product = configs.get(CONTRACT_PRODUCT_CONFIG);
        if (file != null) {
            contract = ContractLoader.load(Path.of(file.toString()));
        } else if (product != null) {
            contract = ContractLocator.fromEnvironment().load(product.toString());
        } else {
            throw new ConfigException("ContractDeserializer needs " + CONTRACT_FILE_CONFIG + " or " + CONTRACT_PRODUCT_CONFIG);
        }
        validator = RecordValidator.of(contract);
    }

    @Override
    public JsonNode deserialize(String topic, byte[] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    @Override
    public JsonNode deserialize(String topic, Headers headers, byte[] data) {
        if (validator == null) {
            throw new IllegalStateException("ContractDeserializer is not configured with a contract");
        }
        if (data == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(data);
        } catch (JacksonException e) {
            handler.onViolation(new ContractViolation(topic, headers, data, null,
                    List.of(new Violation("json", "$", "not JSON: " + e.getOriginalMessage()))));
            return null;
        }
        List<Violation> violations = validator.validate(tree);
        if (violations.isEmpty()) {
            return tree;
        }
        handler.onViolation(new ContractViolation(topic, headers, data, tree, violations));
        return onViolation == OnViolation.DELIVER ? tree : null;
    }

    /** The contract values are checked against. */
    public Contract contract() {
        return contract;
    }

    private static void log(ContractViolation violation) {
        LOG.warn("record on {} breaks its contract: {}", violation.topic(), violation.violations());
    }
}
