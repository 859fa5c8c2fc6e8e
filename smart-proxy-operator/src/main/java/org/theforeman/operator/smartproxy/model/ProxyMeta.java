package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.theforeman.operator.api.v1alpha1.DeletionPolicy;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.ManagedMetadata.Lifecycle;
import org.theforeman.operator.smartproxy.SmartProxyOperator;

/** Metadata of a SmartProxy's managed objects. */
final class ProxyMeta {
    private ProxyMeta() {}

    static ObjectMeta owned(SmartProxy proxy, String name, String component) {
        return ManagedMetadata.of(
                proxy, name, ProxyNames.APPLICATION, component, SmartProxyOperator.NAME, Lifecycle.OWNED);
    }

    /** Generated certificates and SSH keys: kept when the SmartProxy is deleted unless deletion_policy is Delete. */
    static ObjectMeta data(SmartProxy proxy, String name, String component) {
        Lifecycle lifecycle =
                proxy.getSpec().getDeletionPolicy() == DeletionPolicy.Delete ? Lifecycle.OWNED : Lifecycle.RETAINED;
        return ManagedMetadata.of(proxy, name, ProxyNames.APPLICATION, component, SmartProxyOperator.NAME, lifecycle);
    }
}
