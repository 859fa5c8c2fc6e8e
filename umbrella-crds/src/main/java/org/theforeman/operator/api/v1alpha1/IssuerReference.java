package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A cert-manager Issuer or ClusterIssuer, as a Certificate's issuerRef names it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IssuerReference {
    public enum Kind {
        Issuer,
        ClusterIssuer
    }

    @JsonPropertyDescription("Name of the issuer.")
    @Required
    @Size(max = 253)
    @ValidationRule(
            value = Cel.NAME,
            message = "must be the name of a cert-manager Issuer or ClusterIssuer" + Cel.NAME_RULES)
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
