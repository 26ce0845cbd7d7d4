package io.meshwork.cli.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A scaffold file under {@code /scaffold/} on the classpath, with {@code ${key}} placeholders. */
final class Template {

    private Template() {
    }

    /** The resource {@code /scaffold/<file>} with each {@code ${key}} of {@code values} replaced. */
    static String render(String file, Map<String, String> values) {
        String text = read(file);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static String read(String file) {
        try (InputStream in = Template.class.getResourceAsStream("/scaffold/" + file)) {
            if (in == null) {
                throw new IllegalStateException("scaffold template missing from the classpath: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
