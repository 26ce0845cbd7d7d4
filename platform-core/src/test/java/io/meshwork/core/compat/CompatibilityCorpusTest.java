package io.meshwork.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Runs every case of {@code src/test/resources/compatibility/*.yaml}; see the README there. */
class CompatibilityCorpusTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    record Case(String file, JsonNode spec) {
        String name() {
            return spec.path("case").asString();
        }

        CompatibilityMode mode() {
            return CompatibilityMode.valueOf(spec.path("mode").asString("backward").toUpperCase(Locale.ROOT));
        }

        boolean breaking() {
            return spec.path("verdict").asString().equals("breaking");
        }

        Set<String> list(String field) {
            Set<String> values = new HashSet<>();
            spec.path(field).forEach(value -> values.add(value.asString()));
            return values;
        }

        @Override
        public String toString() {
            return file + ": " + name() + " (" + mode().label() + ")";
        }
    }

    static List<Case> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(CompatibilityCorpusTest.class.getResource("/compatibility").toURI());
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                YAML.readTree(file.toFile()).forEach(spec -> cases.add(new Case(file.getFileName().toString(), spec)));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void verdictAndRulesAreAsExpected(Case c) {
        List<Change> changes = SchemaCompatibility.compare(c.spec().get("old"), c.spec().get("new"));
        List<Change> breaking = changes.stream().filter(change -> change.breaks(c.mode())).toList();

        assertThat(breaking.isEmpty() ? "compatible" : "breaking").as("verdict; changes: %s", changes)
                .isEqualTo(c.spec().path("verdict").asString());
        assertThat(breaking).as("breaking rules").extracting(Change::rule).containsExactlyInAnyOrderElementsOf(c.list("rules"));
        assertThat(changes).as("reported rules").extracting(Change::rule).containsExactlyInAnyOrderElementsOf(c.list("reported"));
        if (c.spec().has("paths")) {
            assertThat(breaking).as("paths").extracting(Change::path).containsExactlyInAnyOrderElementsOf(c.list("paths"));
        }
        assertThat(changes).allSatisfy(change -> assertThat(change.message()).isNotBlank());
    }

    @Test
    void theCorpusHasAtLeastFortyPairsAndCoversEveryRuleBothWays() throws IOException, URISyntaxException {
        List<Case> cases = corpus();
        Set<String> breakingRules = new HashSet<>();
        Set<String> compatibleRules = new HashSet<>();
        for (Case c : cases) {
            if (c.breaking()) {
                breakingRules.addAll(c.list("rules"));
            } else {
                compatibleRules.addAll(c.list("reported"));
                compatibleRules.addAll(c.list("covers"));
            }
        }

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).anyMatch(c -> c.spec().path("old").path("additionalProperties").isBoolean())
                .anyMatch(c -> !c.spec().path("old").has("additionalProperties"));
        assertThat(compatibleRules).as("rules never seen in a compatible case").containsAll(breakingRules);
        assertThat(breakingRules).as("rules never seen breaking").containsAll(compatibleRules)
                .contains("property-removed", "type-narrowed", "required-added", "enum-value-removed",
                        "bounds-tightened", "format-added");
    }
}
