package io.meshwork.cli.scaffold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files of a new data product, relative to the repository root: its contract and its module (product, input
 * and output records, synthetic traffic, service registrations, logging, a unit test and a real-broker test).
 *
 * @param product the product's domain and name
 * @param inputs  the input topics, at least one
 * @param owner   the owning team
 */
public record ProductScaffold(ProductName product, List<String> inputs, String owner) {

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

    /** The contract's path. */
    public String contractFile() {
        return "contracts/" + product.domain() + "/" + product.name() + ".yaml";
    }

    /** The module's folder. */
    public String moduleDir() {
        return "data-products/" + product.name();
    }

    /** File path → content, in the order to report them. */
    public Map<String, String> files() {
        Map<String, String> values = Map.of(
                "domain", product.domain(),
                "name", product.name(),
                "owner", owner,
                "package", product.javaPackage(),
                "Pascal", product.className(),
                "firstInput", inputs.get(0),
                "inputsYaml", inputs.stream().map(topic -> "    - topic: " + topic).collect(Collectors.joining("\n")),
                "inputsJava", inputs.stream().map(topic -> '"' + topic + '"').collect(Collectors.joining(", ")));
        String main = moduleDir() + "/src/main/java/" + product.javaPackage().replace('.', '/') + "/" + product.className();
        String test = moduleDir() + "/src/test/java/" + product.javaPackage().replace('.', '/') + "/" + product.className();
        String resources = moduleDir() + "/src/main/resources/";
        String qualified = product.javaPackage() + "." + product.className();

        Map<String, String> files = new LinkedHashMap<>();
        files.put(contractFile(), Template.render("contract.yaml", values));
        files.put(moduleDir() + "/pom.xml", Template.render("pom.xml", values));
        files.put(main + "Product.java", Template.render("Product.java.tmpl", values));
        files.put(main + "Event.java", Template.render("Event.java.tmpl", values));
        files.put(main + "Record.java", Template.render("Record.java.tmpl", values));
        files.put(main + "Traffic.java", Template.render("Traffic.java.tmpl", values));
        files.put(resources + "META-INF/services/io.meshwork.core.DataProduct", qualified + "Product\n");
        files.put(resources + "META-INF/services/io.meshwork.core.traffic.SyntheticTraffic", qualified + "Traffic\n");
        files.put(resources + "logback.xml", Template.render("logback.xml", values));
        files.put(test + "ProductTest.java", Template.render("ProductTest.java.tmpl", values));
        files.put(test + "ProductIT.java", Template.render("ProductIT.java.tmpl", values));
        files.put(moduleDir() + "/src/test/resources/logback-test.xml", Template.render("logback-test.xml", values));
        return files;
    }
}
