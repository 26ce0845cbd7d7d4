package io.meshwork.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import io.meshwork.core.metrics.QualityScore;
import io.meshwork.core.metrics.SlaStatus;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineageClientUtils;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.meshwork.core.json.Json;
import io.meshwork.testkit.kafka.KafkaVersion;

class RunEventsTest {

    private static final Contract CONTRACT = ContractLoader.parse(Path.of("contracts/shop/baskets.yaml"), """
            dataProduct: {name: baskets, domain: shop, owner: shop-team, version: 1.0.0, description: Open baskets.}
            ports:
              inputs: [{topic: shop.clicks}]
            schema:
              type: object
              properties:
                basketId: {type: string, description: The basket}
                customer:
                  type: object
                  properties:
                    id: {type: [string, "null"]}
                lines:
                  type: array
                  items:
                    type: object
                    properties:
                      sku: {type: string}
                seenAt: {type: string, format: date-time}
            """);
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final RunEvents events = new RunEvents(CONTRACT, "kafka://broker:9092", "meshwork", Map.of(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void startNamesTheStreamingJobAndItsKafkaDatasetsWithoutCounts() {
        OpenLineage.RunEvent start = roundTrip(events.event(EventType.START, RunProgress.none(), Optional.empty()));
        assertThat(start.getEventType()).isEqualTo(EventType.START);
        assertThat(start.getEventTime().toInstant()).isEqualTo(NOW);
        assertThat(start.getRun().getRunId()).isEqualTo(events.runId());
        assertThat(start.getJob().getNamespace()).isEqualTo("meshwork");
        assertThat(start.getJob().getName()).isEqualTo("shop/baskets");
        assertThat(start.getJob().getFacets().getJobType().getProcessingType()).isEqualTo("STREAMING");
        assertThat(start.getJob().getFacets().getOwnership().getOwners().get(0).getName()).isEqualTo("shop-team");
        assertThat(start.getJob().getFacets().getDocumentation().getDescription()).isEqualTo("Open baskets.");
        assertThat(start.getInputs()).singleElement().satisfies(input -> {
            assertThat(input.getNamespace()).isEqualTo("kafka://broker:9092");
            assertThat(input.getName()).isEqualTo("shop.clicks");
            assertThat(input.getInputFacets()).isNull();
        });
        assertThat(start.getOutputs()).singleElement().satisfies(output -> {
            assertThat(output.getName()).isEqualTo("shop.baskets");
            assertThat(output.getOutputFacets()).isNull();
        });
        assertThat(start.getRun().getFacets().getAdditionalProperties()).doesNotContainKeys("meshwork_flow", "meshwork_sla");
        // The engine is the Kafka Streams the product runs on: the Kafka version of the classpath, not a placeholder.
        assertThat(start.getRun().getFacets().getProcessing_engine().getName()).isEqualTo("kafka-streams");
        assertThat(start.getRun().getFacets().getProcessing_engine().getVersion())
                .isEqualTo(KafkaVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theOutputSchemaFacetFollowsTheContractIncludingNestedFieldsAndArrayElements() {
        OpenLineage.SchemaDatasetFacet schema = roundTrip(events.event(EventType.START, RunProgress.none(),
                Optional.empty())).getOutputs().get(0).getFacets().getSchema();
        assertThat(schema.getFields()).extracting(OpenLineage.SchemaDatasetFacetFields::getName,
                OpenLineage.SchemaDatasetFacetFields::getType).containsExactly(
                tuple("basketId", "string"),
                tuple("customer", "object"),
                tuple("lines", "array"),
                tuple("seenAt", "string(date-time)"));
        assertThat(schema.getFields().get(0).getDescription()).isEqualTo("The basket");
        assertThat(schema.getFields().get(1).getFields().get(0).getType()).isEqualTo("string|null");
        OpenLineage.SchemaDatasetFacetFields element = schema.getFields().get(2).getFields().get(0);
        assertThat(element.getName()).isEqualTo("_element");
        assertThat(element.getFields().get(0).getName()).isEqualTo("sku");
    }

    @Test
    void runningCarriesRecordCountsAndTheQualityResult() {
        RunProgress progress = new RunProgress(Map.of("shop.clicks", 100L), 90, 10, new QualityScore.Counts(90, 10),
                List.of(new SlaStatus("quality_score", 0.95, 0.9, "PT5M", SlaStatus.Verdict.BREACHED)));
        OpenLineage.RunEvent running = roundTrip(events.event(EventType.RUNNING, progress, Optional.empty()));
        assertThat(running.getInputs().get(0).getInputFacets().getInputStatistics().getRowCount()).isEqualTo(100);
        assertThat(running.getOutputs().get(0).getOutputFacets().getOutputStatistics().getRowCount()).isEqualTo(90);
        JsonNode facets = Json.mapper().readTree(OpenLineageClientUtils.toJson(running.getRun().getFacets()));
        assertThat(facets.path("meshwork_flow").path("recordsIn").path("shop.clicks").asLong()).isEqualTo(100);
        assertThat(facets.path("meshwork_flow").path("recordsDeadLettered").asLong()).isEqualTo(10);
        assertThat(facets.path("meshwork_sla").path("quality").path("score").asDouble()).isEqualTo(0.9);
        assertThat(facets.path("meshwork_sla").path("objectives").get(0).path("status").asString()).isEqualTo("breached");
        assertThat(facets.path("meshwork_sla").path("_producer").asString()).isEqualTo("urn:meshwork:platform-core");
    }

    @Test
    void failCarriesTheErrorMessage() {
        OpenLineage.RunEvent fail = roundTrip(events.event(EventType.FAIL, RunProgress.none(), Optional.of("boom")));
        assertThat(fail.getRun().getFacets().getErrorMessage().getMessage()).isEqualTo("boom");
    }

    /** Through JSON and back with OpenLineage's own parser, as a consumer of the events reads them. */
    private static OpenLineage.RunEvent roundTrip(OpenLineage.RunEvent event) {
        return OpenLineageClientUtils.runEventFromJson(OpenLineageClientUtils.toJson(event));
    }
}
