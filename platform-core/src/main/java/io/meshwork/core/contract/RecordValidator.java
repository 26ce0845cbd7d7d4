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
 * Validates JSON trees against a contract's schema. The schema is compiled once; {@code format} is asserted
 * (a {@code date-time} or {@code uuid} that does not parse is a violation), because consumers rely on it.
 * Thread-safe.
 */
public final class RecordValidator {

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();

    private final Schema schema;

    public RecordValidator(JsonNode schemaNode) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(CONFIG));
        this.schema = registry.getSchema(schemaNode);
        this.schema.initializeValidators();
    }

    /** The validator of {@code contract}'s output schema. */
    public static RecordValidator of(Contract contract) {
        return new RecordValidator(contract.schema());
    }

    /** Every violation of the schema by {@code value}; empty when it conforms. */
    public List<Violation> validate(JsonNode value) {
        return schema.validate(value).stream().map(RecordValidator::violation).toList();
    }

    private static Violation violation(Error error) {
        return new Violation(error.getKeyword(), error.getInstanceLocation().toString(), error.getMessage());
    }
}
