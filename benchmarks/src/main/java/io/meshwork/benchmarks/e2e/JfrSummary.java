package io.meshwork.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text summary of a JFR recording's execution samples on the Kafka Streams threads ({@code StreamThread} in the
 * thread name): the methods the samples were in (self) and the methods on the sampled stacks (inclusive, each once per
 * stack), as shares of all samples. {@code java -cp benchmarks.jar io.meshwork.benchmarks.e2e.JfrSummary file.jfr}.
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).contains("StreamThread")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (seen.add(name(frame))) {
                    inclusive.merge(name(frame), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %d execution samples on stream threads%n", Path.of(args[0]).getFileName(), samples);
        print("self", self, samples, top);
        print("inclusive (on the stack)", inclusive, samples, top * 2);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.printf("%n%s, top %d:%n", title, top);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
