package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Generated credentials. A value is generated only when the Secret has no value for its key yet, and an
 * existing value is never replaced: rotating a database password or Django SECRET_KEY by accident
 * breaks a running deployment or makes stored data unreadable.
 */
public final class GeneratedSecrets {
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    public GeneratedSecrets() {
        this(new SecureRandom());
    }

    public GeneratedSecrets(SecureRandom random) {
        this.random = random;
    }

    /**
     * The Secret's data (base64 values, as stored) completed with generated values for the keys it lacks.
     *
     * @param existing the Secret as read from the cluster, or null when it does not exist yet
     * @param generators for each wanted key, how to generate a plain-text value
     */
    public static Map<String, String> complete(Secret existing, Map<String, Supplier<String>> generators) {
        Map<String, String> data = new LinkedHashMap<>();
        if (existing != null) {
            if (existing.getData() != null) {
                data.putAll(existing.getData());
            }
            // stringData is write-only on the server, but a Secret built locally may carry it.
            if (existing.getStringData() != null) {
                existing.getStringData().forEach((k, v) -> data.putIfAbsent(k, encode(v)));
            }
        }
        generators.forEach((key, generator) -> {
            String current = data.get(key);
            if (current == null || current.isEmpty()) {
                data.put(key, encode(generator.get()));
            }
        });
        return Collections.unmodifiableMap(data);
    }

    /** Letters and digits only, so the value is safe in URLs, shells and config files. */
    public String alphanumeric(int length) {
        char[] value = new char[length];
        for (int i = 0; i < length; i++) {
            value[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(value);
    }

    /** {@code bytes} random bytes as lowercase hex (Foreman's ENCRYPTION_KEY is 32 hex characters). */
    public String hex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    /** {@code bytes} random bytes, URL-safe base64 with padding: the form of a Fernet key (32 bytes). */
    public String urlSafeBase64(int bytes) {
        return Base64.getUrlEncoder().encodeToString(randomBytes(bytes));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    public static String encode(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
