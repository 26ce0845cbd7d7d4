package io.meshwork.cli.generate;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GenerateStrimziCommandTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void writesAFilePerProductAndOneForTheExternalInputs() throws IOException {
        Path out = generate();

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("external-topics.yaml", "shop-widget-stats.yaml", "shop-widgets.yaml");
        }
    }

    @Test
    void productFileHasItsOutputAndDeadLetterTopicsAndAKafkaUserWithItsAcls() throws IOException {
        List<JsonNode> resources = documents(generate().resolve("shop-widgets.yaml"));

        assertThat(resources).extracting(r -> r.get("kind").asString() + " " + r.get("metadata").get("name").asString())
                .containsExactly("KafkaTopic shop.widgets", "KafkaTopic shop.widgets.dlq", "KafkaUser shop-widgets");
        JsonNode output = resources.get(0);
        assertThat(output.get("apiVersion").asString()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(output.get("metadata").get("labels").get("strimzi.io/cluster").asString())
                .isEqualTo("enterprise-data-mesh");
        assertThat(output.get("spec").toString())
                .isEqualTo("{\"partitions\":1,\"replicas\":3,\"config\":{\"cleanup.policy\":\"delete\"}}");
        String acls = resources.get(2).get("spec").get("authorization").get("acls").toString();
        assertThat(acls).contains(
                "{\"resource\":{\"type\":\"topic\",\"name\":\"shop.widgets.made\",\"patternType\":\"literal\"},"
                        + "\"operations\":[\"Read\",\"Describe\"]}",
                "{\"resource\":{\"type\":\"topic\",\"name\":\"shop.widgets.dlq\",\"patternType\":\"literal\"},"
                        + "\"operations\":[\"Write\",\"Describe\"]}",
                "{\"resource\":{\"type\":\"group\",\"name\":\"widgets\",\"patternType\":\"prefix\"},\"operations\":[\"Read\"]}",
                "{\"resource\":{\"type\":\"topic\",\"name\":\"widgets-\",\"patternType\":\"prefix\"},\"operations\":[\"All\"]}",
                "{\"resource\":{\"type\":\"transactionalId\",\"name\":\"widgets\",\"patternType\":\"prefix\"},");
    }

    @Test
    void externalTopicsAreTheInputsNoProductPublishes() throws IOException {
        List<JsonNode> resources = documents(generate().resolve(GenerateStrimziCommand.EXTERNAL_TOPICS));

        assertThat(resources).extracting(r -> r.get("metadata").get("name").asString()).containsExactly("shop.widgets.made");
    }

    @Test
    void checkReportsChangedAndLeftOverFilesAndWritingDeletesLeftOvers() throws IOException {
        Path out = generate();
        Files.writeString(out.resolve("shop-gone.yaml"), "kind: KafkaTopic\n");
        Files.writeString(out.resolve("shop-widgets.yaml"), "changed\n");

        CommandRun check = strimzi(out, "--check");
        CommandRun write = strimzi(out);

        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains(out.resolve("shop-widgets.yaml").toString(),
                out.resolve("shop-gone.yaml") + " (no longer generated)");
        assertThat(write.exit()).isZero();
        assertThat(out.resolve("shop-gone.yaml")).doesNotExist();
        assertThat(strimzi(out, "--check").exit()).isZero();
    }

    @Test
    void theCommittedResourcesAreUpToDateWithTheRepositorysContracts() {
        CommandRun run = mesh("generate", "strimzi", "--check", "--contracts", "../contracts",
                "--out", "../deploy/strimzi/generated");

        assertThat(run.exit()).as(run.err()).isZero();
    }

    private Path generate() {
        TestContracts.write(dir.resolve("contracts"));
        Path out = dir.resolve("strimzi");
        CommandRun run = strimzi(out);
        assertThat(run.exit()).as(run.err()).isZero();
        return out;
    }

    private CommandRun strimzi(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "strimzi", "--contracts",
                dir.resolve("contracts").toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return mesh(args.toArray(String[]::new));
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll();
        }
    }
}
