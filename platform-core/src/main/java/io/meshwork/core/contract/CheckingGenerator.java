package io.meshwork.core.contract;

import io.meshwork.core.contract.StreamingSchema.Name;
import io.meshwork.core.contract.StreamingSchema.Node;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Writes a record as JSON and checks it against a {@link StreamingSchema} on the way, event by event: no tree is
 * built and the record is serialized once. Anything it cannot follow (raw values, binary, a schema part it does not
 * know, a violation) puts it in doubt, and a record in doubt is not vouched for: the caller asks the full validator.
 * One record per instance; not thread-safe.
 */
final class CheckingGenerator extends JsonGeneratorDelegate {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Node root;
    private final String keyField;
    private Node[] nodes = new Node[4];
    private boolean[] objects = new boolean[4];
    private long[] seen = new long[4];
    private int[] counts = new int[4];
    private int depth;
    /** The schema of the value after the property name just written. */
    private Node next;
    private boolean rootWritten;
    private boolean keyNext;
    private JsonNode key;
    private boolean doubt;

    CheckingGenerator(JsonGenerator out, Node root, String keyField) {
        super(out, false); // copy methods (writePOJO, writeTree) come back through this generator's events
        this.root = root;
        this.keyField = keyField;
    }

    /** Whether the record written certainly conforms to the schema. */
    boolean conforms() {
        return !doubt && rootWritten && depth == 0;
    }

    /** The top-level scalar written under the key field, or {@code null} (none, or not a scalar). */
    JsonNode key() {
        return key;
    }

    // The schema of the next value: the root's, the property's named just before, or the array's items.
    private Node value() {
        if (depth == 0) {
            if (rootWritten) {
                doubt = true;
            }
            rootWritten = true;
            return root;
        }
        int top = depth - 1;
        if (objects[top]) {
            Node schema = next;
            next = null;
            if (schema == null) {
                doubt = true; // a value without a name: not from a serializer
                return Node.ANY;
            }
            return schema;
        }
        counts[top]++;
        return nodes[top].items;
    }

    /** Takes the next value's schema and checks the kind of value written against its type; null when in doubt. */
    private Node scalar(int kind) {
        if (doubt) {
            return null;
        }
        Node schema = value();
        if (schema.none || (schema.types & kind) == 0) {
            doubt = true;
            return null;
        }
        return schema;
    }

    /** Whether the value just typed needs a node: a keyword to check it, or it is the key. Most need none. */
    private boolean checks(Node schema) {
        return schema != null && (schema.scalar != null || keyNext);
    }

    /** The value's own keywords (bounds, pattern, format, enum, ...), and the key when it is the key field's. */
    private void check(Node schema, JsonNode value) {
        if (schema.scalar != null && !schema.scalar.accepts(value)) {
            doubt = true;
        }
        if (keyNext) {
            key = value;
            keyNext = false;
        }
    }

    private static int kindOf(double value) {
        return Double.isFinite(value) ? StreamingSchema.NUMBER : 0; // NaN or infinite: never vouched for
    }

    private void start(boolean object) {
        if (doubt) {
            return;
        }
        Node schema = value();
        keyNext = false;
        if (schema.none || schema.wholeValue || (schema.types & (object ? StreamingSchema.OBJECT : StreamingSchema.ARRAY)) == 0) {
            doubt = true;
            return;
        }
        if (depth == nodes.length) {
            nodes = Arrays.copyOf(nodes, depth * 2);
            objects = Arrays.copyOf(objects, depth * 2);
            seen = Arrays.copyOf(seen, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
        }
        nodes[depth] = schema;
        objects[depth] = object;
        seen[depth] = 0L;
        counts[depth] = 0;
        depth++;
    }

    private void end() {
        if (doubt) {
            return;
        }
        int top = depth - 1;
        Node schema = nodes[top];
        if (objects[top] ? (seen[top] & schema.required) != schema.required
                : counts[top] < schema.minItems || counts[top] > schema.maxItems) {
            doubt = true;
        }
        depth--;
    }

    private void name(String name) {
        if (doubt) {
            return;
        }
        int top = depth - 1;
        if (top < 0 || !objects[top]) {
            doubt = true;
            return;
        }
        Node schema = nodes[top];
        Name known = schema.names.get(name);
        if (known != null && (seen[top] & known.bit()) != 0) {
            doubt = true; // the same name twice: the tree would keep one, the bytes have both
            return;
        }
        if (known == null || known.schema() == null) {
            doubt = schema.closed;
            next = Node.ANY;
        } else {
            next = known.schema();
        }
        if (known != null) {
            seen[top] |= known.bit();
        }
        keyNext = top == 0 && name.equals(keyField);
    }

    @Override
    public JsonGenerator writeStartObject() {
        start(true);
        return super.writeStartObject();
    }

    @Override
    public JsonGenerator writeStartObject(Object forValue) {
        start(true);
        return super.writeStartObject(forValue);
    }

    @Override
    public JsonGenerator writeStartObject(Object forValue, int size) {
        start(true);
        return super.writeStartObject(forValue, size);
    }

    @Override
    public JsonGenerator writeEndObject() {
        end();
        return super.writeEndObject();
    }

    @Override
    public JsonGenerator writeStartArray() {
        start(false);
        return super.writeStartArray();
    }

    @Override
    public JsonGenerator writeStartArray(Object forValue) {
        start(false);
        return super.writeStartArray(forValue);
    }

    @Override
    public JsonGenerator writeStartArray(Object forValue, int size) {
        start(false);
        return super.writeStartArray(forValue, size);
    }

    @Override
    public JsonGenerator writeEndArray() {
        end();
        return super.writeEndArray();
    }

    @Override
    public JsonGenerator writeName(String name) {
        name(name);
        return super.writeName(name);
    }

    @Override
    public JsonGenerator writeName(SerializableString name) {
        name(name.getValue());
        return super.writeName(name);
    }

    @Override
    public JsonGenerator writePropertyId(long id) {
        name(Long.toString(id));
        return super.writePropertyId(id);
    }

    @Override
    public JsonGenerator writeString(String text) {
        if (text == null) {
            return writeNull();
        }
        text(text);
        return super.writeString(text);
    }

    @Override
    public JsonGenerator writeString(SerializableString text) {
        text(text.getValue());
        return super.writeString(text);
    }

    @Override
    public JsonGenerator writeString(char[] text, int offset, int length) {
        text(new String(text, offset, length));
        return super.writeString(text, offset, length);
    }

    @Override
    public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
        text(new String(text, offset, length, StandardCharsets.UTF_8));
        return super.writeUTF8String(text, offset, length);
    }

    /** A string: its text tested directly where the schema allows, as a node only for enum/const or the key. */
    private void text(String text) {
        Node schema = scalar(StreamingSchema.STRING);
        if (schema == null) {
            return;
        }
        if (schema.text != null && !keyNext) {
            doubt = !schema.text.test(text);
        } else if (checks(schema)) {
            check(schema, NODES.stringNode(text));
        }
    }

    @Override
    public JsonGenerator writeNumber(short value) {
        Node schema = scalar(StreamingSchema.INTEGER);
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(int value) {
        Node schema = scalar(StreamingSchema.INTEGER);
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(long value) {
        Node schema = scalar(StreamingSchema.INTEGER);
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(double value) {
        Node schema = scalar(kindOf(value));
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(float value) {
        Node schema = scalar(kindOf(value));
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(BigDecimal value) {
        if (value == null) {
            return writeNull();
        }
        Node schema = scalar(StreamingSchema.NUMBER);
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(BigInteger value) {
        if (value == null) {
            return writeNull();
        }
        Node schema = scalar(StreamingSchema.INTEGER);
        if (checks(schema)) {
            check(schema, NODES.numberNode(value));
        }
        return super.writeNumber(value);
    }

    @Override
    public JsonGenerator writeNumber(String encoded) {
        if (encoded == null) {
            return writeNull();
        }
        try {
            BigDecimal value = new BigDecimal(encoded);
            Node schema = scalar(StreamingSchema.NUMBER);
            if (checks(schema)) {
                check(schema, NODES.numberNode(value));
            }
        } catch (NumberFormatException notPlain) {
            doubt = true; // NaN, Infinity or worse, written as text
        }
        return super.writeNumber(encoded);
    }

    @Override
    public JsonGenerator writeBoolean(boolean state) {
        Node schema = scalar(StreamingSchema.BOOLEAN);
        if (checks(schema)) {
            check(schema, NODES.booleanNode(state));
        }
        return super.writeBoolean(state);
    }

    @Override
    public JsonGenerator writeNull() {
        Node schema = scalar(StreamingSchema.NULL);
        if (checks(schema)) {
            check(schema, NODES.nullNode());
        }
        return super.writeNull();
    }

    // Content this check cannot follow: the record is written as asked and left to the full validator.

    @Override
    public JsonGenerator writeArray(int[] array, int offset, int length) {
        doubt = true;
        return super.writeArray(array, offset, length);
    }

    @Override
    public JsonGenerator writeArray(long[] array, int offset, int length) {
        doubt = true;
        return super.writeArray(array, offset, length);
    }

    @Override
    public JsonGenerator writeArray(double[] array, int offset, int length) {
        doubt = true;
        return super.writeArray(array, offset, length);
    }

    @Override
    public JsonGenerator writeArray(String[] array, int offset, int length) {
        doubt = true;
        return super.writeArray(array, offset, length);
    }

    @Override
    public JsonGenerator writeString(Reader reader, int length) {
        doubt = true;
        return super.writeString(reader, length);
    }

    @Override
    public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
        doubt = true;
        return super.writeRawUTF8String(text, offset, length);
    }

    @Override
    public JsonGenerator writeNumber(char[] encoded, int offset, int length) {
        doubt = true;
        return super.writeNumber(encoded, offset, length);
    }

    @Override
    public JsonGenerator writeRaw(String text) {
        doubt = true;
        return super.writeRaw(text);
    }

    @Override
    public JsonGenerator writeRaw(String text, int offset, int length) {
        doubt = true;
        return super.writeRaw(text, offset, length);
    }

    @Override
    public JsonGenerator writeRaw(SerializableString raw) {
        doubt = true;
        return super.writeRaw(raw);
    }

    @Override
    public JsonGenerator writeRaw(char[] text, int offset, int length) {
        doubt = true;
        return super.writeRaw(text, offset, length);
    }

    @Override
    public JsonGenerator writeRaw(char c) {
        doubt = true;
        return super.writeRaw(c);
    }

    @Override
    public JsonGenerator writeRawValue(String text) {
        doubt = true;
        return super.writeRawValue(text);
    }

    @Override
    public JsonGenerator writeRawValue(String text, int offset, int length) {
        doubt = true;
        return super.writeRawValue(text, offset, length);
    }

    @Override
    public JsonGenerator writeRawValue(char[] text, int offset, int length) {
        doubt = true;
        return super.writeRawValue(text, offset, length);
    }

    @Override
    public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
        doubt = true;
        return super.writeBinary(variant, data, offset, length);
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int length) {
        doubt = true;
        return super.writeBinary(variant, data, length);
    }

    @Override
    public JsonGenerator writeEmbeddedObject(Object object) {
        doubt = true;
        return super.writeEmbeddedObject(object);
    }

    @Override
    public JsonGenerator writeObjectId(Object id) {
        doubt = true;
        return super.writeObjectId(id);
    }

    @Override
    public JsonGenerator writeObjectRef(Object reference) {
        doubt = true;
        return super.writeObjectRef(reference);
    }

    @Override
    public JsonGenerator writeTypeId(Object id) {
        doubt = true;
        return super.writeTypeId(id);
    }
}
