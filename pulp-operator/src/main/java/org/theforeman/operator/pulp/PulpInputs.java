package org.theforeman.operator.pulp;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the desired state depends on besides the spec: the Secrets and ConfigMaps the spec refers to,
 * resolved and checked by {@link PulpInputsResolver}. Builders are pure functions of a Pulp and these.
 *
 * @param image full image reference of pulpcore
 * @param databaseSecret Secret with POSTGRES_* keys: the user's external one or the managed one
 * @param managedDatabase whether the operator runs PostgreSQL
 * @param cache how Redis is provided
 * @param cacheSecret Secret with REDIS_* keys for an external cache, else null
 * @param storage where artifacts live
 * @param storageName the claim name (file storage, existing claim) or the object storage Secret
 * @param adminPasswordSecret Secret with key password
 * @param secretKeySecret Secret with key secret_key
 * @param dbFieldsEncryptionSecret Secret with key database_fields.symmetric.key
 * @param customSettings user settings from custom_pulp_settings, by setting name
 * @param contentOrigin CONTENT_ORIGIN
 * @param contentOriginNote why contentOrigin is a guess (the address clients use cannot be derived), else null
 * @param customDomainDigest digest of s3-custom-domain, the address object storage links point to, else null
 * @param referencedDataDigest digest of the user Secrets' data the pods read, so a changed password rolls them
 * @param settings the rendered settings file, or null until {@link #rendered}
 * @param podConfigHash the pods' configuration hash, or null until {@link #rendered}
 */
public record PulpInputs(
        String image,
        String databaseSecret,
        boolean managedDatabase,
        Cache cache,
        String cacheSecret,
        Storage storage,
        String storageName,
        String adminPasswordSecret,
        String secretKeySecret,
        String dbFieldsEncryptionSecret,
        SortedMap<String, String> customSettings,
        String contentOrigin,
        String contentOriginNote,
        String customDomainDigest,
        String referencedDataDigest,
        String settings,
        String podConfigHash) {

    public enum Cache {
        NONE,
        MANAGED,
        EXTERNAL
    }

    public enum Storage {
        FILE_CLAIM,
        EXISTING_CLAIM,
        S3,
        AZURE
    }

    public PulpInputs {
        customSettings = new TreeMap<>(customSettings == null ? Map.of() : customSettings);
    }

    /** These inputs with the settings file and the pods' hash, so a reconcile renders and hashes them once. */
    public PulpInputs rendered(String settingsFile, String configHash) {
        return new PulpInputs(
                image,
                databaseSecret,
                managedDatabase,
                cache,
                cacheSecret,
                storage,
                storageName,
                adminPasswordSecret,
                secretKeySecret,
                dbFieldsEncryptionSecret,
                customSettings,
                contentOrigin,
                contentOriginNote,
                customDomainDigest,
                referencedDataDigest,
                settingsFile,
                configHash);
    }

    public boolean usesClaim() {
        return storage == Storage.FILE_CLAIM || storage == Storage.EXISTING_CLAIM;
    }
}
