package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.theforeman.operator.api.v1alpha1.ChecksumType;
import org.theforeman.operator.api.v1alpha1.Feature;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanReference;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.api.v1alpha1.RemoteExecutionSshFeature;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxyFeatures;
import org.theforeman.operator.api.v1alpha1.SmartProxySpec;
import org.theforeman.operator.foreman.ForemanPlugins;

/**
 * The child resources a Foreman creates for its plugins, reconciled by their own operators: a Pulp for
 * Katello (spec.pulp with the image and settings Katello needs) and a SmartProxy (spec.smart_proxy with
 * the features the plugins need, registered with this Foreman). Both carry a controller owner reference.
 */
public final class ChildResources {
    public static final String PULP_COMPONENT = "pulp";
    public static final String PROXY_COMPONENT = "smart-proxy";
    public static final String SETTINGS_COMPONENT = "pulp-settings";
    /** Pulp with the plugins Katello uses (rpm, container, deb, ansible, ostree, python, smart_proxy). */
    public static final String KATELLO_PULP_IMAGE = "quay.io/foreman/pulp";

    public static final String KATELLO_PULP_VERSION = "3.73";
    /** The API port of the Pulp operator's api Service. */
    public static final int PULP_API_PORT = 24817;

    private ChildResources() {}

    /** Whether the Foreman has a child SmartProxy: a plugin that needs one is on. */
    public static boolean wantsProxy(Foreman foreman) {
        return ForemanPlugins.enabled(foreman.getSpec(), "katello")
                || ForemanPlugins.enabled(foreman.getSpec(), "remote_execution");
    }

    public static boolean wantsPulp(Foreman foreman) {
        return ForemanPlugins.enabled(foreman.getSpec(), "katello");
    }

    public static Pulp pulp(Foreman foreman) {
        KatelloNames names = KatelloNames.of(foreman);
        PulpSpec template = foreman.getSpec().getPulp();
        PulpSpec spec = template == null ? new PulpSpec() : Serialization.clone(template);
        if (spec.getImage() == null) {
            spec.setImage(KATELLO_PULP_IMAGE);
            if (spec.getImageVersion() == null) {
                spec.setImageVersion(KATELLO_PULP_VERSION);
            }
        }
        if (spec.getAllowedContentChecksums() == null) {
            spec.setAllowedContentChecksums(List.of(
                    ChecksumType.sha1,
                    ChecksumType.sha224,
                    ChecksumType.sha256,
                    ChecksumType.sha384,
                    ChecksumType.sha512));
        }
        spec.setCustomPulpSettings(names.pulpSettings());
        Pulp pulp = new Pulp();
        pulp.setMetadata(ForemanMeta.owned(foreman, names.pulp(), PULP_COMPONENT));
        pulp.setSpec(spec);
        return pulp;
    }

    /** The in-cluster URL of the child Pulp's API (the smart_proxy plugin's SMART_PROXY_PULP_URL). */
    public static String pulpApiUrl(Foreman foreman) {
        return "http://" + KatelloNames.of(foreman).pulp() + "-api."
                + foreman.getMetadata().getNamespace() + ".svc:" + PULP_API_PORT;
    }

    /**
     * The pulpcore settings Katello needs, as Python literals for custom_pulp_settings: remote-user
     * authentication (Foreman's front end passes the user in REMOTE_USER), no token auth, and the
     * smart_proxy plugin's URLs. CONTENT_ORIGIN and ALLOWED_CONTENT_CHECKSUMS go through the Pulp's spec. The
     * child Pulp names this ConfigMap as its custom_pulp_settings, so a user's own ConfigMap there is merged in.
     *
     * @param foremanUrl Foreman's URL (RHSM is served under it)
     * @param userSettings the entries of spec.pulp.custom_pulp_settings' ConfigMap (Katello's win)
     */
    public static ConfigMap pulpSettings(Foreman foreman, String foremanUrl, Map<String, String> userSettings) {
        Map<String, String> settings = new TreeMap<>(userSettings == null ? Map.of() : userSettings);
        settings.put("AUTHENTICATION_BACKENDS", "['pulpcore.app.authentication.PulpNoCreateRemoteUserBackend']");
        settings.put("REMOTE_USER_ENVIRON_NAME", "'HTTP_REMOTE_USER'");
        settings.put(
                "REST_FRAMEWORK__DEFAULT_AUTHENTICATION_CLASSES",
                "['rest_framework.authentication.SessionAuthentication',"
                        + " 'pulpcore.app.authentication.PulpRemoteUserAuthentication']");
        settings.put("TOKEN_AUTH_DISABLED", "True");
        settings.put("SMART_PROXY_PULP_URL", python(pulpApiUrl(foreman)));
        settings.put("SMART_PROXY_RHSM_URL", python(stripSlash(foremanUrl) + "/rhsm"));
        settings.put("SMART_PROXY_MIRROR", "False");
        return new ConfigMapBuilder()
                .withMetadata(
                        ForemanMeta.owned(foreman, KatelloNames.of(foreman).pulpSettings(), SETTINGS_COMPONENT))
                .withData(settings)
                .build();
    }

    public static SmartProxy smartProxy(Foreman foreman) {
        SmartProxySpec template = foreman.getSpec().getSmartProxy();
        SmartProxySpec spec = template == null ? new SmartProxySpec() : Serialization.clone(template);
        ForemanReference reference = new ForemanReference();
        reference.setName(foreman.getMetadata().getName());
        spec.setForeman(reference);
        SmartProxyFeatures features =
                spec.getFeatures() == null ? new SmartProxyFeatures() : Serialization.clone(spec.getFeatures());
        if (ForemanPlugins.enabled(foreman.getSpec(), "remote_execution")) {
            RemoteExecutionSshFeature ssh = features.getRemoteExecutionSsh() == null
                    ? new RemoteExecutionSshFeature()
                    : features.getRemoteExecutionSsh();
            ssh.setEnabled(true);
            features.setRemoteExecutionSsh(ssh);
            features.setDynflow(on(features.getDynflow()));
        }
        if (ForemanPlugins.enabled(foreman.getSpec(), "ansible")) {
            features.setAnsible(on(features.getAnsible()));
        }
        // An empty features object would be applied as null (removing the last feature we set), which the
        // schema refuses: no features at all is sent as no features field.
        boolean none = Serialization.jsonMapper().valueToTree(features).isEmpty();
        spec.setFeatures(none ? null : features);
        SmartProxy proxy = new SmartProxy();
        proxy.setMetadata(ForemanMeta.owned(foreman, KatelloNames.of(foreman).smartProxy(), PROXY_COMPONENT));
        proxy.setSpec(spec);
        return proxy;
    }

    private static Feature on(Feature feature) {
        Feature result = feature == null ? new Feature() : feature;
        result.setEnabled(true);
        return result;
    }

    private static String python(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
