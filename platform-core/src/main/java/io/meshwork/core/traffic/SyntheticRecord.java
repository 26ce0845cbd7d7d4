package io.meshwork.core.traffic;

/**
 * A synthetic input record.
 *
 * @param key   record key
 * @param value record value bytes
 */
public record SyntheticRecord(String key, byte[] value) {
}
