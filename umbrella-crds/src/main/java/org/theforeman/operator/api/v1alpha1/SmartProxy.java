package org.theforeman.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
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
@AdditionalPrinterColumn(
    name = "Ready",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Reason",
    type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    priority = 1)
@AdditionalPrinterColumn(name = "Foreman", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.foreman.name")
@AdditionalPrinterColumn(
    name = "Age",
    type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class SmartProxy extends CustomResource<SmartProxySpec, SmartProxyStatus> implements Namespaced {
  public static final String CRD_NAME = "smartproxies." + ApiGroup.GROUP;
}
