package org.theforeman.operator.api.v1alpha1;

/**
 * CEL rules and their messages, shared by the fields they apply to: what Kubernetes checks when the operator writes
 * the child object, checked at admission instead. A rule is placed on the field it checks, so the API server's
 * message starts with the field's path. Regular expressions avoid backslashes so that they read the same in Java, in
 * JSON and in the generated YAML.
 */
final class Cel {
    private Cel() {}

    // ---- object names (Secrets, ConfigMaps, claims, classes)

    static final String NAME = "!format.dns1123Subdomain().validate(self).hasValue()";
    static final String NAME_RULES = ": lowercase letters, digits, '-' and '.', starting and ending with a letter or"
            + " digit, at most 253 characters";
    static final String SECRET_NAME = "must be the name of a Secret in this namespace" + NAME_RULES;
    static final String CONFIG_MAP_NAME = "must be the name of a ConfigMap in this namespace" + NAME_RULES;
    static final String CLAIM_NAME = "must be the name of a PersistentVolumeClaim in this namespace" + NAME_RULES;
    static final String STORAGE_CLASS_NAME = "must be the name of a StorageClass" + NAME_RULES;
    static final String INGRESS_CLASS_NAME = "must be the name of an IngressClass" + NAME_RULES;

    // ---- host names

    private static final String DNS_NAME =
            "!format.dns1123Subdomain().validate(self).hasValue()" + " && self.split('.').all(l, l.size() <= 63)";
    /** A DNS name, as an Ingress host or a certificate's name must be; not an IP address. */
    static final String HOST = DNS_NAME + " && !isIP(self)";

    private static final String HOST_WORDS = "a DNS host name such as foreman.example.com: lowercase letters, digits"
            + " and '-' in labels of at most 63 characters separated by '.', at most 253 characters, not an IP address";
    static final String HOST_MESSAGE = "must be " + HOST_WORDS;
    static final String HOSTS = "self.all(h, !format.dns1123Subdomain().validate(h).hasValue()"
            + " && h.split('.').all(l, l.size() <= 63) && !isIP(h))";
    static final String HOSTS_MESSAGE = "every entry must be " + HOST_WORDS;
    static final String HOST_OR_IP = "isIP(self) || (" + DNS_NAME + ")";
    static final String HOST_OR_IP_MESSAGE = "must be an IP address or a DNS host name such as mqtt.example.com:"
            + " lowercase letters, digits and '-' in labels of at most 63 characters separated by '.'";

    // ---- URLs (a rule each, so that the message says which part is wrong)

    static final String URL_HTTP =
            "isURL(self) && url(self).getScheme() in ['http', 'https'] && url(self).getHostname() != ''";
    static final String URL_HTTP_MESSAGE =
            "must be an http or https URL with a host, such as https://foreman.example.com";
    static final String URL_HOST = "!isURL(self) || self.matches('^[a-z]+://([^/?#@]*@)?([[][0-9a-fA-F:.]+[]]|"
            + "[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?([.][A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*)(:[0-9]*)?([/?#].*)?$')";
    static final String URL_HOST_MESSAGE =
            "the URL's host must be an IP address or a DNS name: labels of at most 63 letters, digits and '-'"
                    + " separated by '.'";
    static final String URL_PORT = "!isURL(self) || url(self).getPort() == '' || (url(self).getPort().size() <= 5 && "
            + "int(url(self).getPort()) >= 1 && int(url(self).getPort()) <= 65535)";
    static final String URL_PORT_MESSAGE = "the URL's port must be from 1 to 65535";
    static final String ORIGIN = "self.matches('^https?://[^/?#@ ]+$')";
    static final String ORIGIN_MESSAGE = "must be a scheme and a host with an optional port and nothing else, such as"
            + " https://pulp.example.com or http://pulp.example.com:8080";

    // ---- quantities

    static final String SIZE = "isQuantity(self) && quantity(self).isGreaterThan(quantity('0'))";
    static final String SIZE_MESSAGE = "must be a storage size greater than zero, such as 10Gi or 500Mi";

    // ---- images

    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final String REGISTRY =
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:[.][a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "(?::[0-9]{1,5})?/)?";
    private static final String REPOSITORY_RE = REGISTRY + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG_RE = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private static final String DIGEST_RE = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final String TAG_WORDS =
            "a tag is at most 128 letters, digits, '_', '.' and '-' and does not start with '.' or '-'";

    static final String IMAGE = "self.matches('^" + REPOSITORY_RE + "(?::" + TAG_RE + ")?(?:@" + DIGEST_RE + ")?$')";
    static final String IMAGE_MESSAGE = "must be an image reference such as quay.io/foreman/foreman:3.16: a registry"
            + " and a lowercase repository path, optionally ':' and a tag and '@' and a digest, without spaces ("
            + TAG_WORDS + ")";
    static final String REPOSITORY = "self.matches('^" + REPOSITORY_RE + "$')";
    static final String REPOSITORY_MESSAGE = "must be an image repository without tag or digest, such as"
            + " quay.io/pulp/pulp-minimal: a registry and a lowercase repository path without spaces";
    static final String TAG = "self.matches('^" + TAG_RE + "$')";
    static final String TAG_MESSAGE = "must be an image tag such as 3.16: " + TAG_WORDS;

    // ---- labels and annotations (keys as Kubernetes validates them: an optional DNS-subdomain prefix and '/',
    // then a name of at most 63 characters)

    private static final String NAME_PART = "'^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$'";
    /** Every key of the map {@code self} is a qualified name. */
    static final String KEYS = "self.all(k, k.split('/').size() == 1 ? k.matches(" + NAME_PART + ") : "
            + "(k.split('/').size() == 2 && !format.dns1123Subdomain().validate(k.split('/')[0]).hasValue()"
            + " && k.split('/')[1].matches(" + NAME_PART + ")))";
    /** The string {@code self} is a qualified name. */
    static final String QUALIFIED_NAME = "self.split('/').size() == 1 ? self.matches(" + NAME_PART + ") : "
            + "(self.split('/').size() == 2 && !format.dns1123Subdomain().validate(self.split('/')[0]).hasValue()"
            + " && self.split('/')[1].matches(" + NAME_PART + "))";

    private static final String KEY_WORDS = "an optional DNS subdomain and '/', then at most 63 letters, digits, '-',"
            + " '_' and '.' that start and end with a letter or digit";
    static final String LABEL_KEYS_MESSAGE = "label keys must be " + KEY_WORDS;
    static final String ANNOTATION_KEYS_MESSAGE = "annotation keys must be " + KEY_WORDS;
    static final String QUALIFIED_NAME_MESSAGE = "must be a label key: " + KEY_WORDS;

    static final String LABEL_VALUE_RE = "'^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$'";
    static final String LABEL_VALUES = "self.all(k, self[k].matches(" + LABEL_VALUE_RE + "))";
    static final String LABEL_VALUES_MESSAGE = "label values must be empty or at most 63 letters, digits, '-', '_' and"
            + " '.' that start and end with a letter or digit";
    static final String LABEL_VALUE = "self.matches(" + LABEL_VALUE_RE + ")";
    static final String LABEL_VALUE_MESSAGE = "must be a label value: empty or at most 63 letters, digits, '-', '_' and"
            + " '.' that start and end with a letter or digit";

    static final String NO_RESERVED_LABELS = "self.all(k, !k.startsWith('app.kubernetes.io/'))";
    static final String NO_RESERVED_LABELS_MESSAGE =
            "app.kubernetes.io/ label keys are reserved: the operator sets them to select its pods";
    static final String NO_RESERVED_ANNOTATIONS = "self.all(k, !k.startsWith('app.theforeman.org/')"
            + " && !k.startsWith('kubectl.kubernetes.io/') && !k.startsWith('deployment.kubernetes.io/'))";
    static final String NO_RESERVED_ANNOTATIONS_MESSAGE = "annotation keys under app.theforeman.org/,"
            + " kubectl.kubernetes.io/ and deployment.kubernetes.io/ are reserved for the operator and Kubernetes";

    // ---- int-or-string percentages

    static final String COUNT_OR_PERCENT =
            "type(self) == int ? self >= 0 : self.matches('^[0-9]{1,3}%$') && int(self.substring(0, self.size() - 1)) <= 100";
    static final String COUNT_OR_PERCENT_MESSAGE =
            "must be a number of pods (0 or more) or a percentage from 0% to 100%";
}
