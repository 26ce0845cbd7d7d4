package io.meshwork.cli.up;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The live line {@code mesh up} shows: records produced, and per product records out and dead-lettered. On a
 * terminal it redraws one line; otherwise (CI, a pipe) it prints a line each time.
 */
final class ProgressLine {

    private final PrintStream out;
    private final boolean redraw;

    ProgressLine(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    void show(long produced, List<ProductInstance> products) {
        String line = "produced " + produced + " | " + products.stream()
                .map(p -> {
                    ProductInstance.Flow flow = p.flow();
                    return p.label() + " out " + flow.out() + " dlq " + flow.deadLettered();
                })
                .collect(Collectors.joining(" | "));
        if (redraw) {
            out.print("\r\033[K" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    void end() {
        if (redraw) {
            out.println();
        }
    }
}
