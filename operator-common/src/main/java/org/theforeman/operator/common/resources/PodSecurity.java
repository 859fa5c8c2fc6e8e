package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** The restricted Pod Security Standard, as every managed pod of the suite runs. */
public final class PodSecurity {
    private PodSecurity() {}

    /** Non-root as the image's own user, RuntimeDefault seccomp; a null group or fsGroup is left unset. */
    public static PodSecurityContext pod(long user, Long group, Long fsGroup) {
        PodSecurityContext context = new PodSecurityContext();
        context.setRunAsNonRoot(true);
        context.setRunAsUser(user);
        context.setRunAsGroup(group);
        context.setFsGroup(fsGroup);
        context.setSeccompProfile(
                new SeccompProfileBuilder().withType("RuntimeDefault").build());
        return context;
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
