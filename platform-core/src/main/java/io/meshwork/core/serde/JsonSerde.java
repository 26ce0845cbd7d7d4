package io.meshwork.core.serde;

import io.meshwork.core.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * JSON serde for a typed value. A value that is not JSON of the expected shape fails with a
 * {@link SerializationException} naming the type and what was wrong, which routes the record to the
 * dead-letter topic instead of stopping the product.
 *
 * @param <T> the value type, a record or bean Jackson can map
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : Json.mapper().writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null || bytes.length == 0) {
                throw new SerializationException("empty value where a " + type.getSimpleName() + " JSON object was expected");
            }
            try {
                return Json.mapper().readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("not a " + type.getSimpleName() + " JSON object" + at(e) + ": "
                        + e.getOriginalMessage(), e);
            }
        };
    }

    private static String at(JacksonException e) {
        String path = Json.pathOf(e);
        return path.equals("$") ? "" : " at " + path;
    }
}
