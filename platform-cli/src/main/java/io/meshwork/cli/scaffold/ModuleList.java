package io.meshwork.cli.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code <modules>} of {@code data-products/pom.xml}: adds a module as one line, leaving the rest as it is. */
final class ModuleList {

    private static final Pattern LAST_MODULE = Pattern.compile("(?m)^([ \\t]*)<module>[^<]*</module>[ \\t]*\\R(?![\\s\\S]*<module>)");
    private static final Pattern MODULES_END = Pattern.compile("(?m)^([ \\t]*)</modules>");

    private ModuleList() {
    }

    /** Whether {@code pom} lists {@code module}. */
    static boolean lists(Path pom, String module) throws IOException {
        return Files.readString(pom).contains("<module>" + module + "</module>");
    }

    /** Adds {@code module} after the last module, indented like it. */
    static void add(Path pom, String module) throws IOException {
        String text = Files.readString(pom);
        Matcher last = LAST_MODULE.matcher(text);
        String updated;
        if (last.find()) {
            updated = text.substring(0, last.end()) + last.group(1) + "<module>" + module + "</module>"
                    + "\n" + text.substring(last.end());
        } else {
            Matcher end = MODULES_END.matcher(text);
            if (!end.find()) {
                throw new IOException(pom + " has no <modules> section");
            }
            updated = text.substring(0, end.start()) + end.group(1) + "  <module>" + module + "</module>"
                    + "\n" + text.substring(end.start());
        }
        Files.writeString(pom, updated);
    }
}
