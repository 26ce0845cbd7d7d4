package io.meshwork.cli.scaffold;

import io.meshwork.cli.MeshVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a new data product, rendered from the data-product archetype's templates: its contract and its
 * project (product, input and output records, synthetic traffic, service registrations, logging, a unit test and a
 * real-broker test). Two forms of the same files: a module of this repository ({@link #files()}, paths relative to
 * the repository root) or a project of its own ({@link #standaloneFiles}, paths relative to the project folder).
 *
 * @param product the product's domain and name
 * @param inputs  the input topics, at least one
 * @param owner   the owning team
 */
public record ProductScaffold(ProductName product, List<String> inputs, String owner) {

    /**
     * The archetype's templates, as {@code archetype-resources/} holds them: {@code __key__} in a path is that
     * property's value, and the Java sources go into the package's folder ({@code packaged} in its
     * archetype-metadata.xml).
     */
    private static final List<String> TEMPLATES = List.of(
            "contracts/__domain__/__name__.yaml",
            "pom.xml",
            "src/main/java/__className__Product.java",
            "src/main/java/__className__Event.java",
            "src/main/java/__className__Record.java",
            "src/main/java/__className__Traffic.java",
            "src/main/resources/META-INF/services/io.meshwork.core.DataProduct",
            "src/main/resources/META-INF/services/io.meshwork.core.traffic.SyntheticTraffic",
            "src/main/resources/logback.xml",
            "src/test/java/__className__ProductTest.java",
            "src/test/java/__className__ProductIT.java",
            "src/test/resources/logback-test.xml",
            "README.md",
            "__gitignore__");

    /** What a standalone project gets and a module of this repository does not (the repository has its own). */
    private static final Set<String> STANDALONE_ONLY = Set.of("README.md", "__gitignore__");

    public ProductScaffold {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a product needs at least one input topic");
        }
        inputs = List.copyOf(inputs);
    }

    /** The default input topic: the events of an operational system, {@code <domain>.<name>.events}. */
    public static String defaultInput(ProductName product) {
        return product.domain() + "." + product.name() + ".events";
    }

    /** The contract's path, in the repository or in a standalone project. */
    public String contractFile() {
        return "contracts/" + product.domain() + "/" + product.name() + ".yaml";
    }

    /** The module's folder in this repository. */
    public String moduleDir() {
        return "data-products/" + product.name();
    }

    /** File path relative to the repository root → content, in the order to report them: a module of this repository. */
    public Map<String, String> files() {
        Map<String, Object> values = values("io.meshwork", product.name(), MeshVersion.version(),
                product.javaPackage());
        values.put("inRepository", true);
        Map<String, String> files = new LinkedHashMap<>();
        for (String template : TEMPLATES) {
            if (STANDALONE_ONLY.contains(template)) {
                continue;
            }
            String path = path(template, values);
            files.put(path.startsWith("contracts/") ? path : moduleDir() + "/" + path, Template.render(template, values));
        }
        return files;
    }

    /**
     * File path relative to the project folder → content: the product as a Maven project of its own, importing the
     * Meshwork BOM, as {@code mvn archetype:generate} with the data-product archetype makes it.
     */
    public Map<String, String> standaloneFiles(String groupId, String artifactId, String version, String javaPackage) {
        Map<String, Object> values = values(groupId, artifactId, version, javaPackage);
        Map<String, String> files = new LinkedHashMap<>();
        for (String template : TEMPLATES) {
            files.put(path(template, values), Template.render(template, values));
        }
        return files;
    }

    /** The archetype's properties (archetype-metadata.xml): Maven's four, and the product's. */
    private Map<String, Object> values(String groupId, String artifactId, String version, String javaPackage) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("groupId", groupId);
        values.put("artifactId", artifactId);
        values.put("version", version);
        values.put("package", javaPackage);
        values.put("domain", product.domain());
        values.put("name", product.name());
        values.put("className", product.className());
        values.put("owner", owner);
        values.put("inputs", String.join(",", inputs));
        values.put("gitignore", ".gitignore");
        return values;
    }

    /** Where a template's file goes, as the archetype puts it. */
    private static String path(String template, Map<String, Object> values) {
        String path = template;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            path = path.replace("__" + value.getKey() + "__", String.valueOf(value.getValue()));
        }
        for (String sources : List.of("src/main/java/", "src/test/java/")) {
            if (path.startsWith(sources)) {
                path = sources + String.valueOf(values.get("package")).replace('.', '/') + "/"
                        + path.substring(sources.length());
            }
        }
        return path;
    }
}
