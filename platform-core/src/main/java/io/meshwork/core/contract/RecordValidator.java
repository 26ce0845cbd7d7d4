package io.meshwork.core.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.meshwork.core.json.Json;
import java.util.List;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Validates records against a contract's schema. The schema is compiled once: to a check that runs while a record is
 * serialized ({@link #write}), to a fast path over JSON trees ({@link CompiledSchema}), and to networknt's full
 * validator, which has the last word on every record the other two do not vouch for; {@code format} is asserted
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
    private final StreamingSchema streaming;

    public RecordValidator(JsonNode schemaNode) {
        this(schemaNode, true);
    }

    private RecordValidator(JsonNode schemaNode, boolean fastPath) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(CONFIG));
        this.schema = registry.getSchema(schemaNode);
        this.schema.initializeValidators();
        this.compiled = fastPath ? CompiledSchema.compile(schemaNode).orElse(null) : null;
        this.streaming = fastPath ? StreamingSchema.compile(schemaNode).orElse(null) : null;
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

    /**
     * A record as JSON, written and checked against the schema in one pass.
     *
     * @param json     the record's JSON (UTF-8)
     * @param conforms true when the record certainly conforms; false means "not known here": validate its tree with
     *                 {@link #validate} for the verdict and the violations
     * @param key      the top-level scalar under the key field asked for, or {@code null}
     */
    public record Written(byte[] json, boolean conforms, JsonNode key) {
    }

    /**
     * Serializes {@code value} with the record path's mapper and checks it against the schema while it is written: no
     * JSON tree, one serialization. Only valid records are vouched for ({@link Written#conforms}); any record in doubt
     * is to be validated as a tree. Use when {@link #checksWhileWriting()}.
     *
     * @param keyField a top-level property whose scalar value to hand back, or {@code null}
     */
    public Written write(Object value, String keyField) {
        // Buffers from the mapper's pool, as writeValueAsBytes takes them.
        BufferRecycler recycler = Json.mapper().tokenStreamFactory()._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            CheckingGenerator generator = new CheckingGenerator(Json.mapper().createGenerator(bytes), streaming.root(), keyField);
            try (generator) {
                // Through the context the generator was made with: writeValue(generator, value) would make a second.
                generator.writePOJO(value);
            }
            return new Written(bytes.getClearAndRelease(), generator.conforms(), generator.key());
        } finally {
            recycler.releaseToPool();
        }
    }

    /** Whether {@link #write} can check records: the schema uses only the keywords {@link StreamingSchema} follows. */
    public boolean checksWhileWriting() {
        return streaming != null;
    }

    /** Whether the schema compiled to the fast path (it uses only the keywords {@link CompiledSchema} knows). */
    public boolean compiled() {
        return compiled != null;
    }

    private static Violation violation(Error error) {
        return new Violation(error.getKeyword(), error.getInstanceLocation().toString(), error.getMessage());
    }
}
