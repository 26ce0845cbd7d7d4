package io.meshwork.cli.diff;

import io.meshwork.cli.contracts.JsonOutput;
import io.meshwork.core.json.Json;
import io.meshwork.core.compat.Change;
import io.meshwork.core.compat.CompatibilityMode;
import io.meshwork.core.compat.ContractDiff;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints {@code mesh diff} results: one line per change with its rule and path, then the verdict. */
final class DiffPrinter {

    private DiffPrinter() {
    }

    static void printText(PrintWriter out, List<DiffResult> results, CompatibilityMode mode) {
        int failed = 0;
        for (DiffResult result : results) {
            if (result.diff().isEmpty()) {
                out.println(result.file() + ": " + result.note() + " (against " + result.against() + ")");
            } else {
                ContractDiff diff = result.diff().get();
                out.println(result.file() + ": " + diff.oldVersion() + " -> " + diff.newVersion() + " against "
                        + result.against() + " (" + mode.label() + "): " + (diff.changes().isEmpty() ? "no changes"
                        : diff.changes().size() + " change" + (diff.changes().size() == 1 ? "" : "s")));
                for (Change change : diff.changes()) {
                    out.println("  " + (change.breaks(mode) ? "breaking  " : "compatible") + " " + change.rule() + " at "
                            + change.path() + ": " + change.message());
                }
            }
            List<String> failures = result.failures(mode);
            failures.forEach(failure -> out.println("  FAILED: " + failure));
            failed += failures.isEmpty() ? 0 : 1;
        }
        out.println(results.size() + " comparison" + (results.size() == 1 ? "" : "s") + ", " + failed + " failed");
    }

    static void printJson(PrintWriter out, List<DiffResult> results, CompatibilityMode mode) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("mode", mode.label());
        root.put("passed", results.stream().allMatch(r -> r.failures(mode).isEmpty()));
        ArrayNode list = root.putArray("comparisons");
        for (DiffResult result : results) {
            ObjectNode node = list.addObject();
            node.put("file", result.file().toString());
            node.put("against", result.against());
            if (!result.note().isEmpty()) {
                node.put("note", result.note());
            }
            result.diff().ifPresent(diff -> {
                node.put("oldVersion", diff.oldVersion().toString());
                node.put("newVersion", diff.newVersion().toString());
                ArrayNode changes = node.putArray("changes");
                diff.changes().forEach(change -> changes.addObject().put("rule", change.rule()).put("path", change.path())
                        .put("message", change.message()).put("breaking", change.breaks(mode)));
            });
            ArrayNode failures = node.putArray("failures");
            result.failures(mode).forEach(failures::add);
            node.put("passed", result.failures(mode).isEmpty());
        }
        JsonOutput.print(out, root);
    }
}
