package org.theforeman.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Foreman deployment: web, dynflow, configuration, migrations, and the children its plugins need. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("foremen")
@ShortNames("foreman")
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
@AdditionalPrinterColumn(name = "Dynflow", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.dynflowPods")
@AdditionalPrinterColumn(name = "Web", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.webPods")
@AdditionalPrinterColumn(name = "Version", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.version")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
public class Foreman extends CustomResource<ForemanSpec, ForemanStatus> implements Namespaced {
    public static final String CRD_NAME = "foremen." + ApiGroup.GROUP;

    @Override
    protected ForemanSpec initSpec() {
        return new ForemanSpec();
    }
}
