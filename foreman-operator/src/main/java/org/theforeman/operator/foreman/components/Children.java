package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.model.ChildConditions;
import org.theforeman.operator.foreman.model.ChildResources;
import org.theforeman.operator.foreman.model.KatelloNames;

/**
 * PulpReady and SmartProxyReady: the child Pulp (plugins.katello) and SmartProxy (a plugin that needs
 * one), created and kept as the spec says (a user's edit of a child's spec is set back), their Ready
 * mirrored from their own operators' status, and the Pulp registered in Foreman. A child no longer wanted
 * is deleted; its own operator keeps its data (deletion_policy Retain).
 */
public final class Children {
    /**
     * @param states PulpReady and SmartProxyReady, those that apply
     * @param retryAfter when to look again after a failed registration, or null
     */
    public record Result(List<ComponentState> states, Duration retryAfter) {}

    private Children() {}

    /**
     * The children as they are (null when not wanted), for {@link #states}; a child just written has no
     * status of its new generation yet.
     */
    public record Applied(Pulp pulp, boolean pulpWritten, SmartProxy proxy, boolean proxyWritten) {}

    /**
     * Creates, corrects or deletes the children; early in a reconcile, so that their operators start while
     * this Foreman's own parts come up.
     */
    public static Applied apply(ManagedObjects<Foreman> objects, ForemanInputs inputs) {
        Foreman foreman = objects.primary();
        KatelloNames names = KatelloNames.of(foreman);
        Pulp pulp = null;
        boolean pulpWritten = false;
        if (ChildResources.wantsPulp(foreman)) {
            objects.apply(ChildResources.pulpSettings(foreman, inputs.endpoint().url(), userPulpSettings(objects)));
            Pulp desired = ChildResources.pulp(foreman);
            Pulp before = objects.cached(Pulp.class, names.pulp());
            pulp = objects.apply(desired);
            pulpWritten = pulp == desired;
            pulp = pulpWritten && before != null ? before : pulp;
        } else {
            objects.deleteIfPresent(Pulp.class, names.pulp());
            objects.deleteIfPresent(ConfigMap.class, names.pulpSettings());
        }
        SmartProxy proxy = null;
        boolean proxyWritten = false;
        if (ChildResources.wantsProxy(foreman)) {
            SmartProxy desired = ChildResources.smartProxy(foreman);
            SmartProxy before = objects.cached(SmartProxy.class, names.smartProxy());
            proxy = objects.apply(desired);
            proxyWritten = proxy == desired;
            proxy = proxyWritten && before != null ? before : proxy;
        } else {
            objects.deleteIfPresent(SmartProxy.class, names.smartProxy());
        }
        return new Applied(pulp, pulpWritten, proxy, proxyWritten);
    }

    /** PulpReady (with the Pulp's registration in Foreman once its web serves) and SmartProxyReady. */
    public static Result states(
            ManagedObjects<Foreman> objects,
            ForemanInputs inputs,
            Credentials.Generated credentials,
            ComponentState web,
            PulpRegistration registration,
            Applied children) {
        Foreman foreman = objects.primary();
        KatelloNames names = KatelloNames.of(foreman);
        List<ComponentState> states = new ArrayList<>();
        Duration retry = null;
        if (children.pulp() != null) {
            Pulp pulp = children.pulp();
            ComponentState mirrored = ChildConditions.mirror(
                    ForemanConditions.PULP_READY,
                    "Pulp",
                    names.pulp(),
                    children.pulpWritten(),
                    generation(pulp),
                    pulp.getStatus() == null ? null : pulp.getStatus().getConditions());
            PulpRegistration.Result registered = registration.reconcile(objects, inputs, credentials, mirrored, web);
            states.add(registered.state());
            retry = registered.retryAfter();
        } else {
            registration.forget(foreman.getMetadata().getUid());
        }
        if (children.proxy() != null) {
            SmartProxy proxy = children.proxy();
            states.add(ChildConditions.mirror(
                    ForemanConditions.SMART_PROXY_READY,
                    "SmartProxy",
                    names.smartProxy(),
                    children.proxyWritten(),
                    generation(proxy),
                    proxy.getStatus() == null ? null : proxy.getStatus().getConditions()));
        }
        return new Result(states, retry);
    }

    /** The entries of the user's spec.pulp.custom_pulp_settings ConfigMap (none when unset or absent). */
    private static Map<String, String> userPulpSettings(ManagedObjects<Foreman> objects) {
        PulpSpec template = objects.primary().getSpec().getPulp();
        if (template == null || template.getCustomPulpSettings() == null) {
            return Map.of();
        }
        ConfigMap user = objects.referenced(ConfigMap.class, template.getCustomPulpSettings());
        return user == null || user.getData() == null ? Map.of() : user.getData();
    }

    /** The child's generation once the API server has it (an object just written is the desired one). */
    private static Long generation(HasMetadata child) {
        return child.getMetadata().getGeneration();
    }
}
