package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Desired state of a {@link SmartProxy}. The full field set is defined by the API issue. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SmartProxySpec {
  @JsonPropertyDescription("Container image of the Smart Proxy.")
  private String image;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }
}
