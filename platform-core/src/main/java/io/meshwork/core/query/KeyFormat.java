package io.meshwork.core.query;

import io.meshwork.core.http.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How keys of one declared type travel: parsed from their text in a URL, serialized the way Kafka's built-in serde
 * for the type does (which is how the store keys and partitions them), and ordered as the store orders them, by
 * those bytes.
 */
final class KeyFormat {

    private static final Map<Class<?>, KeyFormat> FORMATS = formats();

    private final Class<?> type;
    private final Function<String, ?> parser;
    private final Serializer<Object> serializer;

    @SuppressWarnings("unchecked")
    private <K> KeyFormat(Class<K> type, Function<String, K> parser, Serde<K> serde) {
        this.type = type;
        this.parser = parser;
        this.serializer = (Serializer<Object>) serde.serializer();
    }

    /**
     * The format of {@code type}.
     *
     * @throws IllegalArgumentException if the query port cannot serve keys of that type
     */
    static KeyFormat of(Class<?> type) {
        KeyFormat format = FORMATS.get(type);
        if (format == null) {
            throw new IllegalArgumentException("stores keyed by " + type.getName() + " cannot be queried; key types: "
                    + FORMATS.values().stream().map(KeyFormat::typeName).distinct().sorted().toList());
        }
        return format;
    }

    /** The declared key type's simple name. */
    String typeName() {
        return type.getSimpleName();
    }

    /** Whether keys are text, so that prefix scans make sense. */
    boolean textual() {
        return type == String.class;
    }

    /**
     * The key {@code text} names.
     *
     * @throws ProblemException 400 if the text is not a key of this type
     */
    Object parse(String text, String what) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw ProblemException.badRequest(what + " '" + text + "' is not a " + typeName());
        }
    }

    /** The key's text, which {@link #parse} reads back. */
    String text(Object key) {
        return key.toString();
    }

    /** The key as the store holds it. */
    byte[] bytes(Object key) {
        return serializer.serialize(null, key);
    }

    /** Serializer for partition lookups. */
    Serializer<Object> serializer() {
        return serializer;
    }

    /** Store order: unsigned lexicographic on the serialized key. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static Map<Class<?>, KeyFormat> formats() {
        Map<Class<?>, KeyFormat> formats = new LinkedHashMap<>();
        add(formats, new KeyFormat(String.class, s -> s, Serdes.String()), null);
        add(formats, new KeyFormat(Long.class, Long::valueOf, Serdes.Long()), long.class);
        add(formats, new KeyFormat(Integer.class, Integer::valueOf, Serdes.Integer()), int.class);
        add(formats, new KeyFormat(Short.class, Short::valueOf, Serdes.Short()), short.class);
        add(formats, new KeyFormat(Double.class, Double::valueOf, Serdes.Double()), double.class);
        add(formats, new KeyFormat(Float.class, Float::valueOf, Serdes.Float()), float.class);
        add(formats, new KeyFormat(UUID.class, KeyFormat::uuid, Serdes.UUID()), null);
        add(formats, new KeyFormat(Boolean.class, KeyFormat::bool, Serdes.Boolean()), boolean.class);
        return Map.copyOf(formats);
    }

    private static void add(Map<Class<?>, KeyFormat> formats, KeyFormat format, Class<?> primitive) {
        formats.put(format.type, format);
        if (primitive != null) {
            formats.put(primitive, format);
        }
    }

    private static UUID uuid(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not in canonical 8-4-4-4-12 form");
        }
        return uuid;
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }
}
