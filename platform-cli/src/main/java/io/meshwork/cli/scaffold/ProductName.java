package io.meshwork.cli.scaffold;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * A new product's {@code <domain>/<name>} and the Java names derived from it: {@code customer-360} lives in package
 * {@code io.meshwork.products.customer360} with classes named {@code Customer360...}.
 *
 * @param domain the domain, e.g. {@code marketing}
 * @param name   the product name, e.g. {@code customer-360}
 */
public record ProductName(String domain, String name) {

    /** Domain and product names, as contracts require them. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /**
     * Parses {@code <domain>/<name>}.
     *
     * @throws IllegalArgumentException with a message for the user when it is not a valid product name
     */
    public static ProductName parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected <domain>/<name>, e.g. commerce/orders, got '" + text + "'");
        }
        check("domain", parts[0]);
        check("name", parts[1]);
        ProductName product = new ProductName(parts[0], parts[1]);
        if (!SourceVersion.isName(product.javaPackage())) {
            throw new IllegalArgumentException("name '" + parts[1] + "' does not make a Java package ("
                    + product.javaPackage() + "); choose another name");
        }
        return product;
    }

    private static void check(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + NAME.pattern()
                    + " (lower case, digits and dashes, starting with a letter)");
        }
    }

    /** The Java package of the product's classes. */
    public String javaPackage() {
        return "io.meshwork.products." + name.replace("-", "");
    }

    /** The class-name prefix: {@code customer-360} → {@code Customer360}. */
    public String className() {
        return Arrays.stream(name.split("-"))
                .filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return domain + "/" + name;
    }
}
