package org.changchun.layout.feature;

/** A feature of a project or imported layer linked to a plan polygon that contains or intersects it. */
public record FeatureLink(
        String sourceLayer, String sourceId, String targetLayer, String targetId, LinkRelation relation) {
}
