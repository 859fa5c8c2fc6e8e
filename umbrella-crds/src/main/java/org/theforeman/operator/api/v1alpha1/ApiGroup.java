package org.theforeman.operator.api.v1alpha1;

/** Names shared by the three kinds of the suite's API. */
public final class ApiGroup {
    public static final String GROUP = "app.theforeman.org";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** Category: {@code kubectl get theforeman} lists every kind of the suite. */
    public static final String CATEGORY = "theforeman";

    private ApiGroup() {}
}
