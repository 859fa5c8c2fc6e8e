package org.theforeman.operator.common.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * A stable digest of configuration for the pod-template annotation {@value #ANNOTATION}: a change of
 * the hashed content changes the pod template and so rolls the pods, and nothing else does. Map keys
 * and bean properties are serialized in sorted order, so the digest does not depend on iteration order.
 */
public final class ConfigHash {
    public static final String ANNOTATION = "app.theforeman.org/config-hash";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ConfigHash() {}

    /** Hex SHA-256 (first 16 bytes) of the canonical JSON of {@code parts}, in the order given. */
    public static String of(Object... parts) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(parts);
            return Hashing.sha256().hashBytes(canonical).toString().substring(0, 32);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration cannot be serialized for hashing", e);
        }
    }

    /** Same as {@link #of(Object...)} for text that is already canonical, such as a rendered file. */
    public static String ofText(String text) {
        return Hashing.sha256()
                .hashString(text, StandardCharsets.UTF_8)
                .toString()
                .substring(0, 32);
    }
}
