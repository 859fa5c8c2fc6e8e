package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** A Smart Proxy feature that is only switched on or off. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Feature {
    @JsonPropertyDescription("Whether the feature is enabled.")
    @Default("true")
    private Boolean enabled;

    public Feature() {}

    public Feature(Boolean enabled) {
        this.enabled = enabled;
    }

    /** Enabled unless explicitly disabled: listing a feature turns it on. */
    @JsonIgnore
    public boolean isOn() {
        return !Boolean.FALSE.equals(enabled);
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
