package org.changchun.layout.plan;

/** Collection ids fixed by the service's contract. */
public final class PlanLayers {

    public static final String DISTRICTS = "districts";
    public static final String PROJECTS = "projects";

    private PlanLayers() {
    }
}
