package io.meshwork.core.contract;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.DefaultNodeReader;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Loads {@code contracts/<domain>/<product>.yaml} files. The article's contract format loads unchanged;
 * Meshwork's {@code ports} block is optional. Anything malformed fails with {@link ContractException}, whose
 * message lists every problem as {@code file:line:column: rule: message}.
 */
public final class ContractLoader {

    private static final NodeReader READER = DefaultNodeReader.builder().locationAware().build();

    private ContractLoader() {
    }

    /**
     * Loads and checks one contract.
     *
     * @throws ContractException when the file is missing, is not YAML, or breaks a contract rule
     */
    public static Contract load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ContractException(new ContractProblem(file, 0, 0, "file", "no such contract file"));
        } catch (IOException e) {
            throw new ContractException(new ContractProblem(file, 0, 0, "file", "cannot read: " + e.getMessage()));
        }
        return parse(file, text);
    }

    /** Checks contract text as if it were read from {@code file}. */
    public static Contract parse(Path file, String text) {
        return new ContractReader(file, product -> siblingOutputTopic(file, product)).read(readTree(file, text));
    }

    /**
     * Checks a contract already read into a tree, such as a {@link ContractDocument} a product registered;
     * {@code productTopics} resolves its {@code product: <domain>/<name>} inputs to their topics.
     *
     * @param origin where the tree came from, for problem messages
     */
    public static Contract read(Path origin, JsonNode tree, Function<String, Optional<String>> productTopics) {
        return new ContractReader(origin, productTopics).read(tree);
    }

    /** The location-aware tree of a YAML contract; lint and diff report positions from it. */
    public static JsonNode readTree(Path file, String text) {
        try {
            JsonNode root = READER.readTree(text, InputFormat.YAML);
            if (root == null || root.isMissingNode()) {
                throw new ContractException(new ContractProblem(file, 1, 1, "contract-shape", "the contract file is empty"));
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw new ContractException(new ContractProblem(file, line, column, "yaml-syntax", firstLine(e.getOriginalMessage())));
        }
    }

    /** The output topic of {@code domain/name}, read from its contract beside this one's domain folder. */
    private static Optional<String> siblingOutputTopic(Path file, String product) {
        Path domainDir = file.toAbsolutePath().getParent();
        if (domainDir == null || domainDir.getParent() == null) {
            return Optional.empty();
        }
        Path other = domainDir.getParent().resolve(product + ".yaml");
        if (!Files.isRegularFile(other)) {
            return Optional.empty();
        }
        try {
            JsonNode root = READER.readTree(Files.readString(other), InputFormat.YAML);
            JsonNode topic = root.path("ports").path("output").path("topic");
            return Optional.of(topic.isString() ? topic.asString() : product.replace('/', '.'));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "malformed YAML" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
