package io.meshwork.core.serde;

import io.meshwork.core.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Serde for JSON trees: the output port writes the very tree it validated, so each record is serialized once. */
public final class JsonNodeSerde implements Serde<JsonNode> {

    @Override
    public Serializer<JsonNode> serializer() {
        return (topic, tree) -> tree == null ? null : Json.mapper().writeValueAsBytes(tree);
    }

    @Override
    public Deserializer<JsonNode> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.mapper().readTree(bytes);
            } catch (JacksonException e) {
                throw new SerializationException("not JSON: " + e.getOriginalMessage(), e);
            }
        };
    }
}
