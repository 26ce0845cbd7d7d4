package io.meshwork.core.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.utils.JsonNodes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a contract's {@code schema} block is itself a valid JSON Schema, by validating it against its
 * dialect's meta-schema (draft 2020-12 unless the schema names another with {@code $schema}).
 */
public final class SchemaChecker {

    static final String DEFAULT_DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();

    private static final SchemaRegistry META_SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private SchemaChecker() {
    }

    /**
     * Problems with {@code schema}, located at the offending node of the contract file.
     *
     * @param schema the schema node as read by the location-aware reader
     * @param reporter receives each problem: the offending node and what is wrong with it
     */
    public static void check(JsonNode schema, ProblemReporter reporter) {
        String dialect = schema.path("$schema").isString() ? schema.get("$schema").asString() : DEFAULT_DIALECT;
        Schema metaSchema;
        try {
            metaSchema = META_SCHEMAS.getSchema(SchemaLocation.of(dialect));
        } catch (RuntimeException unknownDialect) {
            reporter.report(schema.get("$schema"), "unknown JSON Schema dialect '" + dialect + "'");
            return;
        }
        List<Error> errors = new ArrayList<>(metaSchema.validate(schema));
        for (Error error : errors) {
            JsonNode at = JsonNodes.get(schema, error.getInstanceLocation());
            reporter.report(at == null ? schema : at, "not a valid JSON Schema: " + error.getMessage());
        }
    }

    /** Receives one schema problem at a time. */
    @FunctionalInterface
    public interface ProblemReporter {
        void report(JsonNode at, String message);
    }
}
