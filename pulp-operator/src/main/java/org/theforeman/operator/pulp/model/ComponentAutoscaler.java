package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import org.theforeman.operator.api.v1alpha1.AutoscalerSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpNames;

/** A HorizontalPodAutoscaler (CPU) for a component whose spec asks for one. */
public final class ComponentAutoscaler {
    private ComponentAutoscaler() {}

    /** Null when the component has no hpa. */
    public static HorizontalPodAutoscaler desired(Pulp pulp, PulpComponent component) {
        AutoscalerSpec hpa = component.settings(pulp.getSpec()).getHpa();
        if (hpa == null) {
            return null;
        }
        String name = PulpNames.of(pulp).component(component);
        return new HorizontalPodAutoscalerBuilder()
                .withMetadata(PulpMeta.owned(pulp, name, component.id()))
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(name)
                .endScaleTargetRef()
                .withMinReplicas(hpa.getMinReplicas() == null ? 1 : hpa.getMinReplicas())
                .withMaxReplicas(hpa.getMaxReplicas())
                .addNewMetric()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(
                        hpa.getTargetCpuUtilizationPercentage() == null ? 80 : hpa.getTargetCpuUtilizationPercentage())
                .endTarget()
                .endResource()
                .endMetric()
                .endSpec()
                .build();
    }
}
