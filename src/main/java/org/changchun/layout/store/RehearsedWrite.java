package org.changchun.layout.store;

/**
 * What a rehearsed layer write went through (see {@link FeatureStore#rehearseWrite}).
 *
 * @param features the features encoded
 * @param links    the links they would have to the plan's polygons
 */
public record RehearsedWrite(long features, long links) {
}
