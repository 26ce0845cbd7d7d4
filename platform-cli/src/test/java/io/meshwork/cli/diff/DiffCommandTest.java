package io.meshwork.cli.diff;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import io.meshwork.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DiffCommandTest {

    private static final String V1 = TestContracts.WIDGETS;

    @TempDir
    Path dir;

    @Test
    void aBreakingChangeWithoutAMajorBumpFailsNamingEachRuleAndPath() {
        Path older = TestContracts.write(dir.resolve("old/shop/widgets.yaml"), V1);
        Path newer = TestContracts.write(dir.resolve("new/shop/widgets.yaml"), V1.replace("version: 1.0.0", "version: 1.1.0")
                .replace("required: [id]", "required: [id, size]").replace("minimum: 0", "minimum: 1"));

        CommandRun run = mesh("diff", older.toString(), newer.toString());

        assertThat(run.out()).isEqualTo(newer + ": 1.0.0 -> 1.1.0 against " + older + " (backward): 2 changes\n"
                + "  breaking   required-added at $.size: property 'size' is now required\n"
                + "  breaking   bounds-tightened at $.size: minimum raised from 0 to 1\n"
                + "  FAILED: 2 breaking changes (backward) without a major version bump: 1.0.0 -> 1.1.0; "
                + "publish 2.0.0 or later, or make the change compatible\n"
                + "1 comparison, 1 failed\n");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aBreakingChangeWithAMajorBumpPassesAndStillListsTheChanges() {
        Path older = TestContracts.write(dir.resolve("old/shop/widgets.yaml"), V1);
        Path newer = TestContracts.write(dir.resolve("new/shop/widgets.yaml"), V1.replace("version: 1.0.0", "version: 2.0.0")
                .replace("minimum: 0", "minimum: 1"));

        CommandRun run = mesh("diff", older.toString(), newer.toString());

        assertThat(run.out()).contains("  breaking   bounds-tightened at $.size: minimum raised from 0 to 1\n")
                .endsWith("1 comparison, 0 failed\n");
        assertThat(run.exit()).isZero();
    }

    @Test
    void theModeDecidesWhatBreaks() {
        Path older = TestContracts.write(dir.resolve("old/shop/widgets.yaml"), V1);
        Path newer = TestContracts.write(dir.resolve("new/shop/widgets.yaml"), V1.replace("version: 1.0.0", "version: 1.1.0")
                .replace("      description: Size in millimetres\n", "      description: Size in millimetres\n"
                        + "    colour:\n      type: string\n      description: Paint colour\n"));

        CommandRun backward = mesh("diff", older.toString(), newer.toString());
        CommandRun forward = mesh("diff", "--mode", "forward", older.toString(), newer.toString());

        assertThat(backward.out()).contains("  compatible property-added at $.colour: property 'colour' added to a "
                + "closed model: consumers of the old contract reject records that carry it\n");
        assertThat(backward.exit()).isZero();
        assertThat(forward.out()).contains("  breaking   property-added at $.colour");
        assertThat(forward.exit()).isEqualTo(1);
    }

    @Test
    void contractSemanticsBreakInEveryMode() {
        Path older = TestContracts.write(dir.resolve("old/shop/widgets.yaml"), V1);
        Path newer = TestContracts.write(dir.resolve("new/shop/widgets.yaml"), V1.replace("version: 1.0.0", "version: 1.0.1")
                .replace("freshness: PT5M", "freshness: PT1H").replace("classification: internal", "classification: confidential")
                .replace("[shop:read]", "[shop:read, finance:read]"));

        CommandRun run = mesh("diff", "--mode", "forward", "--format", "json", older.toString(), newer.toString());

        JsonNode report = Json.mapper().readTree(run.out());
        List<String> rules = new ArrayList<>();
        report.get("comparisons").get(0).get("changes").forEach(change -> rules.add(change.get("rule").asString()
                + " " + change.get("path").asString() + " " + change.get("breaking").asBoolean()));
        assertThat(rules).containsExactly("sla-loosened sla.freshness true",
                "classification-raised access.classification true",
                "permission-added access.requiredPermissions true");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void againstAGitRefEveryContractIsComparedWithItsCommittedVersion() throws Exception {
        Path contracts = committedContracts();
        TestContracts.write(contracts.resolve("shop/widgets.yaml"), V1.replace("required: [id]", "required: [id, size]"));
        TestContracts.write(contracts.resolve("shop/gadgets.yaml"), V1.replace("name: widgets", "name: gadgets"));
        Files.delete(contracts.resolve("shop/widget-stats.yaml"));

        CommandRun run = mesh("diff", "--against", "HEAD", contracts.toString());

        assertThat(run.out()).contains(contracts.resolve("shop/gadgets.yaml") + ": new contract at 1.0.0; nothing to "
                        + "compare (against HEAD)\n")
                .contains(contracts.resolve("shop/widgets.yaml") + ": 1.0.0 -> 1.0.0 against HEAD (backward): 1 change\n"
                        + "  breaking   required-added at $.size: property 'size' is now required\n"
                        + "  FAILED: 1 breaking change (backward) without a major version bump: 1.0.0 -> 1.0.0; "
                        + "publish 2.0.0 or later, or make the change compatible\n")
                .contains(contracts.resolve("shop/widget-stats.yaml") + ": contract removed; its consumers lose the "
                        + "product (against HEAD)\n  FAILED: contract removed; its consumers lose the product\n")
                .endsWith("3 comparisons, 2 failed\n");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void anUnchangedTreePassesAgainstHead() throws Exception {
        Path contracts = committedContracts();

        CommandRun run = mesh("diff", "--against", "HEAD", contracts.toString());

        assertThat(run.out()).contains(": 1.0.0 -> 1.0.0 against HEAD (backward): no changes\n")
                .endsWith("2 comparisons, 0 failed\n");
        assertThat(run.exit()).isZero();
    }

    @Test
    void transitiveComparesWithEveryVersionInTheHistory() throws Exception {
        Path widgets = TestContracts.write(dir.resolve("contracts/shop/widgets.yaml"), V1);
        git("init", "-q");
        commit("1.0.0");
        TestContracts.write(widgets, V1.replace("version: 1.0.0", "version: 1.1.0").replace("minimum: 0", "minimum: 1"));
        commit("1.1.0 slipped through the gate");
        TestContracts.write(widgets, V1.replace("version: 1.0.0", "version: 1.2.0").replace("minimum: 0", "minimum: 1")
                .replace("Size in millimetres", "Size in mm"));

        CommandRun latestOnly = mesh("diff", "--against", "HEAD", widgets.toString());
        CommandRun transitive = mesh("diff", "--against", "HEAD", "--transitive", widgets.toString());

        assertThat(latestOnly.exit()).isZero();
        assertThat(transitive.out()).containsPattern(": 1\\.1\\.0 -> 1\\.2\\.0 against [0-9a-f]{12} \\(backward\\): no changes\n")
                .containsPattern(": 1\\.0\\.0 -> 1\\.2\\.0 against [0-9a-f]{12} \\(backward\\): 1 change\n")
                .contains("  breaking   bounds-tightened at $.size: minimum raised from 0 to 1\n")
                .endsWith("2 comparisons, 1 failed\n");
        assertThat(transitive.exit()).isEqualTo(1);
    }

    @Test
    void anUnknownRefIsBadInput() throws Exception {
        Path contracts = committedContracts();

        CommandRun run = mesh("diff", "--against", "no-such-branch", contracts.toString());

        assertThat(run.err()).startsWith("mesh diff: git ");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void withoutTwoFilesOrARefItIsBadUsage() {
        assertThat(mesh("diff", "only-one.yaml").exit()).isEqualTo(2);
        assertThat(mesh("diff", "--transitive", "a.yaml", "b.yaml").err()).contains("--transitive needs --against");
    }

    /** The test contracts, committed in a new repository. */
    private Path committedContracts() throws IOException, InterruptedException {
        Path contracts = TestContracts.write(dir.resolve("contracts"));
        git("init", "-q");
        commit("two products");
        return contracts;
    }

    private void commit(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("-c", "user.name=Meshwork Test", "-c", "user.email=test@meshwork.invalid", "commit", "-q", "-m", message);
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
    }
}
