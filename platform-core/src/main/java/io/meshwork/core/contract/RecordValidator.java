package io.meshwork.core.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON trees against a contract's schema. The schema is compiled once, to a fast path for valid records
 * ({@link CompiledSchema}) and networknt's full validator for the rest; {@code format} is asserted
 * (a {@code date-time} or {@code uuid} that does not parse is a violation), because consumers rely on it.
 * Thread-safe.
 */
public final class RecordValidator {

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();

    private final Schema schema;
    private final CompiledSchema compiled;

    public RecordValidator(JsonNode schemaNode) {
        this(schemaNode, true);
    }

    private RecordValidator(JsonNode schemaNode, boolean fastPath) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(CONFIG));
        this.schema = registry.getSchema(schemaNode);
        this.schema.initializeValidators();
        this.compiled = fastPath ? CompiledSchema.compile(schemaNode).orElse(null) : null;
    }

    /** A validator without the fast path: networknt alone, the oracle the fast path is tested against. */
    static RecordValidator fullOnly(JsonNode schemaNode) {
        return new RecordValidator(schemaNode, false);
    }

    /** The validator of {@code contract}'s output schema. */
    public static RecordValidator of(Contract contract) {
        return new RecordValidator(contract.schema());
    }

    /**
     * Every violation of the schema by {@code value}; empty when it conforms. A record the compiled fast path accepts
     * is valid as it stands; any other goes through the full validator, which words the violations.
     */
    public List<Violation> validate(JsonNode value) {
        if (compiled != null && compiled.accepts(value)) {
            return List.of();
        }
        try {
            return schema.validate(value).stream().map(RecordValidator::violation).toList();
        } catch (RuntimeException e) {
            // networknt throws on some values it cannot compare (a double of 1e300 against an integer minimum):
            // a record the contract cannot vouch for is not valid.
            return List.of(new Violation("schema", "$", "the record could not be checked against the schema: " + e.getMessage()));
        }
    }

    /** Whether the schema compiled to the fast path (it uses only the keywords {@link CompiledSchema} knows). */
    public boolean compiled() {
        return compiled != null;
    }

    private static Violation violation(Error error) {
        return new Violation(error.getKeyword(), error.getInstanceLocation().toString(), error.getMessage());
    }
}
