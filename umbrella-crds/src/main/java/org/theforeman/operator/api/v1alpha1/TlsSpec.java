package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The certificate a component serves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!(has(self.secret) && has(self.issuer))",
        message = "tls needs at most one of secret (your certificate) and issuer (cert-manager)")
public class TlsSpec {
    @JsonPropertyDescription(
            "Name of a kubernetes.io/tls Secret (tls.crt, tls.key and ca.crt) to serve; when unset the operator"
                    + " generates a CA and a certificate once and keeps them.")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    private String secret;

    @JsonPropertyDescription("A cert-manager issuer that signs the certificate instead of the suite's CA (needs"
            + " cert-manager's API in the cluster).")
    private IssuerReference issuer;

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public IssuerReference getIssuer() {
        return issuer;
    }

    public void setIssuer(IssuerReference issuer) {
        this.issuer = issuer;
    }
}
