package io.meshwork.cli.up;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/** Keeps library chatter off the terminal: Kafka's storage formatter prints to standard output. */
final class StandardOutput {

    private StandardOutput() {
    }

    /** Runs {@code action} with {@code System.out} discarded; only safe while nothing else prints (start-up). */
    static synchronized <T> T silenced(Supplier<T> action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.get();
        } finally {
            System.setOut(original);
        }
    }
}
