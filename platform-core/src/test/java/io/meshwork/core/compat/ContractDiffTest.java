package io.meshwork.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractDiffTest {

    private static final List<String> LEVELS = List.of("public", "internal", "confidential", "restricted");

    private static final String V1 = """
            dataProduct: {name: widgets, domain: shop, owner: shop-team, version: 1.4.0}
            ports:
              output: {topic: shop.widgets, key: id, partitions: 6, cleanupPolicy: delete, retention: P7D}
            schema:
              type: object
              additionalProperties: false
              required: [id]
              properties:
                id: {type: string}
                size: {type: integer, minimum: 0}
            sla: {freshness: PT5M, availability: 99.9%, qualityScore: 0.95}
            access: {classification: internal, requiredPermissions: [shop:read]}
            """;

    @Test
    void identicalContractsHaveNoChangesAndPass() {
        ContractDiff diff = diff(V1, V1);

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.failures(CompatibilityMode.FULL)).isEmpty();
    }

    @Test
    void aBreakingSchemaChangeWithoutAMajorBumpFailsNamingRuleAndPath() {
        ContractDiff diff = diff(V1, V1.replace("1.4.0", "1.5.0").replace("minimum: 0", "minimum: 1"));

        assertThat(diff.breaking(CompatibilityMode.BACKWARD)).containsExactly(new Change("bounds-tightened", "$.size",
                "minimum raised from 0 to 1", true, false));
        assertThat(diff.failures(CompatibilityMode.BACKWARD)).containsExactly("1 breaking change (backward) without a "
                + "major version bump: 1.4.0 -> 1.5.0; publish 2.0.0 or later, or make the change compatible");
    }

    @Test
    void aBreakingChangeWithAMajorBumpPassesAndIsStillListed() {
        ContractDiff diff = diff(V1, V1.replace("1.4.0", "2.0.0").replace("minimum: 0", "minimum: 1"));

        assertThat(diff.breaking(CompatibilityMode.BACKWARD)).extracting(Change::rule).containsExactly("bounds-tightened");
        assertThat(diff.failures(CompatibilityMode.BACKWARD)).isEmpty();
    }

    @Test
    void beforeOneZeroAMinorBumpMayBreak() {
        ContractDiff diff = diff(V1.replace("1.4.0", "0.3.1"), V1.replace("1.4.0", "0.4.0").replace("minimum: 0", "minimum: 1"));

        assertThat(diff.failures(CompatibilityMode.BACKWARD)).isEmpty();
    }

    @Test
    void aCompatibleChangeNeedsSomeVersionBump() {
        ContractDiff annotationsOnly = diff(V1, V1.replace("id: {type: string}", "id: {type: string, description: Widget id}"));
        ContractDiff unbumped = diff(V1, V1.replace("required: [id]", "required: []"));
        ContractDiff bumped = diff(V1, V1.replace("1.4.0", "1.4.1").replace("required: [id]", "required: []"));

        assertThat(annotationsOnly.failures(CompatibilityMode.BACKWARD)).isEmpty();
        assertThat(unbumped.failures(CompatibilityMode.BACKWARD))
                .containsExactly("the contract changed but its version is still 1.4.0; bump it");
        assertThat(bumped.failures(CompatibilityMode.BACKWARD)).isEmpty();
    }

    @Test
    void aVersionGoingDownFails() {
        assertThat(diff(V1, V1.replace("1.4.0", "1.3.9")).failures(CompatibilityMode.BACKWARD))
                .containsExactly("version went down from 1.4.0 to 1.3.9");
    }

    @Test
    void loosenedSlaTargetsBreakConsumersInEveryMode() {
        ContractDiff diff = diff(V1, V1.replace("freshness: PT5M, availability: 99.9%, qualityScore: 0.95",
                "freshness: PT15M, availability: 99.5%, qualityScore: 0.9"));

        assertThat(diff.changes()).containsExactly(
                Change.breaking("sla-loosened", "sla.freshness", "loosened from PT5M to PT15M"),
                Change.breaking("sla-loosened", "sla.availability", "loosened from 99.9% to 99.5%"),
                Change.breaking("sla-loosened", "sla.qualityScore", "loosened from 0.95 to 0.9"));
        assertThat(diff.breaking(CompatibilityMode.FORWARD)).hasSize(3);
    }

    @Test
    void tightenedOrAddedSlaTargetsAreCompatible() {
        ContractDiff diff = diff(V1.replace(", qualityScore: 0.95", ""), V1.replace("freshness: PT5M", "freshness: PT1M"));

        assertThat(diff.changes()).containsExactly(
                Change.compatible("sla-tightened", "sla.freshness", "tightened from PT5M to PT1M"),
                Change.compatible("sla-tightened", "sla.qualityScore", "target 0.95 added"));
        assertThat(diff.breaking(CompatibilityMode.FULL)).isEmpty();
    }

    @Test
    void aRemovedSlaTargetIsLoosened() {
        assertThat(diff(V1, V1.replace(", qualityScore: 0.95", "")).breaking(CompatibilityMode.BACKWARD))
                .containsExactly(Change.breaking("sla-loosened", "sla.qualityScore", "target 0.95 removed"));
    }

    @Test
    void raisingTheClassificationBreaksConsumersLoweringItDoesNot() {
        assertThat(diff(V1, V1.replace("classification: internal", "classification: confidential")).breaking(CompatibilityMode.BACKWARD))
                .extracting(Change::rule).containsExactly("classification-raised");
        assertThat(diff(V1, V1.replace("classification: internal", "classification: public")).changes())
                .containsExactly(Change.compatible("classification-lowered", "access.classification",
                        "classification internal -> public"));
        assertThat(diff(V1, V1.replace("classification: internal", "classification: secret")).breaking(CompatibilityMode.BACKWARD))
                .extracting(Change::rule).containsExactly("classification-changed");
    }

    @Test
    void anAddedPermissionBreaksConsumersARemovedOneDoesNot() {
        assertThat(diff(V1, V1.replace("[shop:read]", "[shop:read, finance:read]")).breaking(CompatibilityMode.BACKWARD))
                .containsExactly(Change.breaking("permission-added", "access.requiredPermissions",
                        "consumers now also need permission finance:read"));
        assertThat(diff(V1, V1.replace("[shop:read]", "[]")).changes())
                .containsExactly(Change.compatible("permission-removed", "access.requiredPermissions",
                        "consumers no longer need permission shop:read"));
    }

    @Test
    void outputTopicKeyPartitionsCleanupAndShorterRetentionBreakConsumers() {
        ContractDiff diff = diff(V1, V1.replace("{topic: shop.widgets, key: id, partitions: 6, cleanupPolicy: delete, retention: P7D}",
                "{topic: shop.widgets.v2, partitions: 12, cleanupPolicy: compact, retention: P1D}"));

        assertThat(diff.breaking(CompatibilityMode.BACKWARD)).extracting(Change::rule).containsExactly(
                "output-topic-changed", "output-key-changed", "output-partitions-changed", "output-cleanup-changed",
                "output-retention-shortened");
        assertThat(diff(V1, V1.replace("retention: P7D", "retention: P30D")).changes()).isEmpty();
    }

    private static ContractDiff diff(String older, String newer) {
        return ContractDiff.between(contract(older), contract(newer), LEVELS);
    }

    private static Contract contract(String text) {
        return ContractLoader.parse(Path.of("contracts/shop/widgets.yaml"), text);
    }
}
