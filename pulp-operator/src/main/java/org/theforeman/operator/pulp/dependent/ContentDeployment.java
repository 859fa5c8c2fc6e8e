package org.theforeman.operator.pulp.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;

/** pulpcore-content: serves artifacts on port 24816 under /pulp/content/. */
public final class ContentDeployment {
  public static final String CONTENT_PATH = "/pulp/content/";

  private ContentDeployment() {}

  public static Deployment desired(Pulp pulp, PulpInputs inputs, String image) {
    int port = PulpComponent.CONTENT.port();
    return PulpDeployment.desired(pulp, inputs, PulpComponent.CONTENT, image,
        List.of("pulpcore-content", "--bind", "0.0.0.0:" + port, "--workers", "2", "--access-logfile", "-"),
        PulpDeployment.httpProbe(CONTENT_PATH, port, 10, 3, 5),
        PulpDeployment.httpProbe(CONTENT_PATH, port, 20, 6, 60));
  }
}
