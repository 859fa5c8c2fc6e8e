package org.theforeman.operator.api.v1alpha1;

/**
 * The condition types each kind publishes, in one place, so that a parent operator can read a child's
 * conditions by name and a reader finds every condition of a kind here. Every kind also publishes the
 * summary conditions {@link #READY}, {@link #PROGRESSING} and {@link #DEGRADED}.
 */
public final class ConditionTypes {
    /** Everything the spec asks for runs at the desired version and replica count. */
    public static final String READY = "Ready";
    /** A rollout, migration or scale is under way. */
    public static final String PROGRESSING = "Progressing";
    /** Something is wrong; reason and message say what. */
    public static final String DEGRADED = "Degraded";
    /** Reported only when the API server refuses an object the spec implies. */
    public static final String RESOURCES_APPLIED = "ResourcesApplied";

    private ConditionTypes() {}

    /** Conditions of a {@link Pulp}. */
    public static final class PulpConditions {
        public static final String DATABASE_READY = "DatabaseReady";
        /** The managed or external Redis used for the content cache. */
        public static final String CACHE_READY = "CacheReady";
        /** Reported only when the artifact claim cannot be provisioned for a reason the user must fix. */
        public static final String STORAGE_READY = "StorageReady";

        public static final String MIGRATIONS_COMPLETE = "MigrationsComplete";
        public static final String API_READY = "APIReady";
        public static final String CONTENT_READY = "ContentReady";
        public static final String WORKER_READY = "WorkerReady";
        /** The optional reverse proxy of spec.web. */
        public static final String WEB_READY = "WebReady";
        /**
         * Reported with ingress_type route, which depends on the cluster serving OpenShift's Route API, and
         * when the address clients use (CONTENT_ORIGIN) cannot be derived from the spec.
         */
        public static final String EXPOSURE_READY = "ExposureReady";

        private PulpConditions() {}
    }

    /** Conditions of a {@link SmartProxy}. */
    public static final class SmartProxyConditions {
        /** The proxy's record exists in its Foreman with the current URL and features. */
        public static final String REGISTERED = "Registered";
        /** The proxy's pods are available. */
        public static final String PROXY_READY = "ProxyReady";
        /** Its certificates (suite CA, a user's Secret or cert-manager) are in place. */
        public static final String TLS_READY = "TLSReady";

        private SmartProxyConditions() {}
    }

    /** Conditions of a {@link Foreman}. */
    public static final class ForemanConditions {
        /**
         * Reported only when a Secret the spec names for credentials (encryption_key_secret,
         * admin.password_secret) is missing or incomplete.
         */
        public static final String CREDENTIALS_READY = "CredentialsReady";

        public static final String DATABASE_READY = "DatabaseReady";
        public static final String CACHE_READY = "CacheReady";
        public static final String MIGRATIONS_COMPLETE = "MigrationsComplete";
        /**
         * The web (puma) pods are available. A child SmartProxy waits for this condition, not for Ready,
         * because the Foreman's Ready includes the proxy's own readiness.
         */
        public static final String WEB_READY = "WebReady";

        public static final String DYNFLOW_READY = "DynflowReady";
        public static final String CANDLEPIN_READY = "CandlepinReady";
        /** Mirrors the child Pulp's Ready (katello). */
        public static final String PULP_READY = "PulpReady";
        /** Mirrors the child SmartProxy's Ready. */
        public static final String SMART_PROXY_READY = "SmartProxyReady";

        public static final String EXPOSURE_READY = "ExposureReady";

        private ForemanConditions() {}
    }
}
