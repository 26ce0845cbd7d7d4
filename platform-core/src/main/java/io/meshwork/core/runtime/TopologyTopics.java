package io.meshwork.core.runtime;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics a built topology reads and writes, as Kafka Streams describes it, without the internal topics it
 * creates for itself (repartition and foreign-key-join topics, which it both writes and reads back; changelogs do
 * not appear in a description).
 *
 * @param sources      topics read by name, including by global stores
 * @param sinks        topics written by name
 * @param patterns     regular expressions of topics read by pattern
 * @param dynamicSinks names of sink nodes whose topic is chosen per record ({@code TopicNameExtractor})
 */
public record TopologyTopics(Set<String> sources, Set<String> sinks, Set<String> patterns, Set<String> dynamicSinks) {

    private static final List<String> INTERNAL_SUFFIXES = List.of("-repartition", "-topic");

    public TopologyTopics {
        sources = Set.copyOf(sources);
        sinks = Set.copyOf(sinks);
        patterns = Set.copyOf(patterns);
        dynamicSinks = Set.copyOf(dynamicSinks);
    }

    /** The external topics of {@code description}. */
    public static TopologyTopics of(TopologyDescription description) {
        Set<String> sources = new TreeSet<>();
        Set<String> sinks = new TreeSet<>();
        Set<String> patterns = new TreeSet<>();
        Set<String> dynamic = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    read(source, sources, patterns);
                } else if (node instanceof TopologyDescription.Sink sink) {
                    if (sink.topic() != null) {
                        sinks.add(sink.topic());
                    } else {
                        dynamic.add(sink.name());
                    }
                }
            }
        }
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            read(store.source(), sources, patterns);
        }
        Set<String> internal = new TreeSet<>(sinks);
        internal.retainAll(sources);
        internal.removeIf(topic -> INTERNAL_SUFFIXES.stream().noneMatch(topic::endsWith));
        sources.removeAll(internal);
        sinks.removeAll(internal);
        return new TopologyTopics(sources, sinks, patterns, dynamic);
    }

    private static void read(TopologyDescription.Source source, Set<String> sources, Set<String> patterns) {
        if (source.topicSet() != null) {
            sources.addAll(source.topicSet());
        }
        if (source.topicPattern() != null) {
            patterns.add(source.topicPattern().pattern());
        }
    }
}
