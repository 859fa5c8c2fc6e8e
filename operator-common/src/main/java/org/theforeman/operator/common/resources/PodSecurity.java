package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** The restricted Pod Security Standard, as every managed pod of the suite runs. */
public final class PodSecurity {
    private PodSecurity() {}

    /** Non-root as the image's own user, RuntimeDefault seccomp; a null group or fsGroup is left unset. */
    public static PodSecurityContext pod(long user, Long group, Long fsGroup) {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(user)
                .withRunAsGroup(group)
                .withFsGroup(fsGroup)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }

    /** No privilege escalation, no capabilities, non-root, RuntimeDefault seccomp. */
    public static SecurityContext container() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }
}
