package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import java.util.LinkedHashMap;
import java.util.Map;

/** Desired state of a {@link Foreman}. The full field set is defined by the API issue. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForemanSpec {
  @JsonProperty("dynflow_workers")
  @JsonPropertyDescription("Number of dynflow worker pods. One orchestrator always runs in addition.")
  @Min(0)
  private Integer dynflowWorkers;

  @JsonPropertyDescription("Plugins of the Foreman image to enable, by name (for example katello: true).")
  private Map<String, Boolean> plugins = new LinkedHashMap<>();

  public Integer getDynflowWorkers() {
    return dynflowWorkers;
  }

  public void setDynflowWorkers(Integer dynflowWorkers) {
    this.dynflowWorkers = dynflowWorkers;
  }

  public Map<String, Boolean> getPlugins() {
    return plugins;
  }

  public void setPlugins(Map<String, Boolean> plugins) {
    this.plugins = plugins;
  }
}
