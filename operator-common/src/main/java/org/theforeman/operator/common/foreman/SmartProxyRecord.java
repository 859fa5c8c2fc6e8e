package org.theforeman.operator.common.foreman;

import java.util.List;

/**
 * A smart proxy as Foreman's API shows it.
 *
 * @param features the names of the features Foreman recorded at the last refresh
 */
public record SmartProxyRecord(long id, String name, String url, List<String> features) {
    public SmartProxyRecord {
        features = features == null ? List.of() : List.copyOf(features);
    }
}
