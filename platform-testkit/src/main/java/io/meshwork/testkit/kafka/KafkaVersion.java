package io.meshwork.testkit.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Apache Kafka on the classpath, which every Kafka artifact of this project shares (the parent pom). */
public final class KafkaVersion {

    private static final String RESOURCE = "/kafka/kafka-version.properties";

    private KafkaVersion() {
    }

    /**
     * The version the Kafka clients jar records about itself ({@code kafka/kafka-version.properties}, which Kafka's
     * own version reporting reads; its Java API for it moved to an internal package in Kafka 4.4).
     */
    public static String current() {
        try (InputStream in = KafkaVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath: kafka-clients is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
