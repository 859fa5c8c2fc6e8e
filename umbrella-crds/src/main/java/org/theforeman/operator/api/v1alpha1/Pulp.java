package org.theforeman.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A pulpcore deployment: API, content and worker pods, storage, database and migrations. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("pulps")
@ShortNames("pulp")
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
@AdditionalPrinterColumn(name = "Version", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.version")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
public class Pulp extends CustomResource<PulpSpec, PulpStatus> implements Namespaced {
    public static final String CRD_NAME = "pulps." + ApiGroup.GROUP;

    @Override
    protected PulpSpec initSpec() {
        return new PulpSpec();
    }
}
