package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.DeletionPolicy;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.ManagedMetadata.Lifecycle;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.ForemanOperator;

/** Metadata of Foreman's managed objects. */
public final class ForemanMeta {
    private ForemanMeta() {}

    public static ObjectMeta owned(Foreman foreman, String name, String component) {
        return ManagedMetadata.of(
                foreman, name, ForemanNames.APPLICATION, component, ForemanOperator.NAME, Lifecycle.OWNED);
    }

    /** Data (claims, generated credentials): kept when the Foreman is deleted unless deletion_policy is Delete. */
    public static ObjectMeta data(Foreman foreman, String name, String component) {
        return ManagedMetadata.of(
                foreman,
                name,
                ForemanNames.APPLICATION,
                component,
                ForemanOperator.NAME,
                deletesData(foreman) ? Lifecycle.OWNED : Lifecycle.RETAINED);
    }

    public static boolean deletesData(Foreman foreman) {
        return foreman.getSpec().getDeletionPolicy() == DeletionPolicy.Delete;
    }

    public static Map<String, String> selector(Foreman foreman, String component) {
        return StandardLabels.selector(foreman, ForemanNames.APPLICATION, component);
    }
}
