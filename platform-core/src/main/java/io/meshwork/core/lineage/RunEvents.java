package io.meshwork.core.lineage;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import io.meshwork.core.metrics.QualityScore;
import io.meshwork.core.metrics.SlaStatus;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.utils.UUIDUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Builds the OpenLineage run events of one run of a product: job = the product (processing type STREAMING),
 * inputs and output = its topics as Kafka datasets with schema facets from the contracts, and on RUNNING and
 * COMPLETE the record counts (input and output statistics facets) and the live SLA result including the quality
 * score (run facets {@code meshwork_flow} and {@code meshwork_sla}).
 */
final class RunEvents {

    /** Identifies Meshwork as the producer of the events. */
    static final URI PRODUCER = URI.create("urn:meshwork:platform-core");
    /** Name of the run facet with the record counts. */
    private static final String KAFKA_VERSION = kafkaVersion();
    static final String FLOW_FACET = "meshwork_flow";
    /** Name of the run facet with the SLA status. */
    static final String SLA_FACET = "meshwork_sla";

    private final OpenLineage ol = new OpenLineage(PRODUCER);
    private final Contract contract;
    private final String datasetNamespace;
    private final String jobNamespace;
    private final Map<String, JsonNode> inputSchemas;
    private final Clock clock;
    private final UUID runId;

    /**
     * @param datasetNamespace {@code kafka://host:port} of the product's cluster
     * @param inputSchemas     the schemas of inputs whose producing product's contract is known, by topic
     */
    RunEvents(Contract contract, String datasetNamespace, String jobNamespace, Map<String, JsonNode> inputSchemas,
              Clock clock) {
        this.contract = contract;
        this.datasetNamespace = datasetNamespace;
        this.jobNamespace = jobNamespace;
        this.inputSchemas = Map.copyOf(inputSchemas);
        this.clock = clock;
        this.runId = UUIDUtils.generateNewUUID(clock.instant());
    }

    /** This run's id. */
    UUID runId() {
        return runId;
    }

    /** An event of {@code type}, with {@code progress} (counts are left out of START). */
    OpenLineage.RunEvent event(EventType type, RunProgress progress, Optional<String> failure) {
        boolean counted = type != EventType.START;
        OpenLineage.RunFacetsBuilder runFacets = ol.newRunFacetsBuilder()
                .processing_engine(ol.newProcessingEngineRunFacet(KAFKA_VERSION, "kafka-streams",
                        platformVersion()));
        if (counted) {
            runFacets.put(FLOW_FACET, flowFacet(progress));
            runFacets.put(SLA_FACET, slaFacet(progress));
        }
        failure.ifPresent(message -> runFacets.errorMessage(ol.newErrorMessageRunFacet(message, "java", null)));
        return ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .run(ol.newRun(runId, runFacets.build()))
                .job(job())
                .inputs(contract.ports().inputs().stream().map(input -> input(input, progress, counted)).toList())
                .outputs(List.of(output(progress, counted)))
                .build();
    }

    private OpenLineage.Job job() {
        OpenLineage.JobFacetsBuilder facets = ol.newJobFacetsBuilder()
                .jobType(ol.newJobTypeJobFacetBuilder().processingType("STREAMING").integration("MESHWORK")
                        .jobType("DATA_PRODUCT").build())
                .ownership(ol.newOwnershipJobFacet(List.of(
                        ol.newOwnershipJobFacetOwners(contract.identity().owner(), "team"))));
        if (!contract.identity().description().isBlank()) {
            facets.documentation(ol.newDocumentationJobFacetBuilder().description(contract.identity().description()).build());
        }
        return ol.newJob(jobNamespace, contract.identity().qualifiedName(), facets.build());
    }

    private OpenLineage.InputDataset input(Ports.Input input, RunProgress progress, boolean counted) {
        OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder();
        Optional.ofNullable(inputSchemas.get(input.topic()))
                .ifPresent(schema -> facets.schema(ol.newSchemaDatasetFacet(SchemaFields.of(ol, schema))));
        OpenLineage.InputDatasetBuilder dataset = ol.newInputDatasetBuilder()
                .namespace(datasetNamespace).name(input.topic()).facets(facets.build());
        if (counted) {
            dataset.inputFacets(ol.newInputDatasetInputFacetsBuilder()
                    .inputStatistics(ol.newInputStatisticsInputDatasetFacetBuilder()
                            .rowCount(progress.in().getOrDefault(input.topic(), 0L)).build())
                    .build());
        }
        return dataset.build();
    }

    private OpenLineage.OutputDataset output(RunProgress progress, boolean counted) {
        OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder()
                .schema(ol.newSchemaDatasetFacet(SchemaFields.of(ol, contract.schema())))
                .ownership(ol.newOwnershipDatasetFacet(List.of(
                        ol.newOwnershipDatasetFacetOwners(contract.identity().owner(), "team"))));
        if (!contract.identity().description().isBlank()) {
            facets.documentation(ol.newDocumentationDatasetFacetBuilder().description(contract.identity().description()).build());
        }
        OpenLineage.OutputDatasetBuilder dataset = ol.newOutputDatasetBuilder()
                .namespace(datasetNamespace).name(contract.outputTopic()).facets(facets.build());
        if (counted) {
            dataset.outputFacets(ol.newOutputDatasetOutputFacetsBuilder()
                    .outputStatistics(ol.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(progress.out()).build())
                    .build());
        }
        return dataset.build();
    }

    private OpenLineage.RunFacet flowFacet(RunProgress progress) {
        OpenLineage.DefaultRunFacet facet = new OpenLineage.DefaultRunFacet(PRODUCER);
        facet.getAdditionalProperties().put("recordsIn", progress.in());
        facet.getAdditionalProperties().put("recordsOut", progress.out());
        facet.getAdditionalProperties().put("recordsDeadLettered", progress.deadLettered());
        return facet;
    }

    private OpenLineage.RunFacet slaFacet(RunProgress progress) {
        OpenLineage.DefaultRunFacet facet = new OpenLineage.DefaultRunFacet(PRODUCER);
        Map<String, Object> quality = new LinkedHashMap<>();
        double score = progress.quality().score();
        quality.put("score", Double.isNaN(score) ? null : score);
        quality.put("valid", progress.quality().valid());
        quality.put("invalid", progress.quality().invalid());
        quality.put("window", QualityScore.WINDOW.toString());
        facet.getAdditionalProperties().put("quality", quality);
        facet.getAdditionalProperties().put("objectives", progress.sla().stream().map(SlaStatus::toJson).toList());
        return facet;
    }

    /** What the Kafka clients jar records about itself; its Java API for this became internal in Kafka 4.4. */
    private static String kafkaVersion() {
        try (InputStream in = RunEvents.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String platformVersion() {
        return Optional.ofNullable(RunEvents.class.getPackage().getImplementationVersion()).orElse("dev");
    }
}
