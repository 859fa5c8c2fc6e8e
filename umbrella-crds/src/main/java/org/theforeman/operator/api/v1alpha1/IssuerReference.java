package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** A cert-manager Issuer or ClusterIssuer, as a Certificate's issuerRef names it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IssuerReference {
    public enum Kind {
        Issuer,
        ClusterIssuer
    }

    @JsonPropertyDescription("Name of the issuer.")
    @Required
    private String name;

    @JsonPropertyDescription("Issuer (in this namespace) or ClusterIssuer.")
    @Default("Issuer")
    private Kind kind;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }
}
