package org.theforeman.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Foreman Smart Proxy with its features, registered with a Foreman of this suite or an external one. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("smartproxies")
@ShortNames("proxy")
@Categories(ApiGroup.CATEGORY)
// The generator emits printer columns in reverse order of declaration: declared last, shown first.
@AdditionalPrinterColumn(
        name = "Age",
        type = AdditionalPrinterColumn.Type.DATE,
        jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(
        name = "Reason",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        priority = 1)
@AdditionalPrinterColumn(name = "URL", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.url")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@ValidationRule(
        value = "has(self.spec) && has(self.spec.foreman)",
        message = "spec.foreman is required: name (a Foreman in this namespace) or url and "
                + "credentials_secret (an external Foreman)",
        fieldPath = ".spec")
public class SmartProxy extends CustomResource<SmartProxySpec, SmartProxyStatus> implements Namespaced {
    public static final String CRD_NAME = "smartproxies." + ApiGroup.GROUP;

    @Override
    protected SmartProxySpec initSpec() {
        return new SmartProxySpec();
    }
}
