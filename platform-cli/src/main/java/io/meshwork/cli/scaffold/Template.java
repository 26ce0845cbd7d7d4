package io.meshwork.cli.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * A file of the data-product archetype ({@code io.meshwork:data-product-archetype}, on the classpath under
 * {@value #ROOT}), rendered with Apache Velocity as {@code mvn archetype:generate} renders it: the one template source
 * of both {@code mesh new} and the archetype.
 */
final class Template {

    /** The archetype's templates on the classpath. */
    static final String ROOT = "archetype-resources/";

    private static final VelocityEngine ENGINE = new VelocityEngine();

    static {
        ENGINE.init();
    }

    private Template() {
    }

    /** The template {@code archetype-resources/<file>} rendered with {@code values}. */
    static String render(String file, Map<String, Object> values) {
        StringWriter out = new StringWriter();
        ENGINE.evaluate(new VelocityContext(new HashMap<>(values)), out, file, read(file));
        return out.toString();
    }

    private static String read(String file) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("data-product archetype template missing from the classpath: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
