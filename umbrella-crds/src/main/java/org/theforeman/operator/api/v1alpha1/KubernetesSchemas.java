package org.theforeman.operator.api.v1alpha1;

/**
 * JSON merge patches (applied by {@link org.theforeman.operator.api.schema.JsonMergePatch}) for the schemas of the
 * Kubernetes types embedded in the spec: what the API server checks on the Deployment the operator writes (enums,
 * required fields, ranges, quantities, label syntax), and the bounds (maxItems, maxProperties, maxLength) that keep
 * the CEL rules within the API server's cost budget. fabric8 generates these schemas without any of that.
 */
final class KubernetesSchemas {
    private KubernetesSchemas() {}

    private static final String QUANTITY = "{\"maxLength\": 64, \"x-kubernetes-validations\": [{\"rule\": "
            + "\"isQuantity(string(self)) && quantity(string(self)).compareTo(quantity('0')) >= 0\", \"message\": "
            + "\"must be a quantity of zero or more, such as 500m or 2 (CPU), 512Mi or 1Gi (memory)\"}]}";

    private static final String RESOURCE_NAME = "(k in ['cpu', 'memory', 'ephemeral-storage'] || "
            + "k.startsWith('hugepages-') || (k.contains('/') && !k.startsWith('kubernetes.io/')))";

    /** ResourceRequirements: quantities, known resource names, requests within limits, no claims. */
    static final String RESOURCES = "{\"properties\": {"
            + "\"limits\": {\"maxProperties\": 16, \"additionalProperties\": " + QUANTITY + "},"
            + "\"requests\": {\"maxProperties\": 16, \"additionalProperties\": " + QUANTITY + "},"
            + "\"claims\": {\"maxItems\": 16}},"
            + "\"x-kubernetes-validations\": ["
            + "{\"rule\": \"!has(self.requests) || !has(self.limits) || self.requests.all(k, !(k in self.limits) || "
            + "!isQuantity(string(self.requests[k])) || !isQuantity(string(self.limits[k])) || "
            + "quantity(string(self.requests[k])).compareTo(quantity(string(self.limits[k]))) <= 0)\", "
            + "\"message\": \"every request must be at most the limit of the same resource\"},"
            + "{\"rule\": \"(!has(self.limits) || self.limits.all(k, " + RESOURCE_NAME + ")) && "
            + "(!has(self.requests) || self.requests.all(k, " + RESOURCE_NAME + "))\", "
            + "\"message\": \"resource names are cpu, memory, ephemeral-storage, hugepages-<size> or an extended"
            + " resource with a domain such as example.com/gpu\"},"
            + "{\"rule\": \"!has(self.claims) || self.claims.size() == 0\", \"message\": \"claims are not supported:"
            + " the operator's pods declare no resource claims\", \"fieldPath\": \".claims\"}]}";

    private static final String KEY = "{\"maxLength\": 317, \"x-kubernetes-validations\": [" + "{\"rule\": \""
            + Cel.QUALIFIED_NAME + "\", \"message\": \"" + Cel.QUALIFIED_NAME_MESSAGE + "\"}" + "]}";
    private static final String OPTIONAL_KEY =
            "{\"maxLength\": 317, \"x-kubernetes-validations\": [" + "{\"rule\": \"" + "self == '' || ("
                    + Cel.QUALIFIED_NAME + ")\", \"message\": \"" + Cel.QUALIFIED_NAME_MESSAGE + "\"}" + "]}";
    private static final String LABEL_VALUE = "{\"maxLength\": 63, \"x-kubernetes-validations\": [" + "{\"rule\": \""
            + Cel.LABEL_VALUE + "\", \"message\": \"" + Cel.LABEL_VALUE_MESSAGE + "\"}" + "]}";
    private static final String VALUES = "{\"maxItems\": 32, \"items\": {\"maxLength\": 63}}";
    private static final String KEY_LIST = "{\"maxItems\": 8, \"items\": " + KEY + "}";

    /** A LabelSelector of pods: its operators and values (label syntax inside is left to the API server's size). */
    private static final String LABEL_SELECTOR = "{\"properties\": {"
            + "\"matchLabels\": {\"maxProperties\": 16, \"additionalProperties\": {\"maxLength\": 63}},"
            + "\"matchExpressions\": {\"maxItems\": 8, \"items\": {\"required\": [\"key\", \"operator\"],"
            + " \"properties\": {\"operator\": {\"enum\": [\"DoesNotExist\", \"Exists\", \"In\", \"NotIn\"]},"
            + " \"values\": " + VALUES + "}, \"x-kubernetes-validations\": [{\"rule\": \"self.operator in ['In',"
            + " 'NotIn'] ? has(self.values) && self.values.size() > 0 : !has(self.values) || self.values.size() == 0\","
            + " \"message\": \"operators In and NotIn need values, Exists and DoesNotExist take none\","
            + " \"fieldPath\": \".values\"}]}}}}";

    /** Tolerations: Kubernetes' operators and effects, label syntax, the combinations it refuses. */
    static final String TOLERATIONS = "{\"maxItems\": 32, \"items\": {\"properties\": {"
            + "\"key\": " + OPTIONAL_KEY + ","
            + "\"operator\": {\"enum\": [\"\", \"Equal\", \"Exists\"]},"
            + "\"value\": " + LABEL_VALUE + ","
            + "\"effect\": {\"enum\": [\"\", \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\"]}},"
            + "\"x-kubernetes-validations\": ["
            + "{\"rule\": \"(has(self.key) && self.key != '') || (has(self.operator) && self.operator == 'Exists')\","
            + " \"message\": \"a toleration without a key needs operator Exists\", \"fieldPath\": \".operator\"},"
            + "{\"rule\": \"!has(self.operator) || self.operator != 'Exists' || !has(self.value) || self.value == ''\","
            + " \"message\": \"a toleration with operator Exists takes no value\", \"fieldPath\": \".value\"},"
            + "{\"rule\": \"!has(self.tolerationSeconds) || (has(self.effect) && self.effect == 'NoExecute')\","
            + " \"message\": \"tolerationSeconds applies only with effect NoExecute\","
            + " \"fieldPath\": \".tolerationSeconds\"}]}}";

    /** TopologySpreadConstraints: maxSkew of at least 1, Kubernetes' enums, a topology key. */
    static final String TOPOLOGY_SPREAD = "{\"maxItems\": 8, \"items\": {"
            + "\"required\": [\"maxSkew\", \"topologyKey\", \"whenUnsatisfiable\"], \"properties\": {"
            + "\"maxSkew\": {\"minimum\": 1},"
            + "\"minDomains\": {\"minimum\": 1},"
            + "\"topologyKey\": " + KEY + ","
            + "\"whenUnsatisfiable\": {\"enum\": [\"DoNotSchedule\", \"ScheduleAnyway\"]},"
            + "\"nodeAffinityPolicy\": {\"enum\": [\"Honor\", \"Ignore\"]},"
            + "\"nodeTaintsPolicy\": {\"enum\": [\"Honor\", \"Ignore\"]},"
            + "\"matchLabelKeys\": " + KEY_LIST + ","
            + "\"labelSelector\": " + LABEL_SELECTOR + "},"
            + "\"x-kubernetes-validations\": [{\"rule\": \"!has(self.minDomains) || "
            + "self.whenUnsatisfiable == 'DoNotSchedule'\", \"message\": \"minDomains applies only with"
            + " whenUnsatisfiable DoNotSchedule\", \"fieldPath\": \".minDomains\"}]}}";

    private static final String KEY_REF = "{\"required\": [\"name\", \"key\"], \"properties\": {"
            + "\"name\": {\"maxLength\": 253, \"x-kubernetes-validations\": ["
            + "{\"rule\": \"" + Cel.NAME + "\", \"message\": \"" + "must be an object name" + Cel.NAME_RULES + "\"}"
            + "]},"
            + "\"key\": {\"maxLength\": 253, \"x-kubernetes-validations\": [{\"rule\": "
            + "\"self.matches('^[-._a-zA-Z0-9]+$')\", \"message\": \"must be a key: letters, digits, '-', '_' and"
            + " '.'\"}]}}}";

    /** EnvVars: a name Kubernetes accepts, and one source of the value. */
    static final String ENV = "{\"maxItems\": 64, \"items\": {\"required\": [\"name\"], \"properties\": {"
            + "\"name\": {\"maxLength\": 256, \"x-kubernetes-validations\": [{\"rule\": "
            + "\"self.matches('^[ -<>-~]+$')\", \"message\": \"must be an environment variable name: one or more"
            + " printable ASCII characters other than '='\"}]},"
            + "\"valueFrom\": {\"properties\": {\"secretKeyRef\": " + KEY_REF + ", \"configMapKeyRef\": " + KEY_REF
            + ", \"fieldRef\": {\"required\": [\"fieldPath\"]}, \"resourceFieldRef\": {\"required\": [\"resource\"]}},"
            + " \"x-kubernetes-validations\": [{\"rule\": \"[has(self.secretKeyRef), has(self.configMapKeyRef), "
            + "has(self.fieldRef), has(self.resourceFieldRef), has(self.fileKeyRef)].filter(x, x).size() == 1\","
            + " \"message\": \"valueFrom needs exactly one of secretKeyRef, configMapKeyRef, fieldRef,"
            + " resourceFieldRef and fileKeyRef\"}]}},"
            + "\"x-kubernetes-validations\": [{\"rule\": \"!has(self.valueFrom) || !has(self.value) || "
            + "self.value == ''\", \"message\": \"value and valueFrom exclude each other\", \"fieldPath\": "
            + "\".valueFrom\"}]}}";

    // Affinity: only what is cheap in bytes and CEL cost (the CRDs stay under kubectl's 256 KiB for client-side
    // apply): node selector operators, a topology key in pod affinity terms, weights from 1 to 100.
    private static final String NODE_REQUIREMENTS = "{\"items\": {\"required\": [\"key\", \"operator\"],"
            + " \"properties\": {\"operator\": {\"enum\": [\"DoesNotExist\", \"Exists\", \"Gt\", \"In\", \"Lt\","
            + " \"NotIn\"]}}}}";
    private static final String NODE_SELECTOR_TERM = "{\"properties\": {\"matchExpressions\": " + NODE_REQUIREMENTS
            + ", \"matchFields\": " + NODE_REQUIREMENTS + "}}";
    private static final String WEIGHT = "{\"minimum\": 1, \"maximum\": 100}";
    private static final String POD_AFFINITY_TERM = "{\"required\": [\"topologyKey\"]}";
    private static final String POD_AFFINITY = "{\"properties\": {"
            + "\"requiredDuringSchedulingIgnoredDuringExecution\": {\"items\": " + POD_AFFINITY_TERM + "},"
            + " \"preferredDuringSchedulingIgnoredDuringExecution\": {\"items\": {\"required\": [\"weight\","
            + " \"podAffinityTerm\"], \"properties\": {\"weight\": " + WEIGHT + ", \"podAffinityTerm\": "
            + POD_AFFINITY_TERM + "}}}}}";

    /** Affinity: node selector operators, pod affinity terms with a topology key, weights from 1 to 100. */
    static final String AFFINITY = "{\"properties\": {"
            + "\"nodeAffinity\": {\"properties\": {\"requiredDuringSchedulingIgnoredDuringExecution\": {\"required\":"
            + " [\"nodeSelectorTerms\"], \"properties\": {\"nodeSelectorTerms\": {\"items\": " + NODE_SELECTOR_TERM
            + "}}}, \"preferredDuringSchedulingIgnoredDuringExecution\": {\"items\": "
            + "{\"required\": [\"weight\", \"preference\"], \"properties\": {\"weight\": " + WEIGHT
            + ", \"preference\": " + NODE_SELECTOR_TERM + "}}}}},"
            + "\"podAffinity\": " + POD_AFFINITY + ", \"podAntiAffinity\": " + POD_AFFINITY + "}}";

    /** The embedded types of {@link ComponentSpec}. */
    static final String COMPONENT = "{\"properties\": {\"resource_requirements\": " + RESOURCES
            + ", \"tolerations\": " + TOLERATIONS + ", \"topology_spread_constraints\": " + TOPOLOGY_SPREAD
            + ", \"env_vars\": " + ENV + ", \"affinity\": " + AFFINITY + "}}";

    /** The embedded types of {@link DatabaseSpec}. */
    static final String DATABASE = "{\"properties\": {\"postgres_resource_requirements\": " + RESOURCES
            + ", \"tolerations\": " + TOLERATIONS + ", \"affinity\": " + AFFINITY + "}}";

    /** The embedded types of {@link CacheSpec}. */
    static final String CACHE = "{\"properties\": {\"redis_resource_requirements\": " + RESOURCES + "}}";

    /** Bounds of {@link DisruptionBudgetSpec}'s int-or-string fields ("100%" is the longest valid string). */
    static final String DISRUPTION_BUDGET =
            "{\"properties\": {\"min_available\": {\"maxLength\": 4}, \"max_unavailable\": {\"maxLength\": 4}}}";
}
